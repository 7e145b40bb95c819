import { GRANT_SCOPE_SHAPE, undefinedScopesProblem } from './create-client-grant.ts';
import { presentGrant } from './present-client-grant.ts';
import type { ClientGrant } from './model.ts';
import { checkShape } from './payload-schema.ts';
import { tightened, UPDATE_CLIENT_GRANT_BODY } from './sdk-request-shapes.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

// Every field node-auth0 documents for the PATCH; `subject_type` cannot change once the grant exists.
const GRANT_CHANGES_SHAPE = tightened(UPDATE_CLIENT_GRANT_BODY, { scope: GRANT_SCOPE_SHAPE });

/**
 * Changes a grant, like `PATCH /api/v2/client-grants/{id}`: its scopes and any other documented
 * field (`null` removes one). Tokens issued before keep their old scopes until they expire: a
 * grant only governs new tokens.
 */
export function updateClientGrant(records: TenantRecords, grantId: string, changes: unknown): ClientGrant | TenantError<'invalid_body' | 'inexistent_client_grant'> {
  const problem = checkShape(changes, GRANT_CHANGES_SHAPE);
  if (problem !== undefined) return new TenantError('invalid_body', problem);
  const grant = records.clientGrants.find((candidate) => candidate.id === grantId);
  if (grant === undefined) return new TenantError('inexistent_client_grant');
  const fields = structuredClone(changes) as Record<string, unknown>;
  // `scope: null` leaves the grant with no scope (assumption client-grant-fields).
  const scope = fields.scope === null ? [] : (fields.scope as string[] | undefined);
  if (scope !== undefined) {
    const server = records.resourceServers.find((candidate) => candidate.identifier === grant.audience);
    const scopeProblem = server === undefined ? undefined : undefinedScopesProblem(server, scope);
    if (scopeProblem !== undefined) return scopeProblem;
  }
  // Every check is done: from here on the change is applied whole.
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'scope') grant.scope = [...scope!];
    else if (value === null) delete grant[name];
    else grant[name] = value;
  }
  return presentGrant(grant);
}
