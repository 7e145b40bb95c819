import type { ClientGrant } from './model.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/**
 * Deletes a grant, like `DELETE /api/v2/client-grants/{id}`. This is how an application is cut
 * off: it gets no new tokens, but tokens already issued stay valid until `exp`.
 */
export function deleteClientGrant(records: TenantRecords, grantId: string): ClientGrant | TenantError<'inexistent_client_grant'> {
  const index = records.clientGrants.findIndex((grant) => grant.id === grantId);
  if (index === -1) return new TenantError('inexistent_client_grant');
  const [removed] = records.clientGrants.splice(index, 1);
  return removed!;
}
