import { findResourceServer } from './present-resource-server.ts';
import type { ResourceServer } from './model.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/**
 * Removes an API, like `DELETE /api/v2/resource-servers/{id}` (id or identifier), and the client
 * grants for it: without the API they could not be used (assumption `resource-server-delete`). A
 * system API such as the Management API cannot be deleted.
 */
export function deleteResourceServer(records: TenantRecords, idOrIdentifier: string): ResourceServer | TenantError<'resource_server_not_found' | 'system_resource_server'> {
  const server = findResourceServer(records, idOrIdentifier);
  if (server === undefined) return new TenantError('resource_server_not_found');
  if (server.is_system) return new TenantError('system_resource_server');
  records.resourceServers.splice(records.resourceServers.indexOf(server), 1);
  records.clientGrants = records.clientGrants.filter((grant) => grant.audience !== server.identifier);
  return server;
}
