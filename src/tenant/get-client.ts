import { parseFieldSelection, presentClient, visibleClientFields } from './client-fields.ts';
import { presentationContext, type RouteContext, type RouteOutcome } from './management-route.ts';
import { TenantError } from './tenant-error.ts';

/** `GET /api/v2/clients/{id}`: one application, filtered like the list; 404 `inexistent_client` if unknown. */
export function getClient({ tenant, query, params, principal }: RouteContext): RouteOutcome {
  const selection = parseFieldSelection(query);
  if (selection instanceof TenantError) return selection;
  const app = tenant.records.applications.find((candidate) => candidate.client_id === params[0]);
  if (app === undefined) return new TenantError('inexistent_client');
  const context = presentationContext(tenant);
  return { status: 200, body: presentClient(app, context, visibleClientFields(principal.scopes), selection) };
}
