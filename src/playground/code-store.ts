/**
 * Keeps each playground's edits across reloads in localStorage, one entry per playground id.
 * Everything read back is treated as untrusted: a corrupted or hand-edited entry is removed and
 * the lesson's starting code comes back with a notice, never an exception.
 *
 * @module
 */

/** The part of the Web Storage API the store uses, so tests and private modes can pass their own. */
export type CodeStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What the editor should show, and why when it is not the saved code. */
export interface LoadedCode {
  code: string;
  from: 'saved' | 'starter';
  notice?: string;
}

/** The outcome of a save; `notice` tells the reader their edit is not kept. */
export type SaveOutcome = { saved: true } | { saved: false; notice: string };

interface StoredEntry {
  v: 1;
  code: string;
  savedAt: number;
}

/** The localStorage key of a playground. */
export function storageKey(id: string): string {
  return `token-lab:playground:${id}`;
}

/** The saved code of a playground, or its starting code when nothing (readable) was saved. */
export function loadCode(storage: CodeStorage | null, id: string, starter: string): LoadedCode {
  let text: string | null;
  try {
    text = storage ? storage.getItem(storageKey(id)) : null;
  } catch {
    return { code: starter, from: 'starter', notice: '[playground] Your browser does not let this page read its storage, so earlier edits cannot be restored.' };
  }
  if (text === null) return { code: starter, from: 'starter' };
  const entry = parseEntry(text);
  if (entry) return { code: entry.code, from: 'saved' };
  try {
    storage?.removeItem(storageKey(id));
  } catch {
    // Removing is only tidying up; the notice below is what matters.
  }
  return {
    code: starter,
    from: 'starter',
    notice: '[playground] Your saved code for this playground could not be read (the stored copy is damaged), so the starting code is shown instead.',
  };
}

/**
 * Saves a playground's code. Code equal to the starter removes the entry instead, so a reader who
 * never changed anything keeps getting the lesson's latest starting code.
 */
export function saveCode(storage: CodeStorage | null, id: string, code: string, starter: string, now: number): SaveOutcome {
  if (!storage) return { saved: false, notice: '[playground] Storage is not available in this browser, so edits last only until you leave the page.' };
  try {
    if (code === starter) storage.removeItem(storageKey(id));
    else storage.setItem(storageKey(id), JSON.stringify({ v: 1, code, savedAt: now } satisfies StoredEntry));
    return { saved: true };
  } catch (error) {
    const full = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
    return {
      saved: false,
      notice: full
        ? "[playground] Your browser's storage for this site is full, so this edit was not saved. Use Share or Export to keep a copy."
        : '[playground] This edit could not be saved in your browser\'s storage. Use Share or Export to keep a copy.',
    };
  }
}

/** Forgets a playground's edits (the Reset button). */
export function clearCode(storage: CodeStorage | null, id: string): void {
  try {
    storage?.removeItem(storageKey(id));
  } catch {
    // Nothing was readable either, so there is nothing to forget.
  }
}

function parseEntry(text: string): StoredEntry | null {
  try {
    const entry: unknown = JSON.parse(text);
    if (typeof entry !== 'object' || entry === null) return null;
    const { v, code, savedAt } = entry as Record<string, unknown>;
    return v === 1 && typeof code === 'string' && typeof savedAt === 'number' ? { v, code, savedAt } : null;
  } catch {
    return null;
  }
}
