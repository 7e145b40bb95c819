import { parseFieldSelection, presentClient, presentGlobalClient, unreadableFields, visibleClientFields } from './client-fields.ts';
import { presentationContext, type RouteContext, type RouteOutcome } from './management-route.ts';
import { TenantError } from './tenant-error.ts';

/**
 * `GET /api/v2/clients/{id}`: one application, or the Global Client by its id, filtered like the
 * list (a hidden field asked for by name is a 403); 404 `inexistent_client` if unknown.
 */
export function getClient({ tenant, query, params, principal }: RouteContext): RouteOutcome {
  const selection = parseFieldSelection(query);
  if (selection instanceof TenantError) return selection;
  const allowed = visibleClientFields(principal.scopes);
  const refused = unreadableFields(selection, allowed);
  if (refused !== undefined) return refused;
  const { globalClient, applications } = tenant.records;
  const context = presentationContext(tenant);
  if (params[0] === globalClient.client_id) return { status: 200, body: presentGlobalClient(globalClient, context, allowed, selection) };
  const app = applications.find((candidate) => candidate.client_id === params[0]);
  if (app === undefined) return new TenantError('inexistent_client');
  return { status: 200, body: presentClient(app, context, allowed, selection) };
}
