/**
 * The replay's DOM side: on "Run the replay", loads the tenant (dynamic import), replays both
 * strategies in small chunks so the page stays responsive, and redraws the chart and table.
 */
import type { ActionTarget } from '../widget-kit/lazy-actions.ts';
import type { ReplaySummary } from './replay-summary.ts';

/** Wires one `[data-token-replay]` element; the eager script routes its "run" clicks here. */
export function mountTokenReplay(root: HTMLElement): ActionTarget {
  const button = root.querySelector<HTMLButtonElement>('[data-run]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const chart = root.querySelector<HTMLElement>('[data-chart]')!;
  const table = root.querySelector<HTMLTableSectionElement>('[data-rows]')!;
  const idPrefix = root.dataset.idPrefix ?? 'token-replay';
  let runs = 0;

  const run = async () => {
    // Clicks made while the code was loading all arrive at once: the disabled button marks the
    // replay already under way, and one is enough.
    if (button.disabled) return;
    button.disabled = true;
    status.textContent = 'Loading the tenant…';
    try {
      const [{ runReplay }, { summarize }, { replayChartSvg }, { replayTableRows }, { buildWorkload, THREE_DAYS }] = await Promise.all([
        import('./run-replay.ts'),
        import('./replay-summary.ts'),
        import('./replay-chart.ts'),
        import('./replay-table.ts'),
        import('./workload.ts'),
      ]);
      const events = buildWorkload(THREE_DAYS);
      const summaries: ReplaySummary[] = [];
      for (const strategy of ['naive', 'cached'] as const) {
        const label = strategy === 'naive' ? 'the naive version' : 'the cached version';
        const result = await runReplay({
          strategy,
          events,
          hours: THREE_DAYS.hours,
          pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
          onProgress: (fraction) => (status.textContent = `Replaying ${label}: ${Math.round(fraction * 100)} %`),
        });
        summaries.push(summarize(result));
      }
      runs += 1;
      chart.innerHTML = replayChartSvg(summaries, `${idPrefix}-live${runs}`);
      table.replaceChildren(
        ...replayTableRows(summaries).map((cells) => {
          const row = document.createElement('tr');
          cells.forEach((text, index) => {
            const cell = document.createElement(index === 0 ? 'th' : 'td');
            if (index === 0) cell.setAttribute('scope', 'row');
            cell.textContent = text;
            row.append(cell);
          });
          return row;
        }),
      );
      const [naive, cached] = summaries;
      status.textContent = `Replay finished in your browser: ${naive?.tokenRequests} token requests (${naive?.refused} refused) against ${cached?.tokenRequests} (${cached?.refused} refused).`;
    } catch (error) {
      status.textContent = `The replay could not run: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      button.disabled = false;
    }
  };

  return { act: (action) => (action === 'run' ? run() : Promise.resolve()) };
}
