import type { Application } from './model.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/**
 * Deletes an application and its client grants, like `DELETE /api/v2/clients/{id}`: it gets no
 * new tokens; tokens already issued stay valid until `exp`, as with a deleted grant. Its
 * credentials, a secret switch under way and the assertion ids it used go with it. The Global
 * Client is not an application and is refused (a sandbox rule).
 */
export function deleteClient(records: TenantRecords, clientId: string): Application | TenantError<'inexistent_client' | 'global_client_not_deletable'> {
  if (clientId === records.globalClient.client_id) return new TenantError('global_client_not_deletable');
  const index = records.applications.findIndex((app) => app.client_id === clientId);
  if (index === -1) return new TenantError('inexistent_client');
  const [removed] = records.applications.splice(index, 1);
  records.clientGrants = records.clientGrants.filter((grant) => grant.client_id !== clientId);
  records.credentials = records.credentials.filter((credential) => credential.client_id !== clientId);
  records.secretSwitches = records.secretSwitches.filter((entry) => entry.client_id !== clientId);
  records.usedAssertionIds = records.usedAssertionIds.filter((entry) => entry.client_id !== clientId);
  return removed!;
}
