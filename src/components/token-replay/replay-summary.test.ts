import { describe, expect, it } from 'vitest';
import { summarize } from './replay-summary.ts';

const base = { strategy: 'naive' as const, hours: 3, apiCalls: 4, failedCalls: 1, tokenLimit: { limit: 30, perSecond: 30 } };

describe('summarize', () => {
  it('counts token requests per hour, refused ones apart', () => {
    const summary = summarize({ ...base, tokenRequests: [{ at: 10, status: 200 }, { at: 3700, status: 200 }, { at: 3700, status: 429 }, { at: 7300, status: 200 }] });
    expect(summary.buckets).toEqual([{ hour: 0, ok: 1, refused: 0 }, { hour: 1, ok: 1, refused: 1 }, { hour: 2, ok: 1, refused: 0 }]);
    expect(summary.tokenRequests).toBe(4);
    expect(summary.refused).toBe(1);
    expect(summary.peakPerSecond).toBe(2);
  });

  it('puts a request at the very end into the last hour', () => {
    expect(summarize({ ...base, tokenRequests: [{ at: 3 * 3600, status: 200 }] }).buckets[2]?.ok).toBe(1);
  });

  it('reports a peak of 0 when there were no token requests', () => {
    expect(summarize({ ...base, tokenRequests: [] }).peakPerSecond).toBe(0);
  });
});
