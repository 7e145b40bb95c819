import { describe, expect, it } from 'vitest';
import { nextTabIndex } from './tab-keys.ts';

describe('nextTabIndex', () => {
  it('moves right and wraps from the last tab to the first', () => {
    expect(nextTabIndex(0, 'ArrowRight', 3)).toBe(1);
    expect(nextTabIndex(2, 'ArrowRight', 3)).toBe(0);
  });

  it('moves left and wraps from the first tab to the last', () => {
    expect(nextTabIndex(1, 'ArrowLeft', 3)).toBe(0);
    expect(nextTabIndex(0, 'ArrowLeft', 3)).toBe(2);
  });

  it('jumps to the ends with Home and End', () => {
    expect(nextTabIndex(1, 'Home', 3)).toBe(0);
    expect(nextTabIndex(0, 'End', 3)).toBe(2);
  });

  it('ignores other keys and empty tab lists', () => {
    expect(nextTabIndex(1, 'Enter', 3)).toBeUndefined();
    expect(nextTabIndex(0, 'ArrowRight', 0)).toBeUndefined();
  });
});
