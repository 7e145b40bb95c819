import { AUTH0_APP_TYPES } from './application-shape.ts';
import { checkpointPageOf, parseCheckpoint } from './checkpoint-paging.ts';
import { parseFieldSelection, presentClient, presentGlobalClient, unreadableFields, visibleClientFields } from './client-fields.ts';
import { presentationContext, type RouteContext, type RouteOutcome } from './management-route.ts';
import type { TenantRecords } from './tenant-state.ts';
import { booleanParameter, listParameter, pageOf, parsePaging, singleParameter } from './query-parameters.ts';
import { TenantError } from './tenant-error.ts';

/** The filters `q` cannot be combined with ("Cannot be used in combination with other filters"). */
const FILTER_PARAMETERS = ['is_global', 'is_first_party', 'app_type', 'client_ids', 'external_client_id'] as const;

/** The list filters of `GET /api/v2/clients`; an absent one lets everything through. */
interface ClientFilter {
  readonly isGlobal?: boolean;
  readonly isFirstParty?: boolean;
  readonly appTypes?: ReadonlySet<string>;
  readonly clientIds?: ReadonlySet<string>;
  readonly externalClientId?: string;
  /** From `q`: only clients with a grant that matches. */
  readonly grantMatches?: (clientId: string) => boolean;
}

/** What the filters look at, for an application and for the Global Client alike. */
interface FilterFacts {
  readonly client_id: string;
  readonly global: boolean;
  readonly is_first_party: boolean;
  readonly app_type?: string;
  readonly external_client_id?: unknown;
}

function parseFilter(query: URLSearchParams): ClientFilter | TenantError<'invalid_query'> {
  const isGlobal = booleanParameter(query, 'is_global');
  if (isGlobal instanceof TenantError) return isGlobal;
  const isFirstParty = booleanParameter(query, 'is_first_party');
  if (isFirstParty instanceof TenantError) return isFirstParty;
  const appTypes = listParameter(query, 'app_type');
  if (appTypes instanceof TenantError) return appTypes;
  const unknownType = appTypes?.find((type) => !AUTH0_APP_TYPES.includes(type));
  if (unknownType !== undefined) return new TenantError('invalid_query', { detail: `No enum match for: ${JSON.stringify(unknownType.slice(0, 100))}`, property: 'app_type' });
  const clientIds = listParameter(query, 'client_ids');
  if (clientIds instanceof TenantError) return clientIds;
  const externalClientId = singleParameter(query, 'external_client_id');
  if (externalClientId instanceof TenantError) return externalClientId;
  return {
    ...(externalClientId === undefined ? {} : { externalClientId }),
    ...(isGlobal === undefined ? {} : { isGlobal }),
    ...(isFirstParty === undefined ? {} : { isFirstParty }),
    ...(appTypes === undefined ? {} : { appTypes: new Set(appTypes) }),
    ...(clientIds === undefined ? {} : { clientIds: new Set(clientIds) }),
  };
}

function passes(facts: FilterFacts, filter: ClientFilter): boolean {
  return (filter.isGlobal === undefined || facts.global === filter.isGlobal)
    && (filter.isFirstParty === undefined || facts.is_first_party === filter.isFirstParty)
    && (filter.appTypes === undefined || (facts.app_type !== undefined && filter.appTypes.has(facts.app_type)))
    && (filter.clientIds === undefined || filter.clientIds.has(facts.client_id))
    && (filter.externalClientId === undefined || facts.external_client_id === filter.externalClientId)
    && (filter.grantMatches === undefined || filter.grantMatches(facts.client_id));
}

/**
 * `q`, which Auth0 permits in two forms only (node-auth0 `ListClientsRequestParameters.q`):
 * `client_grant.organization_id:{id}` and `client_grant.allow_any_organization:true`, alone
 * (no other filter) and with checkpoint paging (`from`/`take`). The sandbox has no
 * organizations, so an organization id matches no grant. The wording of each refusal is the
 * sandbox's (assumption `client-list-q`).
 */
