import { describe, expect, it } from 'vitest';
import { PROGRESS_STORAGE_KEY, peekProgress, readProgress, recordAttempt, resetProgress, statusOf, type ProgressStorage } from './progress-store.ts';

function memoryStorage(initial?: string): ProgressStorage & { map: Map<string, string> } {
  const map = new Map<string, string>(initial === undefined ? [] : [[PROGRESS_STORAGE_KEY, initial]]);
  return { map, getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value), removeItem: (key) => void map.delete(key) };
}

describe('lab progress store', () => {
  it('starts with nothing started and no notice', () => {
    const { progress, notice } = readProgress(memoryStorage());
    expect(statusOf(progress, 'get-a-token')).toBe('not-started');
    expect(notice).toBeUndefined();
  });

  it('marks tried, then solved, and keeps solved through a later failure', () => {
    const storage = memoryStorage();
    recordAttempt(storage, 'get-a-token', false, 1);
    expect(statusOf(readProgress(storage).progress, 'get-a-token')).toBe('tried');
    recordAttempt(storage, 'get-a-token', true, 2);
    recordAttempt(storage, 'get-a-token', false, 3);
    const { progress } = readProgress(storage);
    expect(progress.exercises['get-a-token']).toEqual({ status: 'solved', at: 2 });
    expect(statusOf(progress, 'least-scopes')).toBe('not-started');
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['another version', '{"version":2,"exercises":{}}'],
    ['an unknown status', '{"version":1,"exercises":{"get-a-token":{"status":"aced","at":1}}}'],
    ['a hand-set solve without a time', '{"version":1,"exercises":{"get-a-token":{"status":"solved"}}}'],
    ['an id that is no slug', '{"version":1,"exercises":{"<img src=x>":{"status":"tried","at":1}}}'],
    ['extra fields', '{"version":1,"exercises":{},"admin":true}'],
    ['an array', '[]'],
    ['a prototype key', '{"version":1,"exercises":{"__proto__":{"status":"solved","at":1}}}'],
  ])('resets %s with a notice and removes the stored value', (_, text) => {
    const storage = memoryStorage(text);
    const { progress, notice } = readProgress(storage);
    expect(progress).toEqual({ version: 1, exercises: {} });
    expect(notice).toMatch(/could not be read, so it was reset/);
    expect(storage.map.has(PROGRESS_STORAGE_KEY)).toBe(false);
  });

  it('works without storage, and when storage throws', () => {
    expect(readProgress(null).progress.exercises).toEqual({});
    const throwing: ProgressStorage = {
      getItem: () => { throw new Error('denied'); },
      setItem: () => { throw new Error('quota'); },
      removeItem: () => { throw new Error('denied'); },
    };
    expect(readProgress(throwing).notice).toBeUndefined();
    expect(recordAttempt(throwing, 'get-a-token', true, 1).saved).toBe(false);
    expect(() => resetProgress(throwing)).not.toThrow();
  });

  it('peeks without resetting a damaged value, so the lab page can still say what happened', () => {
    const storage = memoryStorage('{"version":1,"exercises":{"get-a-token":{"status":"aced","at":1}}}');
    expect(peekProgress(storage).exercises).toEqual({});
    expect(storage.map.has(PROGRESS_STORAGE_KEY)).toBe(true);
    expect(readProgress(storage).notice).toMatch(/reset/);
    recordAttempt(storage, 'get-a-token', true, 5);
    expect(statusOf(peekProgress(storage), 'get-a-token')).toBe('solved');
  });

  it('forgets everything on reset', () => {
    const storage = memoryStorage();
    recordAttempt(storage, 'fix-a-403', true, 1);
    resetProgress(storage);
    expect(statusOf(readProgress(storage).progress, 'fix-a-403')).toBe('not-started');
  });
});
