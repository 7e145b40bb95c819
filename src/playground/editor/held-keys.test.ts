import { describe, expect, it, vi } from 'vitest';
import { heldKeyFor, holdKeys, type PressedKey } from './held-keys.ts';

const press = (key: string, modifiers: Partial<PressedKey> = {}): PressedKey => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });

/** A stand-in for the static code element: only its keydown listeners matter. */
function staticCode() {
  const target = new EventTarget();
  const keydown = (key: string, modifiers: Partial<PressedKey> = {}) => {
    const event = Object.assign(new Event('keydown', { cancelable: true }), press(key, modifiers));
    target.dispatchEvent(event);
    return event;
  };
  return { element: target as unknown as HTMLElement, keydown };
}

describe('heldKeyFor', () => {
  it('asks for a run on Ctrl+Enter and on ⌘+Enter', () => {
    expect(heldKeyFor(press('Enter', { ctrlKey: true }))).toEqual({ kind: 'run' });
    expect(heldKeyFor(press('Enter', { metaKey: true }))).toEqual({ kind: 'run' });
  });

  it('holds typed characters, Enter, Backspace and Delete as edits', () => {
    expect(heldKeyFor(press('x'))).toEqual({ kind: 'text', text: 'x' });
    expect(heldKeyFor(press(' '))).toEqual({ kind: 'text', text: ' ' });
    expect(heldKeyFor(press('😀'))).toEqual({ kind: 'text', text: '😀' });
    expect(heldKeyFor(press('Enter'))).toEqual({ kind: 'text', text: '\n' });
    expect(heldKeyFor(press('Backspace'))).toEqual({ kind: 'delete-left' });
    expect(heldKeyFor(press('Delete'))).toEqual({ kind: 'delete-right' });
  });

  it('holds characters typed with AltGr (Ctrl+Alt) or a Mac Option key', () => {
    expect(heldKeyFor(press('@', { ctrlKey: true, altKey: true }))).toEqual({ kind: 'text', text: '@' });
    expect(heldKeyFor(press('{', { altKey: true }))).toEqual({ kind: 'text', text: '{' });
  });

  it('leaves shortcuts, moves and composition to the browser', () => {
    expect(heldKeyFor(press('c', { ctrlKey: true }))).toBeUndefined();
    expect(heldKeyFor(press('a', { metaKey: true }))).toBeUndefined();
    expect(heldKeyFor(press('Backspace', { ctrlKey: true }))).toBeUndefined();
    for (const key of ['ArrowDown', 'PageDown', 'Home', 'Tab', 'Escape', 'Shift', 'Dead', 'F5']) expect(heldKeyFor(press(key))).toBeUndefined();
    expect(heldKeyFor({ ...press('a'), isComposing: true })).toBeUndefined();
  });
});

describe('holdKeys', () => {
  it('hands over the edits in order, text joined, and stops holding', () => {
    const code = staticCode();
    const keys = holdKeys(code.element);
    for (const key of ['a', 'b', 'Backspace', 'c', 'Enter']) code.keydown(key);
    expect(keys.release()).toEqual({ edits: [{ kind: 'text', text: 'ab' }, { kind: 'delete-left' }, { kind: 'text', text: 'c\n' }], run: false });
    code.keydown('d');
    expect(keys.release().edits).toEqual([]);
  });

  it('keeps a held key from doing anything else (Space would scroll the page), and lets the others through', () => {
    const code = staticCode();
    holdKeys(code.element);
    expect(code.keydown(' ').defaultPrevented).toBe(true);
    expect(code.keydown('ArrowDown').defaultPrevented).toBe(false);
    expect(code.keydown('c', { ctrlKey: true }).defaultPrevented).toBe(false);
  });

  it('runs at once on Ctrl+Enter when no edit waits, and once, after the edits, when one does', () => {
    const code = staticCode();
    const keys = holdKeys(code.element);
    const run = vi.fn();
    keys.whenRunAsked(run);
    code.keydown('Enter', { ctrlKey: true });
    expect(run).toHaveBeenCalledTimes(1);

    code.keydown('x');
    code.keydown('Enter', { ctrlKey: true });
    code.keydown('Enter', { metaKey: true });
    expect(run).toHaveBeenCalledTimes(1);
    expect(keys.release()).toEqual({ edits: [{ kind: 'text', text: 'x' }], run: true });
  });

  it('runs a Ctrl+Enter pressed before anyone could run as soon as someone can', () => {
    const code = staticCode();
    const keys = holdKeys(code.element);
    code.keydown('Enter', { ctrlKey: true });
    const run = vi.fn();
    keys.whenRunAsked(run);
    expect(run).toHaveBeenCalledTimes(1);
    expect(keys.release().run).toBe(false);
  });

  it('gives a second caller for the same element the same holder, so keys held early are not lost', () => {
    const code = staticCode();
    const early = holdKeys(code.element);
    code.keydown('a');
    const later = holdKeys(code.element);
    expect(later).toBe(early);
    code.keydown('b');
    expect(later.release().edits).toEqual([{ kind: 'text', text: 'ab' }]);
  });

  it('tells the page each time an edit is held', () => {
    const code = staticCode();
    const keys = holdKeys(code.element);
    const told = vi.fn();
    keys.onHold = told;
    code.keydown('a');
    code.keydown('ArrowDown');
    code.keydown('Enter', { ctrlKey: true });
    expect(told).toHaveBeenCalledTimes(1);
  });
});
