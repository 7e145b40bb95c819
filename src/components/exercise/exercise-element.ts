/**
 * The live side of an <Exercise>: hints one at a time, the Check button, the solution behind a
 * confirmation with the reader's own code kept for Restore, and the progress mark. Eager, so it
 * stays small: the checks and the tenant arrive with the first run, through the playground.
 */
import { PROGRESS_EVENT, STATUS_LABEL, readProgress, recordAttempt, statusOf } from '../../lab/progress-store.ts';
import type { PreparedExercise } from '../../lab/exercises/index.ts';
import type { PlaygroundElement } from '../../playground/run-hooks.ts';
import type { Tenant } from '../../tenant/index.ts';
import { browserStorage } from '../../playground/browser-storage.ts';

const BACKUP_PREFIX = 'token-lab:lab-backup:';

class TokenLabExercise extends HTMLElement {
  #id = '';
  #prepared: PreparedExercise | undefined;
  #tenant: Tenant | undefined;
  #checking = false;

  connectedCallback(): void {
    this.#id = this.dataset.exercise ?? '';
    const get = <T extends HTMLElement>(selector: string) => this.querySelector<T>(selector)!;
    const hints = [...this.querySelectorAll<HTMLElement>('[data-hint]')];
    const nextHint = get<HTMLButtonElement>('[data-next-hint]');
    const verdict = get<HTMLElement>('[data-verdict]');

    this.#showProgress(true);
    addEventListener(PROGRESS_EVENT, () => this.#showProgress(false));
    addEventListener('storage', () => this.#showProgress(false));

    const revealHints = (upTo: number) => {
      hints.forEach((hint, index) => {
        if (index < upTo) hint.hidden = false;
      });
      const shown = hints.filter((hint) => !hint.hidden).length;
      nextHint.textContent = shown >= hints.length ? 'All hints shown' : `Show hint ${shown + 1} of ${hints.length}`;
      nextHint.disabled = shown >= hints.length;
      const last = hints[Math.min(upTo, hints.length) - 1];
      if (last) {
        last.tabIndex = -1;
        last.focus();
      }
    };
    nextHint.addEventListener('click', () => revealHints(hints.filter((hint) => !hint.hidden).length + 1));

    void customElements.whenDefined('token-lab-playground').then(() => {
      const playground = this.querySelector<PlaygroundElement>('token-lab-playground')!;
      playground.runHooks = {
        prepare: async (tenant) => {
          const lab = await import('../../lab/exercises/index.ts');
          this.#prepared = await lab.prepareExercise(this.#id, tenant);
          return this.#prepared.run;
        },
        finished: (evidence, tenant) => {
          this.#tenant = tenant;
          this.#prepared?.afterRun(evidence, tenant);
          if (!this.#checking) this.#record(false);
        },
      };
      get<HTMLButtonElement>('[data-check]').addEventListener('click', () => void this.#check(playground, verdict, revealHints));
      this.#wireSolution(playground, get);
    });
  }

  async #check(playground: PlaygroundElement, verdict: HTMLElement, revealHints: (upTo: number) => void): Promise<void> {
    if (this.#checking) return;
    this.#checking = true;
    verdict.removeAttribute('data-passed');
    verdict.textContent = 'Checking: running your code…';
    try {
      const mounted = await playground.start();
      const evidence = await mounted?.run();
      if (!evidence) {
        verdict.textContent = mounted ? 'Nothing was checked: a run was still going, or this one could not start (the playground\'s status line says which). Check again when it is idle.' : 'The editor could not load, so nothing was checked. Reload the page to try again.';
        return;
      }
      // A run that never started or was cut short says nothing about the exercise: the
      // playground's output already says why, and judging half a replay would mislead.
      if (evidence.status === 'not-run' || evidence.status === 'timeout' || evidence.status === 'stopped' || evidence.status === 'crashed' || !this.#prepared || !this.#tenant) {
        verdict.dataset.passed = 'false';
        verdict.replaceChildren(strong('Not yet. '), `Nothing to judge: ${evidence.message}`);
        if (evidence.status !== 'not-run') this.#record(false);
        return;
      }
      const result = await this.#prepared.judge(evidence, this.#tenant);
      verdict.dataset.passed = String(result.passed);
      if (result.passed) {
        verdict.replaceChildren(strong('Passed. '), result.summary);
      } else {
        verdict.replaceChildren(strong('Not yet. '), result.message);
        if (result.hint) {
          const hint = result.hint;
          const button = document.createElement('button');
          button.type = 'button';
          button.textContent = `Show hint ${hint}`;
          button.addEventListener('click', () => revealHints(hint));
          verdict.append(' ', button);
        }
      }
      this.#record(result.passed);
    } catch (error) {
      verdict.textContent = `The check itself failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.#checking = false;
    }
  }

  #wireSolution(playground: PlaygroundElement, get: <T extends HTMLElement>(selector: string) => T): void {
    const dialog = get<HTMLElement>('[data-confirm]') as HTMLDialogElement;
    const panel = get<HTMLElement>('[data-solution]');
    const restore = get<HTMLButtonElement>('[data-restore]');
    const status = get<HTMLElement>('[data-solution-status]');
    const solution = JSON.parse(get<HTMLElement>('[data-solution-code]').textContent ?? '""') as string;
    const backupKey = BACKUP_PREFIX + this.#id;
    const backup = () => {
      try {
        return browserStorage()?.getItem(backupKey) ?? null;
      } catch {
        return null;
      }
    };
    restore.hidden = backup() === null;

    // Once shown, the button says what it does next: hide it, or show it again without asking twice.
    const toggle = get<HTMLButtonElement>('[data-show-solution]');
    let confirmed = false;
    const showPanel = (shown: boolean) => {
      panel.hidden = !shown;
      toggle.textContent = shown ? 'Hide the solution' : 'Show the solution again';
      toggle.setAttribute('aria-expanded', String(shown));
      toggle.removeAttribute('aria-haspopup');
      if (shown) panel.focus();
    };
    toggle.addEventListener('click', () => {
      if (confirmed) {
        showPanel(panel.hidden !== false);
        return;
      }
      dialog.returnValue = '';
      dialog.showModal();
    });
    dialog.addEventListener('close', () => {
      if (dialog.returnValue !== 'show') return;
      confirmed = true;
      showPanel(true);
    });
    get<HTMLButtonElement>('[data-use-solution]').addEventListener('click', async () => {
      const mounted = await playground.start();
      if (!mounted) return;
      const own = mounted.getCode();
      // Kept outside the editor's own store, which the solution is about to overwrite.
      if (own !== solution) {
        try {
          browserStorage()?.setItem(backupKey, own);
        } catch {
          status.textContent = 'Your code could not be saved for Restore (storage is full or blocked); Ctrl+Z in the editor still brings it back.';
        }
      }
      mounted.setCode(solution);
      restore.hidden = backup() === null;
      status.textContent ||= 'The solution is in the editor. Your own code is kept: Restore my code brings it back.';
    });
    restore.addEventListener('click', async () => {
      const saved = backup();
      const mounted = await playground.start();
      if (saved === null || !mounted) return;
      mounted.setCode(saved);
      try {
        browserStorage()?.removeItem(backupKey);
      } catch {
        // Nothing to clean up when storage is blocked.
      }
      restore.hidden = true;
      status.textContent = 'Your code is back in the editor.';
    });
  }

  #record(solved: boolean): void {
    recordAttempt(browserStorage(), this.#id, solved, Date.now());
    dispatchEvent(new CustomEvent(PROGRESS_EVENT));
  }

  #showProgress(first: boolean): void {
    const { progress, notice } = readProgress(browserStorage());
    this.querySelector('[data-progress-label]')!.textContent = STATUS_LABEL[statusOf(progress, this.#id)];
    if (first && notice) {
      const box = this.querySelector<HTMLElement>('[data-progress-notice]')!;
      box.textContent = notice;
      box.hidden = false;
    }
  }
}

function strong(text: string): HTMLElement {
  const element = document.createElement('strong');
  element.textContent = text;
  return element;
}

export function defineExerciseElement(): void {
  if (!customElements.get('token-lab-exercise')) customElements.define('token-lab-exercise', TokenLabExercise);
}
