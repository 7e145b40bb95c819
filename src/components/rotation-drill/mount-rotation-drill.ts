/**
 * The rotation drill's DOM side: plays a plan (drill-plans.ts) on the page's sandbox tenant one
 * step at a time, redrawing the fleet's timeline after each, so the reader sees the requests turn
 * red (or not) as the rotation goes.
 */
import { startBrowserTenant } from '../../tenant/hosts/browser.ts';
import { el } from '../../playground/element-factory.ts';
import { FLEET_INSTANCES } from '../../tenant/index.ts';
import { PLANS, type PlanId } from './drill-plans.ts';
import { describeCounts, describeMark, fleetTimeline, type Timeline, type TimelineEvent } from './fleet-timeline.ts';

/** A pause between steps, so the timeline is seen to grow; short enough not to bore. */
const STEP_PAUSE_MS = 350;
/** The timeline is at least this many seconds wide, so the two plans share a scale. */
const MIN_SPAN_SECONDS = 130;

export async function mountRotationDrill(root: HTMLElement): Promise<void> {
  const q = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const ui = {
    status: q('[data-rotation-status]'),
    steps: q<HTMLOListElement>('[data-rotation-steps]'),
    tracks: [...root.querySelectorAll<HTMLElement>('[data-instance]')],
    events: q('[data-events]'),
    eventList: q<HTMLOListElement>('[data-event-list]'),
    counts: q('[data-rotation-counts]'),
    rows: q('[data-rotation-rows]'),
  };
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-plan]')];
  const browser = await startBrowserTenant();
  for (const button of buttons) button.disabled = false;

  const draw = (timeline: Timeline, events: readonly TimelineEvent[]) => {
    const span = Math.max(MIN_SPAN_SECONDS, timeline.span + 5);
    const left = (at: number) => `${Math.min(100, (at / span) * 100)}%`;
    ui.tracks.forEach((track, instance) => {
      track.replaceChildren(
        ...timeline.marks
          .filter((mark) => mark.instance === instance)
          .map((mark) => el('span', { class: 'tl-rotation-mark', 'data-outcome': mark.outcome, style: `left: ${left(mark.at)}` }, mark.outcome === 'ok' ? '✓' : mark.outcome === 'fallback' ? '↻' : '✗')),
      );
    });
    const inOrder = [...events].sort((a, b) => a.at - b.at);
    // Two events a moment apart (a rotation and the deploy right after it) would print their
    // numbers over each other: the second goes one line lower.
    // Events a moment apart (a key registered, enabled and deployed within a second) would print
    // their numbers over each other: each one close to the one before goes a row lower.
    let row = 0;
    ui.events.replaceChildren(
      ...inOrder.map((event, index) => {
        row = index > 0 && (event.at - inOrder[index - 1]!.at) / span < 0.04 ? (row + 1) % 3 : 0;
        return el('span', { class: 'tl-rotation-event', style: `left: ${left(event.at)}`, 'data-row': String(row) }, String(index + 1));
      }),
    );
    ui.eventList.replaceChildren(...inOrder.map((event) => el('li', {}, `+${event.at} s: ${event.label}`)));
    ui.counts.textContent = describeCounts(timeline.counts, heldOf(timeline));
    ui.rows.replaceChildren(
      ...Array.from({ length: FLEET_INSTANCES }, (_, instance) =>
        timeline.marks
          .filter((mark) => mark.instance === instance)
          .map((mark) => el('tr', { 'data-outcome': mark.outcome }, el('td', {}, `Instance ${instance}`), el('td', {}, describeMark(mark)))),
      ).flat(),
    );
  };

  const play = async (plan: PlanId) => {
    for (const button of buttons) button.disabled = true;
    const { title, steps, start } = PLANS[plan];
    ui.status.textContent = `Playing ${title.toLowerCase()}…`;
    ui.steps.replaceChildren(
      ...steps.map((step) =>
        el('li', {}, step.label, step.call ? ': ' : '', step.call ? el('code', {}, step.call) : null, step.note ? el('span', { class: 'tl-muted' }, ` (${step.note})`) : null),
      ),
    );
    try {
      const drill = await start(browser.tenant);
      for (const [index, step] of steps.entries()) {
        const item = ui.steps.children[index]!;
        item.setAttribute('aria-current', 'step');
        await step.run(drill);
        draw(fleetTimeline(browser.tenant.fleet()!, drill.events), drill.events);
        await new Promise((resolve) => setTimeout(resolve, STEP_PAUSE_MS));
        item.removeAttribute('aria-current');
      }
      const timeline = fleetTimeline(browser.tenant.fleet()!, drill.events);
      const { counts } = timeline;
      ui.status.textContent =
        counts.failed > 0
          ? `${title}: ${counts.failed} request${counts.failed === 1 ? '' : 's'} got no token. ${describeCounts(counts, heldOf(timeline))}`
          : `${title}: not one request failed. ${describeCounts(counts, heldOf(timeline))}`;
    } catch (error) {
      ui.status.textContent = `The drill could not finish: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      for (const button of buttons) button.disabled = false;
    }
  };
  for (const button of buttons) button.addEventListener('click', () => void play(button.dataset.plan as PlanId));
}

/** Whether the fleet held secrets or keys, for the words under the picture. */
function heldOf(timeline: Timeline): 'secret' | 'key' {
  return timeline.marks.some((mark) => mark.held === 'key') ? 'key' : 'secret';
}
