import { base64ToBytes } from './base64.ts';
import type { GlobalClient } from './model.ts';
import { newGlobalSecret } from './random-values.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/*
 * The legacy Global Client through the /clients routes. Auth0's support article "Rotate the Global
 * Client Secret in Auth0" rotates its secret with POST /api/v2/clients/{global id}/rotate-secret,
 * and auth0/docs #6667 documents setting it with PATCH and `{"client_secret": "…"}` (scope
 * update:client_keys), so the sandbox accepts both. Old explorer tokens are HS256-signed with the
 * secret's base64-decoded bytes, so a new secret must decode to a usable key.
 */

/** Sets a chosen Global Client secret: base64 of at least 16 bytes, 24 to 500 characters (what a saved tenant must hold). */
export function setGlobalClientSecret(records: TenantRecords, secret: string): GlobalClient | TenantError<'global_client_secret'> {
  const bytes = base64ToBytes(secret);
  if (secret.length < 24 || secret.length > 500 || bytes === undefined || bytes.length < 16) return new TenantError('global_client_secret');
  records.globalClient = { ...records.globalClient, client_secret: secret };
  return { ...records.globalClient };
}

/** Gives the Global Client a new random secret (like `tenant.rotateGlobalSecret()`); old explorer tokens stop verifying. */
export function rotateGlobalClientSecret(records: TenantRecords): GlobalClient {
  records.globalClient = { ...records.globalClient, client_secret: newGlobalSecret() };
  return { ...records.globalClient };
}
