/**
 * Which application the playgrounds act as, stored under the key the playground reads
 * (`READER_APP_STORAGE_KEY`). Takes the storage as a parameter so it can be tested without a
 * browser; storage that throws (disabled cookies) is treated as empty.
 */
import { READER_APP_STORAGE_KEY } from '../../playground/editor/reader-app.ts';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The chosen client id, or `null` for "the seeded Reporting Service". */
export function readReaderApp(storage: KeyValueStorage): string | null {
  try {
    return storage.getItem(READER_APP_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Makes `clientId` the playgrounds' application; `null` goes back to the seeded one. False if storage refused. */
export function chooseReaderApp(storage: KeyValueStorage, clientId: string | null): boolean {
  try {
    if (clientId === null) storage.removeItem(READER_APP_STORAGE_KEY);
    else storage.setItem(READER_APP_STORAGE_KEY, clientId);
    return true;
  } catch {
    return false;
  }
}
