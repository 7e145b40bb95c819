import { describe, expect, it } from 'vitest';
import { buildWorkload, THREE_DAYS } from './workload.ts';

describe('buildWorkload', () => {
  it('places one call every interval across the whole span', () => {
    const events = buildWorkload({ hours: 1, everyMinutes: 15 });
    expect(events).toEqual([{ at: 0, calls: 1 }, { at: 900, calls: 1 }, { at: 1800, calls: 1 }, { at: 2700, calls: 1 }]);
  });

  it('joins a burst to the steady call at the same second', () => {
    const events = buildWorkload({ hours: 2, everyMinutes: 30, burst: { atHour: 1, calls: 40 } });
    expect(events.find((event) => event.at === 3600)).toEqual({ at: 3600, calls: 41 });
  });

  it('gives three days of a call every ten minutes plus a burst of 40', () => {
    const events = buildWorkload(THREE_DAYS);
    expect(events).toHaveLength(432);
    expect(events.reduce((sum, event) => sum + event.calls, 0)).toBe(472);
  });

  it('refuses a span or interval of zero', () => {
    expect(() => buildWorkload({ hours: 0, everyMinutes: 10 })).toThrow(/hours and everyMinutes/);
    expect(() => buildWorkload({ hours: 1, everyMinutes: 0 })).toThrow(/hours and everyMinutes/);
  });
});
