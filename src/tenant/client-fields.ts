import { usesPrivateKeyJwt } from './client-authentication.ts';
import type { Application, GlobalClient } from './model.ts';
import { booleanParameter, singleParameter } from './query-parameters.ts';
import { CREATE_CLIENT_BODY, UPDATE_CLIENT_BODY } from './sdk-request-shapes.ts';
import { TenantError } from './tenant-error.ts';

/*
 * Which application fields a Management API caller may see, by the scopes of its token:
 * - everyone (any of the read scopes): the summary;
 * - `read:clients` or `read:client_keys`: the configuration too;
 * - `read:client_keys` or `read:client_credentials`: the secrets too.
 */

/** The scopes that let a caller read applications at all. */
export const READ_CLIENT_SCOPES: readonly string[] = ['read:clients', 'read:client_keys', 'read:client_credentials', 'read:client_summary'];

const SUMMARY_FIELDS: readonly string[] = ['client_id', 'app_type', 'name', 'description'];
const SECRET_FIELDS: readonly string[] = ['client_secret', 'signing_keys', 'client_authentication_methods', 'encryption_key'];
// The sandbox's own fields first, in the order it has always shown them, then every other
// documented field an application may have been given (stored as sent).
const SHOWN_FIRST = [
  'tenant', 'global', 'callbacks', 'allowed_origins', 'web_origins', 'allowed_logout_urls', 'jwt_configuration',
  'grant_types', 'token_endpoint_auth_method', 'is_first_party', 'oidc_conformant', 'sso_disabled',
  'cross_origin_authentication', 'cross_origin_auth', 'client_metadata',
];
const CONFIGURATION_FIELDS: readonly string[] = [...new Set([...SHOWN_FIRST, ...Object.keys(CREATE_CLIENT_BODY.properties), ...Object.keys(UPDATE_CLIENT_BODY.properties)])]
  .filter((field) => !SUMMARY_FIELDS.includes(field) && !SECRET_FIELDS.includes(field));

/** The fields a caller with `scopes` may read, in the order they appear in a response. */
export function visibleClientFields(scopes: ReadonlySet<string>): string[] {
  const fields: string[] = [...SUMMARY_FIELDS];
  if (scopes.has('read:clients') || scopes.has('read:client_keys')) fields.push(...CONFIGURATION_FIELDS);
  if (scopes.has('read:client_keys') || scopes.has('read:client_credentials')) fields.push(...SECRET_FIELDS);
  return fields;
}

/** Every field, as the creator of an application or a secret rotation sees it. */
export const ALL_CLIENT_FIELDS: readonly string[] = [...SUMMARY_FIELDS, ...CONFIGURATION_FIELDS, ...SECRET_FIELDS];

/** A `fields`/`include_fields` selection from the query string. */
export interface FieldSelection {
  readonly fields: ReadonlySet<string>;
  readonly include: boolean;
}

/** What presenting a client needs from the tenant: its short name (`acme`) and current key id. */
export interface PresentationContext {
  readonly tenantName: string;
  readonly signingKeyId: string;
}

/**
 * An application as the Management API returns it: the full record plus the derived fields,
 * cut down to `allowed` and then to the caller's own selection.
 */
export function presentClient(app: Application, context: PresentationContext, allowed: readonly string[], selection?: FieldSelection): Record<string, unknown> {
  const full: Record<string, unknown> = {
    ...structuredClone(app),
    tenant: context.tenantName,
    global: false,
    // Auth0 still returns the deprecated name beside today's (auth0-deploy-cli #1322, March 2026).
    cross_origin_auth: app.cross_origin_authentication,
    signing_keys: signingKeys(context),
  };
  // "The client_secret parameter will be hidden once the Private Key JWT configuration is
  // complete" (Auth0, "Configure Private Key JWT Authentication"); it comes back with a switch back.
  if (usesPrivateKeyJwt(app)) delete full.client_secret;
  return cut(full, allowed, selection);
}

/** The Global Client's name in every tenant's client list (auth0-cli filters it out by this name). */
export const GLOBAL_CLIENT_NAME = 'All Applications';

/**
 * The legacy Global Client as `GET /api/v2/clients` lists it: `global: true`, named "All
 * Applications", with the tenant's Global Client id and (to a secret-reading scope) secret. It is
 * not an application, so it has no type, grant types or description.
 */
export function presentGlobalClient(global: GlobalClient, context: PresentationContext, allowed: readonly string[], selection?: FieldSelection): Record<string, unknown> {
  const full: Record<string, unknown> = {
    client_id: global.client_id,
    name: GLOBAL_CLIENT_NAME,
    tenant: context.tenantName,
    global: true,
    callbacks: [],
    allowed_origins: [],
    web_origins: [],
    allowed_logout_urls: [],
    is_first_party: true,
    client_metadata: {},
    client_secret: global.client_secret,
    signing_keys: signingKeys(context),
  };
  return cut(full, allowed, selection);
}

/**
 * Asking by name for a field the token's scopes hide is refused (403, naming the fields), while
 * not asking just leaves it out: Auth0's "You cannot read the following fields: client_secret".
 */
export function unreadableFields(selection: FieldSelection | undefined, allowed: readonly string[]): TenantError<'unreadable_fields'> | undefined {
  if (selection === undefined || !selection.include) return undefined;
  const hidden = [...selection.fields].filter((field) => ALL_CLIENT_FIELDS.includes(field) && !allowed.includes(field));
  return hidden.length === 0 ? undefined : new TenantError('unreadable_fields', { fields: hidden });
}

function signingKeys(context: PresentationContext): Array<{ subject: string; key_id: string }> {
  return [{ subject: `/CN=${context.tenantName}`, key_id: context.signingKeyId }];
}

function cut(full: Record<string, unknown>, allowed: readonly string[], selection: FieldSelection | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of allowed) {
    if (!Object.hasOwn(full, field)) continue;
    if (selection !== undefined && selection.fields.has(field) !== selection.include) continue;
    out[field] = full[field];
  }
  return out;
}

/** Reads `fields` (comma-separated) and `include_fields` (default true) from a query string. */
export function parseFieldSelection(query: URLSearchParams): FieldSelection | undefined | TenantError<'invalid_query'> {
  const fields = singleParameter(query, 'fields');
  if (fields instanceof TenantError) return fields;
  const include = booleanParameter(query, 'include_fields');
  if (include instanceof TenantError) return include;
  if (fields === undefined || fields === '') return undefined;
  return { fields: new Set(fields.split(',').map((field) => field.trim())), include: include ?? true };
}
