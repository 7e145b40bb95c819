/**
 * Which lab step a key press in presenter mode asks for. Pure, so the rules are unit-tested;
 * mount-presenter.ts decides whether the key's target should receive keys itself.
 */

/** A move between lab steps. */
export type StepMove = 'first' | 'previous' | 'next' | 'last';

/** The parts of a KeyboardEvent the decision needs. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  defaultPrevented?: boolean;
  isComposing?: boolean;
}

const MOVES: Readonly<Record<string, StepMove>> = {
  ArrowRight: 'next',
  PageDown: 'next',
  ArrowLeft: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
};

/**
 * Elements that need arrows, Page Up/Down or Home/End for themselves: text fields, the
 * Monaco editor (its focus sits in a hidden textarea, matched anyway in case that changes),
 * selects, anything editable, and ARIA widgets that may move focus with arrows (Starlight's
 * tabs, a playground's toolbar, sliders, radio groups, menus, listboxes, grids), plus an open
 * dialog such as search.
 */
export const KEY_OWNER_SELECTOR = [
  'input',
  'textarea',
  'select',
  '[contenteditable]:not([contenteditable="false"])',
  '.monaco-editor',
  // A playground's editor box before Monaco takes it over: a key there starts the editor.
  '[data-editor]',
  '[role="tab"]',
  '[role="tablist"]',
  '[role="slider"]',
  '[role="spinbutton"]',
  '[role="radiogroup"]',
  '[role="menu"]',
  '[role="menubar"]',
  '[role="listbox"]',
  '[role="grid"]',
  '[role="tree"]',
  '[role="toolbar"]',
  '[role="textbox"]',
  'dialog[open]',
].join(', ');

/**
 * The move a key asks for, or `null` when it is not a presenter key. Any modifier means the
 * reader wants something else (browser history, text selection, shortcuts), and a key another
 * handler already took or an input method is composing is left alone.
 */
export function moveForKey(press: KeyPress): StepMove | null {
  if (press.ctrlKey || press.altKey || press.metaKey || press.shiftKey) return null;
  if (press.defaultPrevented || press.isComposing) return null;
  return MOVES[press.key] ?? null;
}

/**
 * The index of the step a move leads to from `index` among `count` steps, or `null` when the
 * move goes nowhere (already on the first or last step). Moves do not wrap around: on a
 * projector, jumping from the last step back to the first would look like a mistake.
 */
export function stepAfter(move: StepMove, index: number, count: number): number | null {
  if (count <= 0 || index < 0 || index >= count) return null;
  const target = { first: 0, previous: index - 1, next: index + 1, last: count - 1 }[move];
  if (target < 0 || target >= count || target === index) return null;
  return target;
}
