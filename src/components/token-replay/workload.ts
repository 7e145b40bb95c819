/**
 * The traffic a replay plays back: what a modest back-office service sends the Management API
 * over three days. Pure data, so the replay is the same on every run and in every browser.
 */

/** A moment at which `calls` API calls start together (concurrently). */
export interface TrafficEvent {
  /** Seconds since the start of the replay. */
  readonly at: number;
  readonly calls: number;
}

/** The shape of the traffic. */
export interface WorkloadOptions {
  /** How long the replay covers, in hours. */
  readonly hours: number;
  /** One call every this many minutes, all day long. */
  readonly everyMinutes: number;
  /** A burst of concurrent calls (a batch job, a backlog after a deploy) at this hour, or none. */
  readonly burst?: { readonly atHour: number; readonly calls: number };
}

/** Three days, a call every 10 minutes, and 40 callers at once at 09:00 on day two. */
export const THREE_DAYS: WorkloadOptions = { hours: 72, everyMinutes: 10, burst: { atHour: 33, calls: 40 } };

/** The events, in time order; a burst at the same second as a steady call joins it. */
export function buildWorkload(options: WorkloadOptions): TrafficEvent[] {
  if (!(options.hours > 0) || !(options.everyMinutes > 0)) {
    throw new Error('[token-replay] a workload needs hours and everyMinutes above 0.');
  }
  const byTime = new Map<number, number>();
  const step = options.everyMinutes * 60;
  for (let at = 0; at < options.hours * 3600; at += step) byTime.set(at, 1);
  if (options.burst) {
    const at = options.burst.atHour * 3600;
    byTime.set(at, (byTime.get(at) ?? 0) + options.burst.calls);
  }
  return [...byTime].sort(([a], [b]) => a - b).map(([at, calls]) => ({ at, calls }));
}
