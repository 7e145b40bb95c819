import { GRANT_SCOPE_SHAPE, ORGANIZATION_USAGE_SHAPE, undefinedScopesProblem } from './create-client-grant.ts';
import { presentGrant } from './present-client-grant.ts';
import type { ClientGrant } from './model.ts';
import { checkShape, type Shape } from './payload-schema.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

// Auth0 lets PATCH clear the Organizations fields with null (node-auth0's UpdateClientGrantRequestContent);
// subject_type cannot be changed once the grant exists.
const NULLABLE: Shape = { type: 'any' };
const GRANT_CHANGES_SHAPE: Shape = {
  type: 'object',
  properties: { scope: GRANT_SCOPE_SHAPE, organization_usage: NULLABLE, allow_any_organization: NULLABLE },
};
const NULLABLE_FIELDS: Readonly<Record<'organization_usage' | 'allow_any_organization', Shape>> = {
  organization_usage: ORGANIZATION_USAGE_SHAPE,
  allow_any_organization: { type: 'boolean' },
};

/**
 * Changes a grant, like `PATCH /api/v2/client-grants/{id}`: its scopes and its Organizations
 * fields (`null` removes one). Tokens issued before keep their old scopes until they expire: a
 * grant only governs new tokens.
 */
export function updateClientGrant(records: TenantRecords, grantId: string, changes: unknown): ClientGrant | TenantError<'invalid_body' | 'inexistent_client_grant'> {
  const problem = checkShape(changes, GRANT_CHANGES_SHAPE) ?? nullableProblem(changes as Record<string, unknown>);
  if (problem !== undefined) return new TenantError('invalid_body', problem);
  const grant = records.clientGrants.find((candidate) => candidate.id === grantId);
  if (grant === undefined) return new TenantError('inexistent_client_grant');
  const { scope, organization_usage: organizationUsage, allow_any_organization: anyOrganization } = changes as {
    scope?: string[];
    organization_usage?: ClientGrant['organization_usage'] | null;
    allow_any_organization?: boolean | null;
  };
  if (scope !== undefined) {
    const server = records.resourceServers.find((candidate) => candidate.identifier === grant.audience);
    const scopeProblem = server === undefined ? undefined : undefinedScopesProblem(server, scope);
    if (scopeProblem !== undefined) return scopeProblem;
  }
  // Every check is done: from here on the change is applied whole.
  if (scope !== undefined) grant.scope = [...scope];
  if (organizationUsage === null) delete grant.organization_usage;
  else if (organizationUsage !== undefined) grant.organization_usage = organizationUsage;
  if (anyOrganization === null) delete grant.allow_any_organization;
  else if (anyOrganization !== undefined) grant.allow_any_organization = anyOrganization;
  return presentGrant(grant);
}

function nullableProblem(changes: Record<string, unknown>): ReturnType<typeof checkShape> {
  for (const [name, shape] of Object.entries(NULLABLE_FIELDS)) {
    const value = changes[name];
    if (value === undefined || value === null) continue;
    const problem = checkShape(value, shape, name);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
