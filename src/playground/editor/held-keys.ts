/**
 * What a reader types on a playground's static code while the editor is still on its way. The
 * static code looks like code and takes focus, so a keyboard user who reaches it types as into an
 * editor: the editing keys are kept, in order, and typed into the editor when it arrives, at the
 * caret it opens with, as if it had been there all along. Ctrl+Enter (⌘+Enter) asks for a run.
 * Keys that move or scroll are left to the browser: the static code scrolls as a reader expects,
 * and the editor opens on the line the reader scrolled to.
 *
 * Imports nothing, so a page's eager loader can start holding keys before the playground's code
 * has arrived; `holdKeys` called again for the same element gives back the same holder.
 */

/** An edit held for the editor. Text includes `\n` for Enter, typed as Enter would be. */
export type HeldEdit = { kind: 'text'; text: string } | { kind: 'delete-left' } | { kind: 'delete-right' };

/** What one key pressed on the static code asks for. */
export type HeldKey = HeldEdit | { kind: 'run' };

/** The parts of a KeyboardEvent that decide what a key means. */
export interface PressedKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
}

/** What a key pressed on the static code means for the editor to come; undefined leaves it to the browser. */
export function heldKeyFor(event: PressedKey): HeldKey | undefined {
  if (event.isComposing) return undefined;
  const { key, ctrlKey, metaKey, altKey } = event;
  // Either modifier, on every system: Monaco binds Ctrl+Enter on Windows and Linux, ⌘+Enter on a Mac.
  if (key === 'Enter' && (ctrlKey || metaKey) && !altKey) return { kind: 'run' };
  // Ctrl or ⌘ is a shortcut (copy, find), never text; but Ctrl+Alt is AltGr on Windows, and
  // Option types characters on a Mac (@ and { on many layouts).
  if (metaKey || (ctrlKey && !altKey)) return undefined;
  if (isOneCharacter(key)) return { kind: 'text', text: key };
  if (ctrlKey || altKey) return undefined;
  if (key === 'Enter') return { kind: 'text', text: '\n' };
  if (key === 'Backspace') return { kind: 'delete-left' };
  if (key === 'Delete') return { kind: 'delete-right' };
  return undefined;
}

// `key` is the character typed, or a name ("ArrowDown", "Dead"); an emoji is one character but two code units.
function isOneCharacter(key: string): boolean {
  return [...key].length === 1;
}

/** What the holder hands over when the editor has arrived. */
export interface ReleasedKeys {
  /** The edits, in the order they were typed, runs of text joined. */
  edits: HeldEdit[];
  /** True when Ctrl+Enter was pressed while an edit was waiting: run once, after the edits. */
  run: boolean;
}

export interface KeyHolder {
  /**
   * Who runs the code. A Ctrl+Enter pressed while no edit waits runs at once (now, or as soon as
   * this is set): the code on screen is the code to run, and the editor need not be there for it.
   * Pressed while an edit waits, the run waits too, and `release` hands it over with the edits.
   */
  whenRunAsked(run: () => void): void;
  /** Told each time an edit is held, so the page can say that it was. */
  onHold?: () => void;
  /** Stops holding and hands over what was held. */
  release(): ReleasedKeys;
}

const holders = new WeakMap<HTMLElement, KeyHolder>();

/** Holds the keys pressed on `staticCode` (and inside it) until `release`. */
export function holdKeys(staticCode: HTMLElement): KeyHolder {
  const existing = holders.get(staticCode);
  if (existing) return existing;
  const edits: HeldEdit[] = [];
  let runHeld = false;
  let runner: (() => void) | undefined;
  const onKeyDown = (event: KeyboardEvent) => {
    const held = heldKeyFor(event);
    if (!held) return;
    // Space would scroll the page: a held key does what the editor will do with it, nothing else.
    event.preventDefault();
    if (held.kind === 'run') {
      if (edits.length === 0 && runner) runner();
      else runHeld = true;
      return;
    }
    const last = edits.at(-1);
    if (held.kind === 'text' && last?.kind === 'text') last.text += held.text;
    else edits.push(held);
    holder.onHold?.();
  };
  staticCode.addEventListener('keydown', onKeyDown);
  const holder: KeyHolder = {
    whenRunAsked(run) {
      runner = run;
      if (runHeld && edits.length === 0) {
        runHeld = false;
        run();
      }
    },
    release() {
      staticCode.removeEventListener('keydown', onKeyDown);
      holders.delete(staticCode);
      const released = { edits: edits.splice(0), run: runHeld };
      runHeld = false;
      return released;
    },
  };
  holders.set(staticCode, holder);
  return holder;
}
