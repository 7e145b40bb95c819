import { describe, expect, it } from 'vitest';
import { describeInstant, instantText } from './describe-instant.ts';

describe('describeInstant', () => {
  it('writes a 2019 iat as an ISO date-time in UTC and how long ago it was', () => {
    const now = Date.UTC(2026, 2, 4, 12, 0, 0);
    const iat = Date.UTC(2019, 2, 4, 10, 0, 0) / 1000;
    expect(instantText(describeInstant(iat, now))).toBe('2019-03-04 10:00 UTC, 7 years ago');
  });

  it('says "in …" for a time ahead and "just now" for the last minute', () => {
    const now = Date.UTC(2026, 11, 3, 12, 0, 0);
    expect(describeInstant(now / 1000 + 86_400, now)).toEqual({ utc: '2026-12-04 12:00 UTC', relative: 'in 24 hours', past: false });
    expect(describeInstant(now / 1000 - 20, now).relative).toBe('just now');
  });
});
