import type { RouteContext, RouteOutcome } from './management-route.ts';
import type { ClientGrant } from './model.ts';
import type { TenantRecords } from './tenant.ts';
import { fail, ok, TenantError, type Result } from './tenant-error.ts';

/**
 * Deletes a grant, like `DELETE /api/v2/client-grants/{id}`. This is how an application is cut
 * off: it gets no new tokens, but tokens already issued stay valid until `exp`.
 */
export function deleteClientGrant(records: TenantRecords, grantId: string): Result<ClientGrant, 'inexistent_client_grant'> {
  const index = records.clientGrants.findIndex((grant) => grant.id === grantId);
  if (index === -1) return fail(new TenantError('inexistent_client_grant'));
  const [removed] = records.clientGrants.splice(index, 1);
  return ok(removed!);
}

/** `DELETE /api/v2/client-grants/{id}` (scope `delete:client_grants`): 204 without a body. */
export function deleteClientGrantRoute({ tenant, params }: RouteContext): RouteOutcome {
  const result = tenant.mutate((records) => deleteClientGrant(records, params[0]!));
  return result.ok ? { status: 204 } : result.error;
}
