import { describe, expect, it } from 'vitest';
import { runReplay } from './run-replay.ts';
import { summarize } from './replay-summary.ts';
import { replayChartSvg } from './replay-chart.ts';
import { buildWorkload } from './workload.ts';

// A short workload with the same burst as the page's three days, so the test stays quick.
const SHORT = { hours: 26, everyMinutes: 60, burst: { atHour: 2, calls: 40 } };
const events = buildWorkload(SHORT);

describe('runReplay against a fresh in-memory tenant', () => {
  it('naive: one token request per API call, and a burst of 40 overruns the token endpoint\'s 30', async () => {
    const summary = summarize(await runReplay({ strategy: 'naive', events, hours: SHORT.hours }));
    expect(summary.apiCalls).toBe(26 + 40);
    expect(summary.tokenRequests).toBe(66);
    expect(summary.peakPerSecond).toBe(41);
    expect(summary.refused).toBe(11);
    expect(summary.failedCalls).toBe(11);
    expect(summary.buckets[2]).toEqual({ hour: 2, ok: 30, refused: 11 });
  });

  it('cached: one request at the start, one a day later, none refused', async () => {
    const summary = summarize(await runReplay({ strategy: 'cached', events, hours: SHORT.hours }));
    expect(summary.tokenRequests).toBe(2);
    expect(summary.refused).toBe(0);
    expect(summary.failedCalls).toBe(0);
    expect(summary.buckets.filter((bucket) => bucket.ok > 0).map((bucket) => bucket.hour)).toEqual([0, 24]);
  });

  it('pauses between chunks and reports progress up to the end', async () => {
    const progress: number[] = [];
    let pauses = 0;
    await runReplay({ strategy: 'cached', events, hours: SHORT.hours, chunk: 10, pause: async () => void (pauses += 1), onProgress: (fraction) => progress.push(fraction) });
    expect(pauses).toBe(2);
    expect(progress.at(-1)).toBe(1);
  });

  it('gives the same numbers on every run', async () => {
    const first = summarize(await runReplay({ strategy: 'naive', events, hours: SHORT.hours }));
    const second = summarize(await runReplay({ strategy: 'naive', events, hours: SHORT.hours }));
    expect(second).toEqual(first);
  });

  it('charts both strategies with a text alternative naming the counts', async () => {
    const summaries = await Promise.all((['naive', 'cached'] as const).map(async (strategy) => summarize(await runReplay({ strategy, events, hours: SHORT.hours }))));
    const svg = replayChartSvg(summaries, 'test');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="test-title test-desc"');
    expect(svg).toContain('66 token requests in 26 hours (11 refused with 429 Too Many Requests)');
    expect(svg).toContain('2 token requests in 26 hours (none refused)');
    expect(svg).toContain('11 × 429');
  });
});
