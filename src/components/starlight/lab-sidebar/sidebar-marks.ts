/**
 * Puts each lab exercise's progress next to its link in the sidebar (and anywhere else a page
 * marks a link with `data-lab-progress`), and keeps the marks current when a check passes on
 * this page or in another tab.
 */
import { PROGRESS_EVENT, STATUS_LABEL, peekProgress, statusOf, type ExerciseStatus } from '../../../lab/progress-store.ts';
import { browserStorage } from '../../../playground/browser-storage.ts';

const ICON: Record<ExerciseStatus, string> = { 'not-started': '○', tried: '◐', solved: '●' };

/** The exercise slug a link points at, e.g. "get-a-token" for /lab/get-a-token/. */
function exerciseOf(link: HTMLAnchorElement, exercises: readonly string[]): string | undefined {
  const match = /\/lab\/([a-z0-9-]+)\/?$/.exec(new URL(link.href, location.href).pathname);
  return match && exercises.includes(match[1]!) ? match[1] : undefined;
}

export function markLabProgress(exercises: readonly string[]): void {
  const update = () => {
    const progress = peekProgress(browserStorage());
    for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a[href*="/lab/"]')) {
      const id = exerciseOf(link, exercises);
      if (!id) continue;
      const status = statusOf(progress, id);
      let mark = link.querySelector<HTMLElement>('.tl-lab-mark');
      if (!mark) {
        mark = document.createElement('span');
        mark.className = 'tl-lab-mark';
        link.append(mark);
      }
      mark.dataset.status = status;
      // The icon is decoration; the words are what a screen reader hears as part of the link.
      mark.innerHTML = `<span aria-hidden="true">${ICON[status]}</span><span class="sr-only"> (${STATUS_LABEL[status].toLowerCase()})</span>`;
      mark.title = STATUS_LABEL[status];
    }
  };
  update();
  addEventListener(PROGRESS_EVENT, update);
  addEventListener('storage', update);
}
