/**
 * Which application the playgrounds act as, stored under the key the playground reads
 * (`READER_APP_STORAGE_KEY`). The storage defaults to the page's, reached through
 * `browserStorage()`: where the browser blocks storage even reading `localStorage` throws, and
 * the Dashboard must still work (as the seeded app). Storage that throws is treated as empty.
 */
import { browserStorage } from '../../playground/browser-storage.ts';
import { READER_APP_STORAGE_KEY } from '../../playground/editor/reader-app.ts';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The chosen client id, or `null` for "the seeded Reporting Service". */
export function readReaderApp(storage: KeyValueStorage | null = browserStorage()): string | null {
  try {
    return storage?.getItem(READER_APP_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Makes `clientId` the playgrounds' application; `null` goes back to the seeded one. False if storage refused. */
export function chooseReaderApp(clientId: string | null, storage: KeyValueStorage | null = browserStorage()): boolean {
  if (!storage) return false;
  try {
    if (clientId === null) storage.removeItem(READER_APP_STORAGE_KEY);
    else storage.setItem(READER_APP_STORAGE_KEY, clientId);
    return true;
  } catch {
    return false;
  }
}
