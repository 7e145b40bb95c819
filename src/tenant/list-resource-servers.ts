import { presentResourceServer } from './present-resource-server.ts';
import type { RouteContext, RouteOutcome } from './management-route.ts';
import { pageOf, parsePaging } from './query-parameters.ts';
import { TenantError } from './tenant-error.ts';

/** Auth0 documents `identifiers` as repeatable, at most 10 times. */
const MAX_IDENTIFIERS = 10;

/**
 * `GET /api/v2/resource-servers` (scope `read:resource_servers`): the tenant's APIs, the
 * Management API among them (`is_system: true`). Paged like the other lists, with
 * `resource_servers` in the `include_totals` wrapper, and filtered by repeated `identifiers`.
 */
export function listResourceServers({ tenant, query }: RouteContext): RouteOutcome {
  const paging = parsePaging(query);
  if (paging instanceof TenantError) return paging;
  const identifiers = query.getAll('identifiers');
  if (identifiers.length > MAX_IDENTIFIERS) {
    return new TenantError('invalid_query', { detail: `Array is too long (${identifiers.length}), maximum ${MAX_IDENTIFIERS}`, property: 'identifiers' });
  }
  const servers = tenant.records.resourceServers
    .filter((server) => identifiers.length === 0 || identifiers.includes(server.identifier))
    .map(presentResourceServer);
  return { status: 200, body: pageOf(servers, paging, 'resource_servers') };
}
