/**
 * Which application the reader's playgrounds act as. Lesson 3 lets a reader create their own
 * machine-to-machine app; until then, and whenever the saved choice cannot be used, it is the
 * seeded Reporting Service.
 *
 * The saved client id is untrusted like everything in localStorage: a value that is not shaped
 * like a client id, or names an app the tenant does not have (hand-edited, or the tenant was
 * reset since), is removed and the reader is told why their playgrounds changed app.
 */
import { SEEDED_CREDENTIALS, type Tenant } from '../../tenant/index.ts';
import type { RunContext } from '../protocol.ts';

export const READER_APP_STORAGE_KEY = 'token-lab:reader-app';

/** The part of the Web Storage API this store uses; `null` when the browser blocks storage. */
export type ReaderAppStorage = Pick<Storage, 'getItem' | 'removeItem'>;

/** The credentials the playgrounds run with, and a sentence for the reader when the saved choice was dropped. */
export interface ReaderApp {
  context: RunContext;
  notice?: string;
}

// Every id the tenant hands out or seeds is 32 letters and digits (see tenant/random-values.ts).
const CLIENT_ID_SHAPE = /^[A-Za-z0-9]{32}$/;

/** Reads, checks and if need be resets the reader's chosen app. */
export function readerApp(tenant: Tenant, storage: ReaderAppStorage | null): ReaderApp {
  const chosen = read(storage);
  const app = chosen !== null && CLIENT_ID_SHAPE.test(chosen) ? tenant.application(chosen) : undefined;
  const used = app ?? tenant.application(SEEDED_CREDENTIALS.reporting.client_id) ?? SEEDED_CREDENTIALS.reporting;
  const context: RunContext = {
    domain: tenant.domain,
    clientId: used.client_id,
    clientSecret: used.client_secret,
    audience: tenant.managementAudience,
  };
  if (chosen === null || app !== undefined) return { context };

  try {
    storage?.removeItem(READER_APP_STORAGE_KEY);
  } catch {
    // Only tidying up: the check above runs again next time and gives the same answer.
  }
  const fallback = SEEDED_CREDENTIALS.reporting.name;
  return {
    context,
    notice: CLIENT_ID_SHAPE.test(chosen)
      ? `The app your playgrounds used (client ID ${chosen}) is no longer in the sandbox tenant, so they use the seeded ${fallback} again.`
      : `The saved choice of app for your playgrounds was damaged, so they use the seeded ${fallback} again. Lesson 3 shows how to make your own app.`,
  };
}

function read(storage: ReaderAppStorage | null): string | null {
  try {
    return storage ? storage.getItem(READER_APP_STORAGE_KEY) : null;
  } catch {
    return null; // Storage blocked: the seeded app, and nothing to reset.
  }
}