function parseQuery(query: URLSearchParams, records: TenantRecords, checkpoint: boolean): ((clientId: string) => boolean) | undefined | TenantError<'invalid_query'> {
  const q = singleParameter(query, 'q');
  if (q instanceof TenantError || q === undefined || q === '') return q === '' ? undefined : q;
  const refuse = (detail: string) => new TenantError('invalid_query', { detail, property: 'q' });
  const combined = FILTER_PARAMETERS.find((name) => query.has(name));
  if (combined !== undefined) return refuse(`q cannot be used in combination with other filters (${combined})`);
  if (!checkpoint) return refuse('q requires the from and take paging parameters (checkpoint pagination)');
  const match = /^client_grant\.(organization_id|allow_any_organization):(.+)$/.exec(q.trim());
  if (match === null || (match[1] === 'allow_any_organization' && match[2] !== 'true')) {
    return refuse(`Only client_grant.organization_id:{organization_id} and client_grant.allow_any_organization:true are permitted, not ${JSON.stringify(q.slice(0, 100))}`);
  }
  if (match[1] === 'organization_id') return () => false;
  return (clientId) => records.clientGrants.some((grant) => grant.client_id === clientId && grant.allow_any_organization === true);
}

/**
 * `GET /api/v2/clients`: the applications, then the Global Client ("All Applications",
 * `global: true`), each cut down to the fields the token's scopes allow, 50 per page by default;
 * with `include_totals=true`, `{start, limit, total, clients}` (the shape the official Node SDK
 * asks for). With `from`/`take`, checkpoint pages `{clients, next}` in client id order instead
 * (they win over `page`/`per_page`, which node-auth0 v7 always sends). Filters: `is_global`,
 * `is_first_party`, `app_type` and `client_ids` (both comma-separated), `external_client_id`, and
 * `q` (see {@link parseQuery}). Asking with `fields` for a field the scopes hide is a 403.
 */
export function listClients({ tenant, query, principal }: RouteContext): RouteOutcome {
  const paging = parsePaging(query);
  if (paging instanceof TenantError) return paging;
  const checkpoint = parseCheckpoint(query);
  if (checkpoint instanceof TenantError) return checkpoint;
  const selection = parseFieldSelection(query);
  if (selection instanceof TenantError) return selection;
  const plainFilter = parseFilter(query);
  if (plainFilter instanceof TenantError) return plainFilter;
  const grantMatches = parseQuery(query, tenant.records, checkpoint !== undefined);
  if (grantMatches instanceof TenantError) return grantMatches;
  const filter: ClientFilter = grantMatches === undefined ? plainFilter : { ...plainFilter, grantMatches };
  const allowed = visibleClientFields(principal.scopes);
  const refused = unreadableFields(selection, allowed);
  if (refused !== undefined) return refused;

  const context = presentationContext(tenant);
  const { globalClient, applications } = tenant.records;
  // Where Auth0 lists it is not documented; last keeps every application at its usual position.
  const global = passes({ client_id: globalClient.client_id, global: true, is_first_party: true }, filter)
    ? [{ id: globalClient.client_id, body: presentGlobalClient(globalClient, context, allowed, selection) }]
    : [];
  const apps = applications
    .filter((app) => passes({ ...app, global: false }, filter))
    .map((app) => ({ id: app.client_id, body: presentClient(app, context, allowed, selection) }));
  const listed = [...apps, ...global];
  if (checkpoint === undefined) return { status: 200, body: pageOf(listed.map((entry) => entry.body), paging, 'clients') };
  // Paged by client id, which `fields` may have left out of the bodies.
  const page = checkpointPageOf(listed, (entry) => entry.id, checkpoint, 'clients');
  return { status: 200, body: { ...page, clients: (page.clients as typeof listed).map((entry) => entry.body) } };
}
