import type { ClientCredential } from './model.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/** One credential of an application (`GET /api/v2/clients/{id}/credentials/{credential_id}`); another application's is not found. */
export function getClientCredential(records: Readonly<TenantRecords>, clientId: string, credentialId: string): ClientCredential | TenantError<'inexistent_client' | 'inexistent_credential'> {
  if (!records.applications.some((app) => app.client_id === clientId)) return new TenantError('inexistent_client');
  const found = records.credentials.find((credential) => credential.id === credentialId && credential.client_id === clientId);
  return found === undefined ? new TenantError('inexistent_credential') : structuredClone(found);
}
