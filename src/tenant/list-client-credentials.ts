import type { ClientCredential } from './model.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/** An application's credentials, oldest first (`GET /api/v2/clients/{id}/credentials`). */
export function listClientCredentials(records: Readonly<TenantRecords>, clientId: string): ClientCredential[] | TenantError<'inexistent_client'> {
  if (!records.applications.some((app) => app.client_id === clientId)) return new TenantError('inexistent_client');
  return structuredClone(records.credentials.filter((credential) => credential.client_id === clientId));
}
