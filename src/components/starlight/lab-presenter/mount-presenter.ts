/**
 * Presenter mode for lab pages: wires the toggle, the step links and the keys.
 *
 * The `data-presenter` attribute on <html> is what the styles key on. LabPresenter.astro's
 * inline script sets it before first paint, so a page opened in presenter mode never flashes
 * the sidebar; this module keeps it, the URL and the tab's memory in step afterwards.
 */
import { KEY_OWNER_SELECTOR, moveForKey, stepAfter } from './presenter-keys.ts';
import {
  FOCUS_STORAGE_KEY,
  PRESENTER_STORAGE_KEY,
  parseFocusTarget,
  presentParam,
  presenterWanted,
  withPresentParam,
  type FocusTarget,
} from './presenter-state.ts';

/** One lab page, as the build lists them in sidebar order. */
export interface LabStep {
  href: string;
  title: string;
}

/** sessionStorage can throw (storage disabled, quota); presenter mode then lasts one page. */
function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function readStorage(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) storage()?.removeItem(key);
    else storage()?.setItem(key, value);
  } catch {
    // Nothing to do: the URL parameter still carries the mode to the next step.
  }
}

/**
 * Starts presenter mode's behaviour on one lab page.
 *
 * @param root the element holding `[data-presenter-toggle]`, with `data-steps` (JSON list of
 *   {@link LabStep}) and `data-index` (this page's place in it).
 */
export function mountPresenter(root: HTMLElement): void {
  const toggle = root.querySelector<HTMLButtonElement>('[data-presenter-toggle]');
  const steps = JSON.parse(root.dataset.steps ?? '[]') as LabStep[];
  const index = Number(root.dataset.index);
  if (!toggle || !Number.isInteger(index) || !steps[index]) return;

  const html = document.documentElement;
  const isOn = () => html.hasAttribute('data-presenter');

  const render = (on: boolean) => {
    html.toggleAttribute('data-presenter', on);
    toggle.setAttribute('aria-pressed', String(on));
    // Show the address that reopens this view, without adding a history entry.
    const current = `${location.pathname}${location.search}${location.hash}`;
    const wanted = withPresentParam(current, on);
    if (wanted !== current) history.replaceState(history.state, '', wanted);
  };

  const setMode = (on: boolean) => {
    writeStorage(PRESENTER_STORAGE_KEY, on ? '1' : null);
    render(on);
  };

  const go = (target: number, focus: FocusTarget) => {
    const step = steps[target];
    if (!step) return;
    writeStorage(FOCUS_STORAGE_KEY, focus);
    location.assign(withPresentParam(step.href, true));
  };

  // An explicit ?present=0 also clears the tab's memory, so it is a real way out.
  const fromUrl = presentParam(location.search);
  if (fromUrl !== null) writeStorage(PRESENTER_STORAGE_KEY, fromUrl ? '1' : null);
  render(presenterWanted(location.search, readStorage(PRESENTER_STORAGE_KEY)));

  toggle.addEventListener('click', () => setMode(!isOn()));

  // A page restored from the back/forward cache kept the mode it had when it was left; the
  // tab may have switched since.
  addEventListener('pageshow', (event) => {
    if (event.persisted) render(presenterWanted(location.search, readStorage(PRESENTER_STORAGE_KEY)));
  });

  // Step links carry ?present in their href already; this only remembers what to focus next.
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-step]')) {
    link.addEventListener('click', (event) => {
      // A click that opens another tab or window leaves this page where it is.
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      const focus = link.dataset.step === 'previous' ? 'previous' : 'next';
      writeStorage(FOCUS_STORAGE_KEY, focus);
    });
  }

  document.addEventListener('keydown', (event) => {
    if (!isOn()) return;
    const move = moveForKey(event);
    if (!move) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest(KEY_OWNER_SELECTOR)) return;
    const next = stepAfter(move, index, steps.length);
    if (next === null) return;
    event.preventDefault();
    go(next, 'title');
  });

  // After a presenter navigation, put focus where the facilitator was: on the same step link
  // (so Enter keeps moving on) or, after a key press, on the new step's title.
  const focus = parseFocusTarget(readStorage(FOCUS_STORAGE_KEY));
  writeStorage(FOCUS_STORAGE_KEY, null);
  if (focus && isOn()) {
    const link = focus === 'title' ? null : root.querySelector<HTMLElement>(`a[data-step="${focus}"]`);
    const title = root.querySelector<HTMLElement>('h1');
    const element = link ?? title;
    if (element === title) title?.setAttribute('tabindex', '-1');
    element?.focus({ preventScroll: true });
  }
}
