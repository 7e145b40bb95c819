import { afterEach, describe, expect, it, vi } from 'vitest';
import { READER_APP_STORAGE_KEY } from '../../playground/editor/reader-app.ts';
import { chooseReaderApp, readReaderApp } from './reader-app-choice.ts';

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

const brokenStorage = {
  getItem: () => {
    throw new Error('denied');
  },
  setItem: () => {
    throw new Error('denied');
  },
  removeItem: () => {
    throw new Error('denied');
  },
};

describe('the reader app choice', () => {
  it('stores the chosen client id under the key the playgrounds read', () => {
    const storage = memoryStorage();
    expect(chooseReaderApp('abc123', storage)).toBe(true);
    expect(storage.values.get(READER_APP_STORAGE_KEY)).toBe('abc123');
    expect(readReaderApp(storage)).toBe('abc123');
  });

  it('goes back to the seeded app by removing the key', () => {
    const storage = memoryStorage();
    chooseReaderApp('abc123', storage);
    chooseReaderApp(null, storage);
    expect(readReaderApp(storage)).toBeNull();
  });

  it('treats storage that throws as empty and reports that saving failed', () => {
    expect(readReaderApp(brokenStorage)).toBeNull();
    expect(chooseReaderApp('abc123', brokenStorage)).toBe(false);
  });

  describe('on a page where the browser blocks storage', () => {
    // There, merely reading `localStorage` (or `window.localStorage`) throws a SecurityError.
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const ownLocalStorage = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    afterEach(() => {
      vi.unstubAllGlobals();
      if (ownLocalStorage) Object.defineProperty(globalThis, 'localStorage', ownLocalStorage);
      else Reflect.deleteProperty(globalThis, 'localStorage');
    });

    it('reads the seeded app and reports that choosing one was not saved, without throwing', () => {
      Object.defineProperty(globalThis, 'localStorage', { get: blocked, configurable: true });
      vi.stubGlobal('window', Object.defineProperty({}, 'localStorage', { get: blocked }));
      expect(readReaderApp()).toBeNull();
      expect(chooseReaderApp('abc123')).toBe(false);
      expect(chooseReaderApp(null)).toBe(false);
    });
  });
});
