/**
 * Keeps the editor from being a keyboard trap. Monaco uses Tab to indent, so, as in other
 * accessible code editors, Escape followed by Tab (or Shift+Tab) moves focus out of it; Ctrl+M
 * (Monaco's own tab-focus mode) also works.
 */
import type { monaco as Monaco } from './monaco-core.ts';

export function leaveEditorWithEscapeTab(
  editor: Monaco.editor.IStandaloneCodeEditor,
  before: HTMLElement,
  after: HTMLElement,
): void {
  let escaped = false;
  editor.onKeyDown((event) => {
    const key = event.browserEvent.key;
    if (key === 'Escape') {
      escaped = true;
      return;
    }
    if (key === 'Tab' && escaped) {
      event.preventDefault();
      event.stopPropagation();
      const target = event.shiftKey ? lastFocusable(before) : after;
      target?.focus();
    }
    escaped = false;
  });
}

function lastFocusable(container: HTMLElement): HTMLElement | null {
  const candidates = [...container.querySelectorAll<HTMLElement>('button:not([disabled]), [tabindex="0"]')];
  return candidates.at(-1) ?? null;
}
