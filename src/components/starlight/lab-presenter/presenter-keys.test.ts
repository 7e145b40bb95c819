import { describe, expect, it } from 'vitest';
import { moveForKey, stepAfter, type KeyPress } from './presenter-keys.ts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  ...extra,
});

describe('moveForKey', () => {
  it('maps arrows, Page Up/Down and Home/End to step moves', () => {
    expect(moveForKey(press('ArrowRight'))).toBe('next');
    expect(moveForKey(press('PageDown'))).toBe('next');
    expect(moveForKey(press('ArrowLeft'))).toBe('previous');
    expect(moveForKey(press('PageUp'))).toBe('previous');
    expect(moveForKey(press('Home'))).toBe('first');
    expect(moveForKey(press('End'))).toBe('last');
  });

  it('ignores keys that are not presenter keys', () => {
    for (const key of ['ArrowUp', 'ArrowDown', ' ', 'Enter', 'n', 'Escape']) expect(moveForKey(press(key))).toBeNull();
  });

  it('leaves a key with Ctrl, Alt, Meta or Shift to the browser', () => {
    expect(moveForKey(press('ArrowLeft', { altKey: true }))).toBeNull();
    expect(moveForKey(press('ArrowRight', { ctrlKey: true }))).toBeNull();
    expect(moveForKey(press('Home', { metaKey: true }))).toBeNull();
    expect(moveForKey(press('End', { shiftKey: true }))).toBeNull();
  });

  it('leaves a key another handler took, or one typed while an input method composes', () => {
    expect(moveForKey(press('ArrowRight', { defaultPrevented: true }))).toBeNull();
    expect(moveForKey(press('ArrowRight', { isComposing: true }))).toBeNull();
  });
});

describe('stepAfter', () => {
  it('moves one step at a time and jumps to either end', () => {
    expect(stepAfter('next', 2, 8)).toBe(3);
    expect(stepAfter('previous', 2, 8)).toBe(1);
    expect(stepAfter('first', 2, 8)).toBe(0);
    expect(stepAfter('last', 2, 8)).toBe(7);
  });

  it('goes nowhere past either end rather than wrapping around', () => {
    expect(stepAfter('previous', 0, 8)).toBeNull();
    expect(stepAfter('first', 0, 8)).toBeNull();
    expect(stepAfter('next', 7, 8)).toBeNull();
    expect(stepAfter('last', 7, 8)).toBeNull();
  });

  it('refuses an index outside the list', () => {
    expect(stepAfter('next', -1, 8)).toBeNull();
    expect(stepAfter('next', 8, 8)).toBeNull();
    expect(stepAfter('first', 0, 0)).toBeNull();
  });
});
