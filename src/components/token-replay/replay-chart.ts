/**
 * The replay's chart as an SVG string: token requests per hour, one panel per strategy on a
 * shared scale, refused requests stacked in red. Colours come from Starlight's variables and
 * `currentColor`, so it reads in both themes. Pure, so the same code draws it at build time
 * and in the browser.
 */
import type { ReplaySummary } from './replay-summary.ts';

const WIDTH = 720;
const LEFT = 44;
const RIGHT = 12;
const PANEL_HEIGHT = 110;
const PANEL_GAP = 58;
const TOP = 30;

/** Human names of the strategies, shared by the chart and the table. */
export const STRATEGY_LABELS: Record<ReplaySummary['strategy'], string> = {
  naive: 'Asks for a token on every call',
  cached: 'Cached, refreshed a minute before exp, one shared request',
};

function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** One sentence per strategy, for the chart's description and screen readers. */
export function describeSummary(summary: ReplaySummary): string {
  const refused = summary.refused === 0 ? 'none refused' : `${summary.refused} refused with 429 Too Many Requests`;
  return `${STRATEGY_LABELS[summary.strategy]}: ${summary.tokenRequests} token requests in ${summary.hours} hours (${refused}), at most ${summary.peakPerSecond} in one second; ${summary.failedCalls} of ${summary.apiCalls} API calls failed.`;
}

/** The chart; `idPrefix` keeps the title and description ids unique on the page. */
export function replayChartSvg(summaries: readonly ReplaySummary[], idPrefix: string): string {
  const hours = Math.max(1, ...summaries.map((summary) => summary.hours));
  const max = Math.max(1, ...summaries.flatMap((summary) => summary.buckets.map((bucket) => bucket.ok + bucket.refused)));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const barWidth = plotWidth / hours;
  const height = TOP + summaries.length * (PANEL_HEIGHT + PANEL_GAP) - 10;
  const y = (value: number) => (value / max) * PANEL_HEIGHT;
  const parts: string[] = [];

  summaries.forEach((summary, index) => {
    const top = TOP + index * (PANEL_HEIGHT + PANEL_GAP);
    const base = top + PANEL_HEIGHT;
    const refusedText = summary.refused > 0 ? `, ${summary.refused} refused (429)` : '';
    parts.push(`<text x="${LEFT}" y="${top - 10}" font-size="13" font-weight="600" fill="currentColor">${escapeText(`${STRATEGY_LABELS[summary.strategy]}: ${summary.tokenRequests} token requests${refusedText}`)}</text>`);
    parts.push(`<line x1="${LEFT}" y1="${base}" x2="${WIDTH - RIGHT}" y2="${base}" stroke="var(--sl-color-gray-3)" />`);
    parts.push(`<text x="${LEFT - 6}" y="${top + 4}" font-size="11" text-anchor="end" fill="currentColor">${max}</text>`);
    parts.push(`<text x="${LEFT - 6}" y="${base}" font-size="11" text-anchor="end" fill="currentColor">0</text>`);
    const sparse = summary.buckets.filter((bucket) => bucket.ok + bucket.refused > 0).length <= 8;
    for (const bucket of summary.buckets) {
      const x = LEFT + bucket.hour * barWidth + 0.5;
      const w = Math.max(1, barWidth - 1);
      const okHeight = y(bucket.ok);
      const refusedHeight = y(bucket.refused);
      // At least a sliver, so one request an hour stays visible on a scale made for dozens.
      if (bucket.ok > 0) parts.push(`<rect x="${x.toFixed(1)}" y="${(base - Math.max(2, okHeight)).toFixed(1)}" width="${w.toFixed(1)}" height="${Math.max(2, okHeight).toFixed(1)}" fill="var(--sl-color-accent)" />`);
      if (bucket.refused > 0) {
        const top = base - okHeight - refusedHeight;
        parts.push(`<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${w.toFixed(1)}" height="${refusedHeight.toFixed(1)}" fill="var(--sl-color-red)" />`);
        parts.push(`<text x="${(x + w + 4).toFixed(1)}" y="${(top + 10).toFixed(1)}" font-size="11" fill="currentColor">${bucket.refused} × 429</text>`);
      }
      if (sparse && bucket.ok + bucket.refused > 0) {
        parts.push(`<text x="${(x + w / 2).toFixed(1)}" y="${(base - Math.max(2, okHeight) - 4).toFixed(1)}" font-size="11" text-anchor="middle" fill="currentColor">${bucket.ok + bucket.refused}</text>`);
      }
    }
    for (let hour = 0; hour <= hours; hour += 12) {
      const x = LEFT + hour * barWidth;
      parts.push(`<line x1="${x.toFixed(1)}" y1="${base}" x2="${x.toFixed(1)}" y2="${base + 4}" stroke="var(--sl-color-gray-3)" />`);
      parts.push(`<text x="${x.toFixed(1)}" y="${base + 17}" font-size="11" text-anchor="middle" fill="currentColor">${hour} h</text>`);
    }
  });

  const title = 'Token requests per hour over three virtual days, for each strategy';
  const description = summaries.map(describeSummary).join(' ');
  return `<svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="${idPrefix}-title">${escapeText(title)}</title><desc id="${idPrefix}-desc">${escapeText(description)}</desc>`
    + parts.join('')
    + '</svg>';
}
