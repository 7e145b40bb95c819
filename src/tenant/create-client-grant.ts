import { presentGrant } from './present-client-grant.ts';
import type { ClientGrant, ResourceServer } from './model.ts';
import { checkShape, type Shape } from './payload-schema.ts';
import { newGrantId, uniqueId } from './random-values.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/** The `scope` list of a grant, as both create and update accept it. */
export const GRANT_SCOPE_SHAPE: Shape = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 280 }, unique: true, maxItems: 500 };

/** How a grant may be used with Organizations; Auth0 treats a grant without it as `deny`. */
export const ORGANIZATION_USAGE_SHAPE: Shape = { type: 'string', enum: ['deny', 'allow', 'require'] };

const NEW_GRANT_SHAPE: Shape = {
  type: 'object',
  required: ['client_id', 'audience', 'scope'],
  properties: {
    client_id: { type: 'string', minLength: 1, maxLength: 200 },
    audience: { type: 'string', minLength: 1, maxLength: 600 },
    scope: GRANT_SCOPE_SHAPE,
    organization_usage: ORGANIZATION_USAGE_SHAPE,
    allow_any_organization: { type: 'boolean' },
    // Fixed when the grant is made: PATCH does not take it.
    subject_type: { type: 'string', enum: ['client', 'user'] },
  },
};

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
  const { client_id: clientId, audience, scope, organization_usage: organizationUsage, allow_any_organization: anyOrganization, subject_type: subjectType } = input as Omit<ClientGrant, 'id'>;
  if (!records.applications.some((app) => app.client_id === clientId)) return new TenantError('inexistent_client');
  const server = records.resourceServers.find((candidate) => candidate.identifier === audience);
  if (server === undefined) return new TenantError('inexistent_resource_server');
  const scopeProblem = undefinedScopesProblem(server, scope);
  if (scopeProblem !== undefined) return scopeProblem;
  if (records.clientGrants.some((grant) => grant.client_id === clientId && grant.audience === audience)) {
    return new TenantError('client_grant_conflict');
  }
  const grant: ClientGrant = { id: uniqueId(newGrantId, (id) => records.clientGrants.some((grant) => grant.id === id)), client_id: clientId, audience, scope: [...scope] };
  // Stored, and shown, only when sent: the sandbox has no organizations to apply them to.
  if (organizationUsage !== undefined) grant.organization_usage = organizationUsage;
  if (anyOrganization !== undefined) grant.allow_any_organization = anyOrganization;
  if (subjectType !== undefined) grant.subject_type = subjectType;
  records.clientGrants.push(grant);
  return presentGrant(grant);
}
