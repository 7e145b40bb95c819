/**
 * The sandbox notice's DOM side: the calm bar at the bottom of the window (the warning dock's top
 * row, when the page has the dock) that says how the reader's sandbox differs from its start,
 * with Details and the page's one "Reset the sandbox"; the notes
 * beside a lesson's widgets (`[data-sandbox-note]`, SandboxNote.astro), which it fills too; and
 * what screen readers hear when any of it changes.
 *
 * It reads the saved tenant from storage until the page's tenant runs (a widget was used, or
 * Reset was pressed); from then on it follows the tenant itself. The tenant host is imported
 * only then, so the notice never makes a page load the tenant on its own.
 */
import type { BrowserTenant } from '../../tenant/hosts/browser.ts';
import { SAVED_TENANT_KEY } from './saved-tenant-key.ts';
import { UNCHANGED, changesToShow, sandboxState, type ChangeKind, type SandboxState } from './sandbox-changes.ts';
import { BACK_TO_START, explanation, resetDone, resetScope, shortSummary, summary } from './sandbox-text.ts';

/**
 * Quiet time before the bar follows a change: a playground run or a lab check may move the
 * clock or set the lifetime aside and put them back within a second (lab exercise 4 does), and
 * the bar should not flicker or speak for that.
 */
const QUIET_MS = 1_000;

let notice: SandboxNotice | undefined;

/**
 * Why the eager script starts the notice: a saved tenant to read at load, the reader using a
 * widget that shows the tenant (from then on the notice follows the running tenant), or another
 * tab changing the saved tenant (news, so it is spoken).
 */
export type MountReason = 'saved' | 'used' | 'other-tab';

/** Starts the notice in `root`, once per page. */
export function mountSandboxNotice(root: HTMLElement, reason: MountReason): void {
  notice ??= new SandboxNotice(root, reason === 'other-tab');
  if (reason === 'used') notice.followTenant();
}

class SandboxNotice {
  readonly #ui;
  readonly #dock: HTMLElement | null;
  #state: SandboxState = UNCHANGED;
  /** What the bar shows: the changes, a reset's confirmation, or nothing. */
  #mode: 'hidden' | 'changed' | 'reset' = 'hidden';
  /** The summary last shown, so an unchanged one is not spoken again. */
  #shown = '';
  #tenant: Promise<BrowserTenant> | undefined;
  #live: BrowserTenant | undefined;
  #busy = false;
  #quiet: ReturnType<typeof setTimeout> | undefined;
  /** Where focus was before the reader went into the bar, to go back to when it closes. */
  #lastFocus: HTMLElement | undefined;

  constructor(root: HTMLElement, speak: boolean) {
    const q = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
    this.#ui = {
      bar: q('[data-sandbox-bar]'),
      label: q('[data-sandbox-label]'),
      summary: q('[data-sandbox-summary]'),
      short: q('[data-sandbox-short]'),
      details: q<HTMLButtonElement>('[data-sandbox-details]'),
      reset: q<HTMLButtonElement>('[data-sandbox-reset]'),
      close: q<HTMLButtonElement>('[data-sandbox-close]'),
      panel: q('[data-sandbox-panel]'),
      list: q('[data-sandbox-list]'),
      scope: q('[data-sandbox-scope]'),
      announce: q('[data-sandbox-announce]'),
    };
    this.#dock = placeNotice(root);
    const ui = this.#ui;

