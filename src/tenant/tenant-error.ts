import { describeTenantError } from './error-responses.ts';

/**
 * Every failure the tenant can report, with the details its message needs.
 *
 * The code is the stable part: tests, lessons and the HTTP layer switch on it. The wording lives in
 * `error-responses.ts` only, so the Auth0 texts are kept in one place.
 */
export interface TenantErrorDetails {
  // Shared by the Authentication API and the Management API.
  rate_limited: Record<string, never>;
  body_too_large: { limit: number };
  unsupported_content_type: { contentType: string };
  malformed_json: Record<string, never>;
  body_not_object: { found: string };
  internal: Record<string, never>;
  route_not_found: Record<string, never>;
  // POST /oauth/token
  duplicate_parameter: { name: string };
  invalid_parameter: { name: string };
  missing_parameter: { name: string };
  unsupported_grant_type: { grantType: string };
  multiple_client_auth: Record<string, never>;
  malformed_basic_auth: Record<string, never>;
  client_id_mismatch: Record<string, never>;
  unsupported_client_assertion: Record<string, never>;
  unknown_client: { clientId: string };
  wrong_client_secret: Record<string, never>;
  grant_type_not_allowed: { grantType: string };
  grant_type_not_implemented: { grantType: string };
  missing_audience: Record<string, never>;
  unknown_audience: { audience: string };
  client_not_authorized: { clientId: string; audience: string };
  scope_not_granted: { scopes: readonly string[] };
  // Management API v2: authentication and authorization.
  missing_authentication: Record<string, never>;
  bad_auth_header: Record<string, never>;
  invalid_token: Record<string, never>;
  invalid_signature: Record<string, never>;
  token_expired: Record<string, never>;
  token_not_yet_valid: Record<string, never>;
  bad_audience: { audience: string };
  bad_issuer: { issuer: string };
  insufficient_scope: { expected: readonly string[] };
  // Management API v2: resources.
  invalid_body: { detail: string; property?: string };
  invalid_query: { detail: string; property?: string };
  inexistent_client: Record<string, never>;
  inexistent_client_grant: Record<string, never>;
  inexistent_resource_server: Record<string, never>;
  client_grant_conflict: Record<string, never>;
  // Management API v2: users.
  inexistent_user: Record<string, never>;
  invalid_user_id: { id: string };
  search_engine_not_allowed: { version: string };
  unsupported_user_query: Record<string, never>;
  user_property_not_supported: { property: string };
  // Management API v2: the /clients family.
  unreadable_fields: { fields: readonly string[] };
  invalid_grant_types: { grantTypes: readonly string[] };
  global_client_not_deletable: Record<string, never>;
  global_client_field: { property: string };
  global_client_secret: Record<string, never>;
  // Resource servers and the token denylist.
  resource_server_not_found: Record<string, never>;
  sandbox_read_only_setting: { property: string; api: string };
  denylist_full: { limit: number };
  token_revoked: Record<string, never>;
  // Developer-facing: thrown or returned to code that uses the tenant, never sent over HTTP.
  invalid_domain: { domain: string };
  invalid_snapshot: { problem: string };
  invalid_argument: { detail: string };
}

/** A stable identifier for one kind of tenant failure, e.g. `'token_expired'`. */
export type TenantErrorCode = keyof TenantErrorDetails;

type DetailsArgument<C extends TenantErrorCode> =
  TenantErrorDetails[C] extends Record<string, never> ? [] : [details: TenantErrorDetails[C]];

/**
 * A failure as a value. Like jose's `JOSEError`, it carries a stable {@link TenantError.code};
 * `message` is the human text (the same text Auth0 would send where there is one).
 *
 * @example
 * const result = tenant.authorize(clientId, audience, ['read:clients']);
 * if (!result.ok && result.error.code === 'inexistent_client') { … }
 */
export class TenantError<C extends TenantErrorCode = TenantErrorCode> extends Error {
  /** Stable code to switch on. */
  readonly code: C;
  /** The values the message was built from (audience, scopes, …). */
  readonly details: TenantErrorDetails[C];

  constructor(code: C, ...args: DetailsArgument<C>) {
    const details = (args[0] ?? {}) as TenantErrorDetails[C];
    super(describeTenantError(code, details));
    this.name = 'TenantError';
    this.code = code;
    this.details = details;
  }
}

/** True when `value` is a {@link TenantError} (optionally of one of the given codes). */
export function isTenantError<C extends TenantErrorCode>(
  value: unknown,
  ...codes: C[]
): value is TenantError<C> {
  return value instanceof TenantError && (codes.length === 0 || codes.includes(value.code as C));
}

/** What a tenant operation returns: the value, or the error as a value. Never thrown. */
export type Result<T, C extends TenantErrorCode = TenantErrorCode> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: TenantError<C> };

/** Wraps a success. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Wraps a failure. */
export function fail<C extends TenantErrorCode>(error: TenantError<C>): { readonly ok: false; readonly error: TenantError<C> } {
  return { ok: false, error };
}
