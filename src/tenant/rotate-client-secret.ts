import type { Application } from './model.ts';
import { newClientSecret } from './random-values.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/**
 * Gives an application a new random secret. The old secret stops working at `/oauth/token` at
 * once; tokens already issued stay valid until they expire (Auth0 cannot revoke them).
 */
export function rotateClientSecret(records: TenantRecords, clientId: string): Application | TenantError<'inexistent_client'> {
  const app = records.applications.find((candidate) => candidate.client_id === clientId);
  if (app === undefined) return new TenantError('inexistent_client');
  app.client_secret = newClientSecret();
  return structuredClone(app);
}
