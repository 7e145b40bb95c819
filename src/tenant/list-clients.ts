import { parseFieldSelection, presentClient, presentGlobalClient, unreadableFields, visibleClientFields } from './client-fields.ts';
import { presentationContext, type RouteContext, type RouteOutcome } from './management-route.ts';
import { booleanParameter, listParameter, pageOf, parsePaging } from './query-parameters.ts';
import { TenantError } from './tenant-error.ts';

/*
 * Every application type Auth0 accepts in the `app_type` filter (node-auth0's `ClientAppTypeEnum`),
 * not only the four the sandbox creates: filtering on `sso_integration` is valid and finds nothing.
 */
const AUTH0_APP_TYPES: readonly string[] = [
  'native', 'spa', 'regular_web', 'non_interactive', 'resource_server', 'express_configuration', 'rms', 'box',
  'cloudbees', 'concur', 'dropbox', 'mscrm', 'echosign', 'egnyte', 'newrelic', 'office365', 'salesforce', 'sentry',
  'sharepoint', 'slack', 'springcm', 'zendesk', 'zoom', 'sso_integration', 'oag',
];

/** The list filters of `GET /api/v2/clients`; an absent one lets everything through. */
interface ClientFilter {
  readonly isGlobal?: boolean;
  readonly isFirstParty?: boolean;
  readonly appTypes?: ReadonlySet<string>;
  readonly clientIds?: ReadonlySet<string>;
}

/** What the filters look at, for an application and for the Global Client alike. */
interface FilterFacts {
  readonly client_id: string;
  readonly global: boolean;
  readonly is_first_party: boolean;
  readonly app_type?: string;
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
  return {
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
    && (filter.clientIds === undefined || filter.clientIds.has(facts.client_id));
}

/**
 * `GET /api/v2/clients`: the applications, then the Global Client ("All Applications",
 * `global: true`), each cut down to the fields the token's scopes allow, 50 per page by default;
 * with `include_totals=true`, `{start, limit, total, clients}` (the shape the official Node SDK
 * asks for). Filters: `is_global`, `is_first_party`, `app_type` and `client_ids` (both
 * comma-separated). Asking with `fields` for a field the scopes hide is a 403.
 */
export function listClients({ tenant, query, principal }: RouteContext): RouteOutcome {
  const paging = parsePaging(query);
  if (paging instanceof TenantError) return paging;
  const selection = parseFieldSelection(query);
  if (selection instanceof TenantError) return selection;
  const filter = parseFilter(query);
  if (filter instanceof TenantError) return filter;
  const allowed = visibleClientFields(principal.scopes);
  const refused = unreadableFields(selection, allowed);
  if (refused !== undefined) return refused;

  const context = presentationContext(tenant);
  const { globalClient, applications } = tenant.records;
  // Where Auth0 lists it is not documented; last keeps every application at its usual position.
  const global = passes({ client_id: globalClient.client_id, global: true, is_first_party: true }, filter)
    ? [presentGlobalClient(globalClient, context, allowed, selection)]
    : [];
  const apps = applications
    .filter((app) => passes({ ...app, global: false }, filter))
    .map((app) => presentClient(app, context, allowed, selection));
  return { status: 200, body: pageOf([...apps, ...global], paging, 'clients') };
}
