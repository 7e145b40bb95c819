import { parseFieldSelection } from './client-fields.ts';
import type { RouteContext, RouteOutcome } from './management-route.ts';
import { findUser, presentUser, userIdProblem } from './present-user.ts';
import { TenantError } from './tenant-error.ts';

/**
 * `GET /api/v2/users/{id}` (scope `read:users`): one user, with `fields`/`include_fields`.
 * The id contains a `|`, which clients send percent-encoded (`auth0%7C…`); the router decodes it.
 */
export function getUser({ tenant, query, params }: RouteContext): RouteOutcome {
  const idProblem = userIdProblem(params[0]!);
  if (idProblem !== undefined) return idProblem;
  const selection = parseFieldSelection(query);
  if (selection instanceof TenantError) return selection;
  const user = findUser(tenant.records, params[0]!);
  if (user instanceof TenantError) return user;
  return { status: 200, body: presentUser(user, selection) };
}
