import { checkpointPageOf, parseCheckpoint } from './checkpoint-paging.ts';
import type { RouteContext, RouteOutcome } from './management-route.ts';
import type { ClientGrant } from './model.ts';
import { presentGrant } from './present-client-grant.ts';
import { booleanParameter, pageOf, parsePaging, singleParameter } from './query-parameters.ts';
import { TenantError } from './tenant-error.ts';

/** The `subject_type` values Auth0 documents for the list filter. */
const SUBJECT_TYPES = ['client', 'user', 'anonymous_user'] as const;

/** The one `default_for` group Auth0 documents. */
const DEFAULT_FOR_GROUPS = ['third_party_clients'] as const;

/**
 * `GET /api/v2/client-grants` (scope `read:client_grants`): the grants, optionally filtered by
 * `audience`, `client_id`, `allow_any_organization`, `subject_type` and `default_for`.
 *
 * Two ways to page. With `take` or `from`, checkpoint paging: `{client_grants, next}`, ordered by
 * id; `page`, `per_page` and `include_totals` are then still validated but ignored (the official
 * v7 SDK sends `include_totals=true` next to `take` and reads `next`). Without them, page paging
 * as on the clients list: a plain array, or `{start, limit, total, client_grants}`.
 */
export function listClientGrants({ tenant, query }: RouteContext): RouteOutcome {
  const paging = parsePaging(query);
  if (paging instanceof TenantError) return paging;
  const checkpoint = parseCheckpoint(query);
  if (checkpoint instanceof TenantError) return checkpoint;
  const matches = parseFilters(query);
  if (matches instanceof TenantError) return matches;
  const grants = tenant.records.clientGrants.filter(matches).map(presentGrant);
  if (checkpoint !== undefined) return { status: 200, body: checkpointPageOf(grants, (grant) => grant.id, checkpoint, 'client_grants') };
  return { status: 200, body: pageOf(grants, paging, 'client_grants') };
}

function parseFilters(query: URLSearchParams): ((grant: ClientGrant) => boolean) | TenantError<'invalid_query'> {
  const audience = singleParameter(query, 'audience');
  if (audience instanceof TenantError) return audience;
  const clientId = singleParameter(query, 'client_id');
  if (clientId instanceof TenantError) return clientId;
  const anyOrganization = booleanParameter(query, 'allow_any_organization');
  if (anyOrganization instanceof TenantError) return anyOrganization;
  const subjectType = enumParameter(query, 'subject_type', SUBJECT_TYPES);
  if (subjectType instanceof TenantError) return subjectType;
  const defaultFor = enumParameter(query, 'default_for', DEFAULT_FOR_GROUPS);
  if (defaultFor instanceof TenantError) return defaultFor;
  return (grant) =>
    // The sandbox has no third-party applications, so no grant is a default for them.
    defaultFor === undefined &&
    (audience === undefined || grant.audience === audience) &&
    (clientId === undefined || grant.client_id === clientId) &&
    (anyOrganization === undefined || (grant.allow_any_organization ?? false) === anyOrganization) &&
    // A grant made without subject_type is an application's own grant: a client grant.
    (subjectType === undefined || (grant.subject_type ?? 'client') === subjectType);
}

function enumParameter<T extends string>(query: URLSearchParams, name: string, values: readonly T[]): T | undefined | TenantError<'invalid_query'> {
  const raw = singleParameter(query, name);
  if (raw === undefined || raw instanceof TenantError) return raw;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  return new TenantError('invalid_query', { detail: `No enum match for: ${JSON.stringify(raw).slice(0, 200)}`, property: name });
}
