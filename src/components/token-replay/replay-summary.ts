/** Turns a replay's token requests into the numbers the chart and the table show. Pure. */
import type { ReplayResult } from './run-replay.ts';

/** Token requests in one hour of the replay. */
export interface HourBucket {
  readonly hour: number;
  readonly ok: number;
  readonly refused: number;
}

/** The figures for one strategy. */
export interface ReplaySummary {
  readonly strategy: ReplayResult['strategy'];
  readonly hours: number;
  readonly apiCalls: number;
  readonly failedCalls: number;
  readonly tokenRequests: number;
  readonly refused: number;
  /** Most token requests that went out within a single second. */
  readonly peakPerSecond: number;
  readonly buckets: HourBucket[];
}

/** Counts a replay's token requests per hour, and its totals. */
export function summarize(result: ReplayResult): ReplaySummary {
  const buckets = Array.from({ length: result.hours }, (_, hour) => ({ hour, ok: 0, refused: 0 }));
  const perSecond = new Map<number, number>();
  for (const request of result.tokenRequests) {
    const bucket = buckets[Math.min(Math.floor(request.at / 3600), result.hours - 1)]!;
    if (request.status === 200) bucket.ok += 1;
    else bucket.refused += 1;
    perSecond.set(request.at, (perSecond.get(request.at) ?? 0) + 1);
  }
  const refused = result.tokenRequests.filter((request) => request.status !== 200).length;
  return {
    strategy: result.strategy,
    hours: result.hours,
    apiCalls: result.apiCalls,
    failedCalls: result.failedCalls,
    tokenRequests: result.tokenRequests.length,
    refused,
    peakPerSecond: Math.max(0, ...perSecond.values()),
    buckets,
  };
}
