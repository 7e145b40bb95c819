/**
 * The elements of a server-rendered playground (Playground.astro's markup), found once, and the
 * small writes to them that every part of the live playground makes.
 */
import { el } from '../element-factory.ts';

/** The playground's elements; a missing one is a bug in the markup, so it throws. */
export function playgroundParts(host: HTMLElement) {
  const get = <T extends Element>(selector: string) => {
    const found = host.querySelector<T>(selector);
    if (!found) throw new Error(`[playground] the playground markup lacks ${selector}`);
    return found;
  };
  return {
    title: host.querySelector('h3')?.textContent ?? 'Playground',
    toolbar: get<HTMLElement>('[role="toolbar"]'),
    run: get<HTMLButtonElement>('[data-action="run"]'),
    stop: get<HTMLButtonElement>('[data-action="stop"]'),
    reset: get<HTMLButtonElement>('[data-action="reset"]'),
    share: get<HTMLButtonElement>('[data-action="share"]'),
    export: get<HTMLButtonElement>('[data-action="export"]'),
    status: get<HTMLElement>('[data-status]'),
    notice: get<HTMLElement>('[data-notice]'),
    editorBox: get<HTMLElement>('[data-editor]'),
    staticCode: get<HTMLElement>('[data-static]'),
    problems: get<HTMLElement>('[data-problems]'),
    output: get<HTMLElement>('[data-output]'),
    requestList: get<HTMLOListElement>('[data-request-list]'),
    requestsPlaceholder: get<HTMLElement>('[data-requests] .tl-pg-placeholder'),
    exportBox: get<HTMLElement>('[data-export]'),
    starter: get<HTMLScriptElement>('script[data-starter]'),
  };
}

export type PlaygroundParts = ReturnType<typeof playgroundParts>;

// Readers see plain sentences; the [playground] prefix is for the console.
export function withoutPrefix(text: string): string {
  return text.replace(/^\[playground\]\s*/, '');
}

export function showNotice(ui: PlaygroundParts, text: string): void {
  ui.notice.textContent = text;
  ui.notice.hidden = false;
}

// Before the editor, the static view shows the code a Run would run: saved or shared edits, or
// code an exercise put there, as plain text (the highlighted version is of the starter only).
export function showStaticCode(ui: PlaygroundParts, code: string): void {
  ui.staticCode.replaceChildren(el('pre', {}, el('code', {}, code)));
}
