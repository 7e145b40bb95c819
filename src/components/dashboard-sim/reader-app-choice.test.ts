import { describe, expect, it } from 'vitest';
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
    expect(chooseReaderApp(storage, 'abc123')).toBe(true);
    expect(storage.values.get(READER_APP_STORAGE_KEY)).toBe('abc123');
    expect(readReaderApp(storage)).toBe('abc123');
  });

  it('goes back to the seeded app by removing the key', () => {
    const storage = memoryStorage();
    chooseReaderApp(storage, 'abc123');
    chooseReaderApp(storage, null);
    expect(readReaderApp(storage)).toBeNull();
  });

  it('treats storage that throws as empty and reports that saving failed', () => {
    expect(readReaderApp(brokenStorage)).toBeNull();
    expect(chooseReaderApp(brokenStorage, 'abc123')).toBe(false);
  });
});
