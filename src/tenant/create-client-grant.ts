import { presentGrant } from './present-client-grant.ts';
import type { ClientGrant, ResourceServer } from './model.ts';
import { checkShape, type Shape } from './payload-schema.ts';
import { newGrantId, uniqueId } from './random-values.ts';
import { CREATE_CLIENT_GRANT_BODY, tightened } from './sdk-request-shapes.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/** The `scope` list of a grant, as both create and update accept it. */
export const GRANT_SCOPE_SHAPE: Shape = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 280 }, unique: true, maxItems: 500 };

/**
 * Every field node-auth0 documents for `POST /api/v2/client-grants`. `client_id` is required
 * here though the SDK marks it optional: Auth0 leaves it out only for a default grant
 * (`default_for`) for third-party applications, which the sandbox does not have (assumption
 * `client-grant-fields`). `scope` may be left out: the grant then allows no scope.
 */
const NEW_GRANT_SHAPE = tightened(CREATE_CLIENT_GRANT_BODY, {
  client_id: { type: 'string', minLength: 1, maxLength: 200 },
  audience: { type: 'string', minLength: 1, maxLength: 600 },
  scope: GRANT_SCOPE_SHAPE,
}, ['client_id', 'audience']);

/** The error codes creating a grant can end in. */
export type CreateGrantError = 'invalid_body' | 'inexistent_client' | 'inexistent_resource_server' | 'client_grant_conflict';

/**
 * Refuses scopes the API does not define, naming them. This is a sandbox rule, and the message
 * says so: the Management API itself accepts such scopes (only the Dashboard refuses them), so on
 * a real tenant a typo goes through silently and surfaces much later.
 */
export function undefinedScopesProblem(server: ResourceServer, scopes: readonly string[]): TenantError<'invalid_body'> | undefined {
  const defined = new Set(server.scopes.map((scope) => scope.value));
  const unknown = scopes.filter((scope) => !defined.has(scope));
  if (unknown.length === 0) return undefined;
  const listed = unknown.slice(0, 10).map((scope) => scope.slice(0, 100)).join(', ');
  return new TenantError('invalid_body', { detail: `Scopes are not defined by the resource server: ${listed} (a Token Lab sandbox rule; Auth0 itself accepts them)`, property: 'scope' });
}

/**
 * Authorizes an application for an API with some scopes (a client grant), like
 * `POST /api/v2/client-grants`. One grant per application and API: a second one is a 409.
 */
export function createClientGrant(records: TenantRecords, input: unknown): ClientGrant | TenantError<CreateGrantError> {
  const problem = checkShape(input, NEW_GRANT_SHAPE);
  if (problem !== undefined) return new TenantError('invalid_body', problem);
  const { client_id: clientId, audience, scope = [], ...others } = structuredClone(input) as { client_id: string; audience: string; scope?: string[]; [documented: string]: unknown };
  if (!records.applications.some((app) => app.client_id === clientId)) return new TenantError('inexistent_client');
  const server = records.resourceServers.find((candidate) => candidate.identifier === audience);
  if (server === undefined) return new TenantError('inexistent_resource_server');
  const scopeProblem = undefinedScopesProblem(server, scope);
  if (scopeProblem !== undefined) return scopeProblem;
  if (records.clientGrants.some((grant) => grant.client_id === clientId && grant.audience === audience)) {
    return new TenantError('client_grant_conflict');
  }
  // The other fields are stored, and shown, only when sent (as Auth0 shows organization_usage).
  const grant: ClientGrant = { id: uniqueId(newGrantId, (id) => records.clientGrants.some((existing) => existing.id === id)), client_id: clientId, audience, scope: [...scope], ...others };
  records.clientGrants.push(grant);
  return presentGrant(grant);
}
