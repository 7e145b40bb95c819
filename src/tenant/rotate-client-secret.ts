import type { Application } from './model.ts';
import { newClientSecret } from './random-values.ts';
import type { TenantRecords } from './tenant-state.ts';
import { fail, ok, TenantError, type Result } from './tenant-error.ts';

/**
 * Gives an application a new random secret. The old secret stops working at `/oauth/token` at
 * once; tokens already issued stay valid until they expire (Auth0 cannot revoke them).
 */
export function rotateClientSecret(records: TenantRecords, clientId: string): Result<Application, 'inexistent_client'> {
  const app = records.applications.find((candidate) => candidate.client_id === clientId);
  if (app === undefined) return fail(new TenantError('inexistent_client'));
  app.client_secret = newClientSecret();
  return ok(structuredClone(app));
}
