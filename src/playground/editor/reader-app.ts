/**
 * Which application the reader's playgrounds act as. Lesson 3 lets a reader create their own
 * machine-to-machine app; until then, and whenever the chosen app no longer exists, it is the
 * seeded Reporting Service.
 */
import { SEEDED_CREDENTIALS, type Tenant } from '../../tenant/index.ts';
import type { RunContext } from '../protocol.ts';

export const READER_APP_STORAGE_KEY = 'token-lab:reader-app';

export function readerContext(tenant: Tenant): RunContext {
  let chosen: string | null = null;
  try {
    chosen = localStorage.getItem(READER_APP_STORAGE_KEY);
  } catch {
    // Storage disabled: use the seeded app.
  }
  const app = (chosen && tenant.application(chosen)) || tenant.application(SEEDED_CREDENTIALS.reporting.client_id);
  return {
    domain: tenant.domain,
    clientId: app?.client_id ?? SEEDED_CREDENTIALS.reporting.client_id,
    clientSecret: app?.client_secret ?? SEEDED_CREDENTIALS.reporting.client_secret,
    audience: tenant.managementAudience,
  };
}