    ui.details.addEventListener('click', () => this.#openDetails(ui.details.getAttribute('aria-expanded') !== 'true'));
    ui.reset.addEventListener('click', () => void this.#reset());
    ui.close.addEventListener('click', () => this.#close());
    for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-sandbox-goto]')) {
      link.addEventListener('click', (event) => {
        if (ui.bar.hidden) return;
        event.preventDefault();
        ui.reset.focus();
      });
    }
    addEventListener('focusin', (event) => {
      if (event.target instanceof HTMLElement && !root.contains(event.target)) this.#lastFocus = event.target;
    });
    // Another tab changed the saved tenant: shown from storage until this page's own tenant runs,
    // which then adopts such changes itself (hosts/browser.ts) and tells this notice.
    addEventListener('storage', (event) => {
      if (event.key !== SAVED_TENANT_KEY || this.#live) return;
      this.#state = readSaved();
      this.#render(true);
    });
    // The yellow legacy bar speaks for legacy mode while it shows; follow it coming and going.
    const legacyBar = this.#legacyBar();
    if (legacyBar) new MutationObserver(() => this.#render(false)).observe(legacyBar, { attributes: true, attributeFilter: ['hidden'] });

    this.#state = readSaved();
    this.#render(speak);
  }

  /** Follows the page's tenant from now on (loading it, if no widget has yet). */
  followTenant(): Promise<BrowserTenant> {
    this.#tenant ??= import('../../tenant/hosts/browser.ts')
      .then(({ startBrowserTenant }) => startBrowserTenant())
      .then((browser) => {
        this.#live = browser;
        browser.subscribe(() => {
          clearTimeout(this.#quiet);
          this.#quiet = setTimeout(() => {
            this.#state = stateOf(browser);
            this.#render(true);
          }, QUIET_MS);
        });
        this.#state = stateOf(browser);
        this.#render(false);
        return browser;
      });
    this.#tenant.catch((error: unknown) => console.error('[sandbox] the sandbox notice could not follow the tenant', error));
    return this.#tenant;
  }

  #legacyBar(): HTMLElement | null {
    return this.#dock?.querySelector<HTMLElement>('[data-legacy-indicator]') ?? null;
  }

  #render(speak: boolean): void {
    // A reset under way says so itself, and shows its outcome when done.
    if (this.#busy) return;
    const ui = this.#ui;
    const changes = changesToShow(this.#state, this.#legacyBar()?.hidden === false);
    this.#renderNotes();
    if (changes.length === 0) {
      // A reset's confirmation stays until the reader closes it.
      if (this.#mode === 'reset') return;
      if (speak && this.#shown !== '') this.#say(BACK_TO_START);
      this.#shown = '';
      this.#mode = 'hidden';
      this.#hideBar();
      return;
    }
    const text = summary(changes);
    const focusWasOnClose = document.activeElement === ui.close;
    this.#mode = 'changed';
    ui.bar.removeAttribute('data-confirming');
    ui.label.hidden = false;
    ui.summary.textContent = text;
    ui.short.textContent = shortSummary(changes);
    ui.list.replaceChildren(...changes.map((change) => Object.assign(document.createElement('li'), { textContent: explanation(change) })));
    ui.scope.textContent = resetScope(this.#state);
    ui.details.hidden = false;
    ui.reset.hidden = false;
    if (focusWasOnClose) ui.reset.focus();
    ui.close.hidden = true;
    ui.bar.hidden = false;
    if (speak && text !== this.#shown) this.#say(`Sandbox changed: ${text}`);
    this.#shown = text;
  }

  /** Each note shows the sentences for the kinds of change it is about, or hides. */
  #renderNotes(): void {
    for (const note of document.querySelectorAll<HTMLElement>('[data-sandbox-note]')) {
      const about = (note.dataset.about ?? '').split(' ') as ChangeKind[];
      const sentences = this.#state.changes.filter((change) => about.includes(change.kind)).map(explanation);
      const text = note.querySelector('[data-sandbox-note-text]');
      if (text && text.textContent !== sentences.join(' ')) text.textContent = sentences.join(' ');
      note.hidden = sentences.length === 0;
    }
  }

  #openDetails(open: boolean): void {
    this.#ui.details.setAttribute('aria-expanded', String(open));
    this.#ui.panel.hidden = !open;
  }

  async #reset(): Promise<void> {
    const ui = this.#ui;
    if (this.#busy) return;
    this.#busy = true;
    // aria-disabled, not disabled: a disabled button drops the keyboard focus it has.
    ui.reset.setAttribute('aria-disabled', 'true');
    this.#confirm('Resetting the sandbox…');
    try {
      const browser = await this.followTenant();
      const before = stateOf(browser);
      await browser.reset();
      this.#state = stateOf(browser);
      this.#mode = 'reset';
      this.#shown = '';
      const done = resetDone(before);
      this.#confirm(done);
      this.#openDetails(false);
      ui.list.replaceChildren();
      ui.scope.textContent = '';
      ui.details.hidden = true;
      ui.close.hidden = false;
      ui.close.focus();
      ui.reset.hidden = true;
      this.#renderNotes();
      this.#say(done);
    } catch (error) {
      console.error('[sandbox] could not reset the sandbox', error);
      const failed = 'The sandbox could not be reset. Reload the page and try again.';
      this.#confirm(failed);
      this.#say(failed);
    } finally {
      this.#busy = false;
      ui.reset.removeAttribute('aria-disabled');
    }
  }

  /** A line of its own in place of the changes (a reset under way, done, or failed), shown whole. */
  #confirm(text: string): void {
    const ui = this.#ui;
    ui.bar.toggleAttribute('data-confirming', true);
    ui.label.hidden = true;
    ui.summary.textContent = text;
    ui.short.textContent = text;
  }

  /** Closes a reset's confirmation and gives focus back to where the reader was. */
  #close(): void {
    this.#mode = 'hidden';
    this.#hideBar();
    // Whatever changed meanwhile (the confirmation held the bar) shows now.
    this.#render(false);
  }

  /** Hides the bar; focus inside it goes back to where the reader was, not to the page's start. */
  #hideBar(): void {
    const { bar } = this.#ui;
    const hadFocus = bar.contains(document.activeElement);
    this.#openDetails(false);
    bar.hidden = true;
    if (!hadFocus) return;
    const back = focusableNear(this.#lastFocus) ?? document.querySelector<HTMLElement>('main h1');
    // A heading or a widget's box (the fallbacks) takes focus only with a tabindex.
    if (back && back.tabIndex < 0 && !back.hasAttribute('tabindex')) back.setAttribute('tabindex', '-1');
    back?.focus({ preventScroll: true });
  }

  /** Polite: the reader hears it when they are done with what they were doing. */
  #say(text: string): void {
    const { announce } = this.#ui;
    announce.textContent = '';
    // A new text node in the next frame, so the same words twice are spoken twice.
    requestAnimationFrame(() => (announce.textContent = text));
  }
}

