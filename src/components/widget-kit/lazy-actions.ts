/**
 * For a widget's eager script: routes clicks on `[data-action]` buttons inside `host` to the
 * widget's live part, loading it on the first click (or when `start` is called), and replays the
 * click once it has loaded. Tiny on purpose: its one import is import-free.
 */
import { reportFailure, type FailureReport } from './report-failure.ts';

/** What a widget's live part offers once mounted. */
export interface ActionTarget {
  act(action: string): Promise<void>;
}

/**
 * @param load Imports and mounts the live part (called once).
 * @param failed Where and what the widget tells the reader when its live part cannot load.
 * @param allow Lets the eager script refuse an action before anything loads (e.g. a missing opt-in).
 * @returns `start`, to load ahead of the first click.
 */
export function lazyActions(
  host: HTMLElement,
  load: () => Promise<ActionTarget>,
  failed: FailureReport,
  allow: (action: string) => boolean = () => true,
): () => Promise<ActionTarget | undefined> {
  let started: Promise<ActionTarget | undefined> | undefined;
  const start = () =>
    (started ??= load().catch((error: unknown) => {
      reportFailure(host, failed, error);
      return undefined;
    }));
  host.addEventListener('click', (event) => {
    const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action && allow(action)) void start().then((mounted) => mounted?.act(action));
  });
  return start;
}

/**
 * Starts loading on the first sign the reader is about to use the widget (pointer, focus or key
 * inside it), not merely on scrolling past: a widget near the top of a page would otherwise pull
 * in the tenant before anyone touched it.
 */
export function startOnIntent(host: HTMLElement, start: () => void): void {
  for (const type of ['pointerdown', 'focusin', 'keydown']) host.addEventListener(type, start, { once: true });
}
