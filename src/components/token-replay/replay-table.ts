/** The rows of the replay's figures table, shared by the build-time render and the live one. Pure. */
import { STRATEGY_LABELS } from './replay-chart.ts';
import type { ReplaySummary } from './replay-summary.ts';

/** One table row: strategy name, then the figures as text. */
export function replayTableRows(summaries: readonly ReplaySummary[]): string[][] {
  return summaries.map((summary) => [
    STRATEGY_LABELS[summary.strategy],
    String(summary.tokenRequests),
    String(summary.refused),
    String(summary.peakPerSecond),
    `${summary.failedCalls} of ${summary.apiCalls}`,
  ]);
}

/** Column headings for {@link replayTableRows}. */
export const REPLAY_TABLE_HEADINGS = ['Strategy', 'Token requests', 'Refused (429)', 'Most in one second', 'API calls failed'];