/**
 * Puts the notice where the warning bars are: as the top row of the page's warning dock, which
 * then keeps the page clear of it, or, on a page without one (only playgrounds), on its own in
 * the same place, keeping the page clear itself. Straight under <body> either way: inside
 * Starlight's content column (a size container) a fixed element is fixed to the column. Returns
 * the dock, if there is one.
 */
function placeNotice(root: HTMLElement): HTMLElement | null {
  root.toggleAttribute('data-placed', true);
  const dock = document.querySelector<HTMLElement>('[data-tl-dock]');
  if (dock) {
    dock.prepend(root);
    return dock;
  }
  root.toggleAttribute('data-standalone', true);
  document.body.append(root);
  // What the dock's own script does for the dock (LongLivedBanner.astro), for this bar alone.
  new ResizeObserver(() => {
    const height = root.getBoundingClientRect().height;
    document.documentElement.style.scrollPaddingBottom = height > 0 ? `${height + 8}px` : '';
    document.body.style.paddingBottom = height > 0 ? `${height}px` : '';
    document.documentElement.style.setProperty('--tl-dock-height', `${height}px`);
  }).observe(root);
  return null;
}

/**
 * Where the reader was, or, when that has gone out of view (a note's link, hidden by the reset it
 * led to), what came right after the hidden part: the widget the note was about.
 */
function focusableNear(element: HTMLElement | undefined): HTMLElement | undefined {
  if (!element?.isConnected) return undefined;
  if (element.getClientRects().length > 0) return element;
  const next = element.closest('[hidden]')?.nextElementSibling;
  return next instanceof HTMLElement && next.getClientRects().length > 0 ? next : undefined;
}

function stateOf(browser: BrowserTenant): SandboxState {
  return sandboxState(browser.tenant.toJSON(), Date.now());
}

function readSaved(): SandboxState {
  try {
    const text = localStorage.getItem(SAVED_TENANT_KEY);
    return text === null ? UNCHANGED : sandboxState(JSON.parse(text), Date.now());
  } catch {
    return UNCHANGED; // Storage blocked or damaged: the tenant starts from the seed, and so do we.
  }
}
