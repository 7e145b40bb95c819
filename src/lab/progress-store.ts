/**
 * The reader's lab progress, kept in localStorage: per exercise "tried" or "solved" (absent means
 * not started). Small and dependency-free because the sidebar reads it on every page.
 *
 * A stored value that is not exactly what this module writes (damaged, or edited by hand) is
 * thrown away as a whole, and the caller gets a notice to show: a half-trusted record of
 * "solved" is worth less than a clean start.
 *
 * @module
 */

export const PROGRESS_STORAGE_KEY = 'token-lab:lab-progress';
/** Sent on `window` whenever this page changes the progress (other tabs get a `storage` event). */
export const PROGRESS_EVENT = 'token-lab:progress';

export type ExerciseStatus = 'not-started' | 'tried' | 'solved';

interface Entry {
  status: 'tried' | 'solved';
  /** When it last changed, ms since the epoch. */
  at: number;
}

export interface LabProgress {
  version: 1;
  exercises: Record<string, Entry>;
}

/** The subset of Storage used here, so tests can pass a Map-backed fake. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ENTRIES = 100;
const empty = (): LabProgress => ({ version: 1, exercises: {} });

/** Reads the progress; never throws. `notice` is set when a damaged value was reset. */
export function readProgress(storage: ProgressStorage | null): { progress: LabProgress; notice?: string } {
  let text: string | null;
  try {
    text = storage?.getItem(PROGRESS_STORAGE_KEY) ?? null;
  } catch {
    return { progress: empty() };
  }
  if (text === null) return { progress: empty() };
  const parsed = parseProgress(text);
  if (parsed) return { progress: parsed };
  try {
    storage?.removeItem(PROGRESS_STORAGE_KEY);
  } catch {
    // Storage refused: the clean start lasts for this page view.
  }
  return { progress: empty(), notice: 'Your saved lab progress could not be read, so it was reset. Exercises you solved show as not started; checking them again brings the marks back.' };
}

/**
 * Reads the progress without changing anything: a damaged value reads as "nothing started". For
 * places that show progress on every page (the sidebar); the lab's own pages use readProgress,
 * which resets a damaged value and says so.
 */
export function peekProgress(storage: ProgressStorage | null): LabProgress {
  try {
    const text = storage?.getItem(PROGRESS_STORAGE_KEY);
    return (text && parseProgress(text)) || empty();
  } catch {
    return empty();
  }
}

function parseProgress(text: string): LabProgress | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { version, exercises } = value as Record<string, unknown>;
  if (version !== 1 || Object.keys(value).length !== 2) return undefined;
  if (typeof exercises !== 'object' || exercises === null || Array.isArray(exercises)) return undefined;
  const entries = Object.entries(exercises);
  if (entries.length > MAX_ENTRIES) return undefined;
  const valid = entries.every(([id, entry]) => {
    if (!SLUG.test(id) || typeof entry !== 'object' || entry === null) return false;
    const { status, at } = entry as Record<string, unknown>;
    return (status === 'tried' || status === 'solved') && typeof at === 'number' && Number.isFinite(at) && at >= 0 && Object.keys(entry).length === 2;
  });
  return valid ? { version: 1, exercises: Object.fromEntries(entries) as Record<string, Entry> } : undefined;
}

/** The status of one exercise. */
export function statusOf(progress: LabProgress, id: string): ExerciseStatus {
  return Object.hasOwn(progress.exercises, id) ? progress.exercises[id]!.status : 'not-started';
}

/**
 * Records an attempt: a pass marks the exercise solved, anything else marks it tried unless it is
 * solved already (a later failed experiment does not take a solve away). Returns the new progress
 * and whether it could be saved.
 */
export function recordAttempt(storage: ProgressStorage | null, id: string, solved: boolean, now: number): { progress: LabProgress; saved: boolean } {
  const { progress } = readProgress(storage);
  const before = statusOf(progress, id);
  if (before === 'solved' || (!solved && before === 'tried')) return { progress, saved: true };
  progress.exercises[id] = { status: solved ? 'solved' : 'tried', at: now };
  try {
    storage?.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(progress));
    return { progress, saved: storage !== null };
  } catch {
    return { progress, saved: false };
  }
}

/** Forgets all progress. */
export function resetProgress(storage: ProgressStorage | null): void {
  try {
    storage?.removeItem(PROGRESS_STORAGE_KEY);
  } catch {
    // Nothing stored, or storage refused: either way nothing is left to reset.
  }
}

/** Words for a status, as the sidebar, the overview and the exercise pages show it. */
export const STATUS_LABEL: Readonly<Record<ExerciseStatus, string>> = {
  'not-started': 'Not started',
  tried: 'Tried',
  solved: 'Solved',
};
