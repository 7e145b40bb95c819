import { presentGrant } from './present-client-grant.ts';
import type { RouteContext, RouteOutcome } from './management-route.ts';
import { TenantError } from './tenant-error.ts';

/**
 * `GET /api/v2/client-grants/{id}` (scope `read:client_grants`): one grant, with its scopes and
 * Organizations fields; 404 `inexistent_client_grant` when there is no grant with that id.
 */
export function getClientGrant({ tenant, params }: RouteContext): RouteOutcome {
  const grant = tenant.records.clientGrants.find((candidate) => candidate.id === params[0]);
  return grant === undefined ? new TenantError('inexistent_client_grant') : { status: 200, body: presentGrant(grant) };
}
