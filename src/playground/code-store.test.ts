import { describe, expect, it } from 'vitest';
import { clearCode, loadCode, saveCode, storageKey, type CodeStorage } from './code-store.ts';

function memoryStorage(initial: Record<string, string> = {}): CodeStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const STARTER = 'export default 1;';
const KEY = 'token-lab:playground:get-token';

describe('code store', () => {
  it('keys entries by playground id', () => {
    expect(storageKey('get-token')).toBe(KEY);
  });

  it('returns the starter when nothing was saved', () => {
    expect(loadCode(memoryStorage(), 'get-token', STARTER)).toEqual({ code: STARTER, from: 'starter' });
  });

  it('saves a versioned entry and loads the code back', () => {
    const storage = memoryStorage();
    expect(saveCode(storage, 'get-token', 'export default 2;', STARTER, 1_000)).toEqual({ saved: true });
    expect(JSON.parse(storage.items.get(KEY)!)).toEqual({ v: 1, code: 'export default 2;', savedAt: 1_000 });
    expect(loadCode(storage, 'get-token', STARTER)).toEqual({ code: 'export default 2;', from: 'saved' });
  });

  it('keeps playgrounds apart', () => {
    const storage = memoryStorage();
    saveCode(storage, 'a', 'A', STARTER, 1);
    expect(loadCode(storage, 'b', STARTER).code).toBe(STARTER);
  });

  it('removes the entry when the code is back to the starter', () => {
    const storage = memoryStorage({ [KEY]: JSON.stringify({ v: 1, code: 'x', savedAt: 1 }) });
    saveCode(storage, 'get-token', STARTER, STARTER, 2);
    expect(storage.items.has(KEY)).toBe(false);
  });

  it.each([
    ['text that is not JSON', '{oops'],
    ['JSON of the wrong shape', '"just a string"'],
    ['an unknown version', JSON.stringify({ v: 2, code: 'x', savedAt: 1 })],
    ['code that is not a string', JSON.stringify({ v: 1, code: 42, savedAt: 1 })],
  ])('replaces %s with the starter, a notice, and removes the bad entry', (_label, stored) => {
    const storage = memoryStorage({ [KEY]: stored });
    const loaded = loadCode(storage, 'get-token', STARTER);
    expect(loaded).toMatchObject({ code: STARTER, from: 'starter' });
    expect(loaded.notice).toMatch(/^\[playground\] Your saved code for this playground could not be read/);
    expect(storage.items.has(KEY)).toBe(false);
  });

  it('explains a full storage instead of throwing', () => {
    const storage = { ...memoryStorage(), setItem() { throw new DOMException('full', 'QuotaExceededError'); } };
    const outcome = saveCode(storage, 'get-token', 'x', STARTER, 1);
    expect(outcome).toEqual({ saved: false, notice: expect.stringMatching(/storage for this site is full/) });
  });

  it('explains any other storage failure instead of throwing', () => {
    const storage = { ...memoryStorage(), setItem() { throw new Error('denied'); } };
    expect(saveCode(storage, 'get-token', 'x', STARTER, 1)).toEqual({ saved: false, notice: expect.stringMatching(/could not be saved/) });
  });

  it('works without storage at all, with a notice on save', () => {
    expect(loadCode(null, 'get-token', STARTER)).toEqual({ code: STARTER, from: 'starter' });
    expect(saveCode(null, 'get-token', 'x', STARTER, 1)).toMatchObject({ saved: false });
  });

  it('falls back to the starter when reading storage throws', () => {
    const storage = { ...memoryStorage(), getItem(): string { throw new DOMException('no', 'SecurityError'); } };
    expect(loadCode(storage, 'get-token', STARTER)).toMatchObject({ code: STARTER, notice: expect.stringMatching(/cannot be restored/) });
  });

  it('forgets the edits on reset', () => {
    const storage = memoryStorage({ [KEY]: 'anything' });
    clearCode(storage, 'get-token');
    expect(storage.items.size).toBe(0);
  });
});
