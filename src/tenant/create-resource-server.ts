import type { ResourceServer } from './model.ts';
import { checkShape } from './payload-schema.ts';
import { newResourceServerId, uniqueId } from './random-values.ts';
import { NEW_RESOURCE_SERVER_SHAPE } from './resource-server-shape.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/** Auth0's default Token Expiration for a new API: 86,400 seconds ("API Settings"). */
const DEFAULT_TOKEN_LIFETIME = 86_400;

/** The error codes creating an API can end in. */
export type CreateResourceServerError = 'invalid_body' | 'resource_server_conflict';

/**
 * Registers an API, like `POST /api/v2/resource-servers`: any field node-auth0 documents, stored
 * as sent; `name` defaults to the identifier, `scopes` to none, `token_lifetime` to a day,
 * `signing_alg` to RS256. An identifier already in use (the Management API's included) is a 409.
 * Applications then get tokens for it with a client grant, like for the Management API.
 */
export function createResourceServer(records: TenantRecords, input: unknown): ResourceServer | TenantError<CreateResourceServerError> {
  const problem = checkShape(input, NEW_RESOURCE_SERVER_SHAPE);
  if (problem !== undefined) return new TenantError('invalid_body', problem);
  const fields = structuredClone(input) as Partial<ResourceServer> & { identifier: string };
  if (records.resourceServers.some((server) => server.identifier === fields.identifier)) return new TenantError('resource_server_conflict');
  const server: ResourceServer = {
    ...fields,
    id: uniqueId(newResourceServerId, (id) => records.resourceServers.some((existing) => existing.id === id)),
    name: fields.name ?? fields.identifier,
    identifier: fields.identifier,
    scopes: fields.scopes ?? [],
    token_lifetime: fields.token_lifetime ?? DEFAULT_TOKEN_LIFETIME,
    signing_alg: fields.signing_alg ?? 'RS256',
    is_system: false,
  };
  records.resourceServers.push(server);
  return structuredClone(server);
}
