import type { RouteContext, RouteOutcome } from './management-route.ts';
import { pageOf, parsePaging, singleParameter } from './query-parameters.ts';
import { TenantError } from './tenant-error.ts';

/**
 * `GET /api/v2/client-grants` (scope `read:client_grants`): the grants, optionally filtered by
 * `audience` and `client_id`, paged like the clients list (`client_grants` in the totals wrapper).
 */
export function listClientGrants({ tenant, query }: RouteContext): RouteOutcome {
  const paging = parsePaging(query);
  if (paging instanceof TenantError) return paging;
  const audience = singleParameter(query, 'audience');
  if (audience instanceof TenantError) return audience;
  const clientId = singleParameter(query, 'client_id');
  if (clientId instanceof TenantError) return clientId;
  const grants = tenant.records.clientGrants
    .filter((grant) => (audience === undefined || grant.audience === audience) && (clientId === undefined || grant.client_id === clientId))
    .map((grant) => ({ ...grant, scope: [...grant.scope] }));
  return { status: 200, body: pageOf(grants, paging, 'client_grants') };
}
