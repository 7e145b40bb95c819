import { findResourceServer, presentResourceServer, type ResourceServerBody } from './present-resource-server.ts';
import { checkShape } from './payload-schema.ts';
import { RESOURCE_SERVER_CHANGES_SHAPE } from './resource-server-shape.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

export { MAX_TOKEN_LIFETIME } from './resource-server-shape.ts';

/** What Auth0 lets anyone change on a system API such as the Management API (terraform-provider-auth0 #374). */
const SYSTEM_API_PROPERTIES: ReadonlySet<string> = new Set(['token_lifetime', 'skip_consent_for_verifiable_first_party_clients']);

/** The error codes changing an API can end in. */
export type UpdateResourceServerError = 'invalid_body' | 'resource_server_not_found';

/**
 * Changes an API's settings, like `PATCH /api/v2/resource-servers/{id}` (id or audience): any
 * field node-auth0 documents, stored as sent (`null` removes one the SDK lets PATCH clear). On a
 * system API Auth0 refuses every property but `token_lifetime` and
 * `skip_consent_for_verifiable_first_party_clients`, naming them all as "Additional properties
 * not allowed". A refused change leaves the API as it was. The next token `/oauth/token` issues
 * for it lives `token_lifetime` seconds; tokens issued before keep their `exp`.
 */
export function updateResourceServer(records: TenantRecords, idOrIdentifier: string, changes: unknown): ResourceServerBody | TenantError<UpdateResourceServerError> {
  const problem = checkShape(changes, RESOURCE_SERVER_CHANGES_SHAPE);
  if (problem !== undefined) return new TenantError('invalid_body', problem);
  const server = findResourceServer(records, idOrIdentifier);
  if (server === undefined) return new TenantError('resource_server_not_found');
  const fields = structuredClone(changes) as Record<string, unknown>;
  if (server.is_system) {
    const names = Object.keys(fields).filter((name) => !SYSTEM_API_PROPERTIES.has(name));
    if (names.length > 0) return new TenantError('invalid_body', { detail: `Additional properties not allowed: ${names.slice(0, 20).map((name) => name.slice(0, 100)).join(',')}` });
  }
  for (const [name, value] of Object.entries(fields)) {
    if (value === null) delete server[name];
    else server[name] = value;
  }
  return presentResourceServer(server);
}
