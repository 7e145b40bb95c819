import { GRANT_SCOPE_SHAPE, undefinedScopesProblem } from './create-client-grant.ts';
import type { RouteContext, RouteOutcome } from './management-route.ts';
import type { ClientGrant } from './model.ts';
import { checkShape, type Shape } from './payload-schema.ts';
import type { TenantRecords } from './tenant.ts';
import { fail, ok, TenantError, type Result } from './tenant-error.ts';

const GRANT_CHANGES_SHAPE: Shape = { type: 'object', properties: { scope: GRANT_SCOPE_SHAPE } };

/**
 * Changes the scopes of a grant, like `PATCH /api/v2/client-grants/{id}`. Tokens issued before
 * keep their old scopes until they expire: a grant only governs new tokens.
 */
export function updateClientGrant(records: TenantRecords, grantId: string, changes: unknown): Result<ClientGrant, 'invalid_body' | 'inexistent_client_grant'> {
  const problem = checkShape(changes, GRANT_CHANGES_SHAPE);
  if (problem !== undefined) return fail(new TenantError('invalid_body', problem));
  const grant = records.clientGrants.find((candidate) => candidate.id === grantId);
  if (grant === undefined) return fail(new TenantError('inexistent_client_grant'));
  const { scope } = changes as Partial<Pick<ClientGrant, 'scope'>>;
  if (scope !== undefined) {
    const server = records.resourceServers.find((candidate) => candidate.identifier === grant.audience);
    const scopeProblem = server === undefined ? undefined : undefinedScopesProblem(server, scope);
    if (scopeProblem !== undefined) return fail(scopeProblem);
    grant.scope = [...scope];
  }
  return ok({ ...grant, scope: [...grant.scope] });
}

/** `PATCH /api/v2/client-grants/{id}` (scope `update:client_grants`): 200 with the grant. */
export function updateClientGrantRoute({ tenant, params, body }: RouteContext): RouteOutcome {
  const result = tenant.mutate((records) => updateClientGrant(records, params[0]!, body));
  return result.ok ? { status: 200, body: result.value } : result.error;
}
