import { parseFieldSelection, presentClient, visibleClientFields } from './client-fields.ts';
import { presentationContext, type RouteContext, type RouteOutcome } from './management-route.ts';
import { pageOf, parsePaging } from './query-parameters.ts';
import { TenantError } from './tenant-error.ts';

/**
 * `GET /api/v2/clients`: the applications, each cut down to the fields the token's scopes
 * allow, 50 per page by default; with `include_totals=true`, `{start, limit, total, clients}`
 * (the shape the official Node SDK asks for).
 */
export function listClients({ tenant, query, principal }: RouteContext): RouteOutcome {
  const paging = parsePaging(query);
  if (paging instanceof TenantError) return paging;
  const selection = parseFieldSelection(query);
  if (selection instanceof TenantError) return selection;
  const allowed = visibleClientFields(principal.scopes);
  const context = presentationContext(tenant);
  const clients = tenant.records.applications.map((app) => presentClient(app, context, allowed, selection));
  return { status: 200, body: pageOf(clients, paging, 'clients') };
}
