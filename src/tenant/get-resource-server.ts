import type { RouteContext, RouteOutcome } from './management-route.ts';
import { findResourceServer, presentResourceServer } from './present-resource-server.ts';
import { TenantError } from './tenant-error.ts';

/**
 * `GET /api/v2/resource-servers/{id}` (scope `read:resource_servers`): one API by id or audience;
 * 404 "The resource server does not exist" otherwise.
 */
export function getResourceServer({ tenant, params }: RouteContext): RouteOutcome {
  const server = findResourceServer(tenant.records, params[0]!);
  if (server === undefined) return new TenantError('resource_server_not_found');
  return { status: 200, body: presentResourceServer(server) };
}
