/*
 * The stable error codes of the tenant and the details each one carries. Both `tenant-error.ts`
 * (the error class) and `error-responses.ts` (the Auth0 texts and shapes) build on this module,
 * so neither has to import the other to know what a code is.
 */

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
  unsupported_assertion_type: { assertionType: string };
  assertion_with_secret: Record<string, never>;
  invalid_client_assertion: { problem: AssertionProblem; detail?: string; expected?: string };
  secret_not_allowed: Record<string, never>;
  assertion_ids_full: { limit: number };
  unknown_client: { clientId: string };
  global_client_token: Record<string, never>;
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
  metadata_field_name: { character: '.' | '$' };
  forbidden_metadata_attribute: { name: string };
  // Management API v2: the /clients family.
  unreadable_fields: { fields: readonly string[] };
  invalid_grant_types: { grantTypes: readonly string[] };
  global_client_not_deletable: Record<string, never>;
  global_client_field: { property: string };
  global_client_secret: Record<string, never>;
  // Resource servers and the token denylist.
  resource_server_not_found: Record<string, never>;
  resource_server_conflict: Record<string, never>;
  system_resource_server: Record<string, never>;
  denylist_full: { limit: number };
  token_revoked: Record<string, never>;
  // Management API v2: secret rotation and Private Key JWT credentials.
  rotate_private_key_jwt_client: Record<string, never>;
  inexistent_credential: Record<string, never>;
  credential_limit: { limit: number };
  credential_in_use: Record<string, never>;
  private_key_pem: Record<string, never>;
  invalid_credential_key: { problem: 'format' | 'size'; bits?: number };
  credential_rule: { problem: CredentialRuleProblem };
  client_authentication: { problem: ClientAuthenticationProblem; credentialId?: string; limit?: number };
  // The sandbox's own routes.
  no_fleet: Record<string, never>;
  // Developer-facing: thrown or returned to code that uses the tenant, never sent over HTTP.
  invalid_domain: { domain: string };
  invalid_snapshot: { problem: string };
  invalid_argument: { detail: string };
}

/** Why a client assertion (Private Key JWT) was refused; the texts are in error-responses.ts. */
export type AssertionProblem =
  | 'too_long' | 'malformed' | 'alg_not_supported' | 'missing_claim' | 'claim_too_long' | 'iss_sub_mismatch'
  | 'client_id_mismatch' | 'not_private_key_jwt' | 'unknown_kid' | 'alg_mismatch' | 'credential_expired'
  | 'bad_signature' | 'wrong_audience' | 'expired' | 'issued_in_future' | 'not_yet_valid' | 'lifetime_too_long' | 'replayed';

/** Which rule of `POST /api/v2/clients/{id}/credentials` (or `PATCH …/{credential_id}`) a body broke. */
export type CredentialRuleProblem =
  | 'credential_type' | 'subject_dn' | 'expiry_exclusive' | 'expiry_needs_certificate'
  | 'expiry_from_certificate' | 'expires_at_format' | 'expires_at_past' | 'inline_credentials';

/** Which rule of `client_authentication_methods.private_key_jwt` an application would break. */
export type ClientAuthenticationProblem = 'no_credentials' | 'too_many' | 'duplicate' | 'not_own' | 'auth_method_set' | 'jwt_alg';

/** A stable identifier for one kind of tenant failure, e.g. `'token_expired'`. */
export type TenantErrorCode = keyof TenantErrorDetails;

/** Codes the Authentication API (`POST /oauth/token`) can answer with. */
export type AuthApiErrorCode =
  | 'rate_limited' | 'body_too_large' | 'unsupported_content_type' | 'malformed_json'
  | 'body_not_object' | 'internal' | 'duplicate_parameter' | 'invalid_parameter'
  | 'missing_parameter' | 'unsupported_grant_type' | 'multiple_client_auth'
  | 'malformed_basic_auth' | 'client_id_mismatch' | 'unsupported_assertion_type' | 'assertion_with_secret'
  | 'invalid_client_assertion' | 'secret_not_allowed' | 'assertion_ids_full'
  | 'unknown_client' | 'global_client_token' | 'wrong_client_secret' | 'grant_type_not_allowed' | 'grant_type_not_implemented' | 'missing_audience'
  | 'unknown_audience' | 'client_not_authorized' | 'scope_not_granted';

/** Codes the Management API v2 (and any unknown path) can answer with. */
export type ManagementErrorCode =
  | 'rate_limited' | 'body_too_large' | 'unsupported_content_type' | 'malformed_json'
  | 'body_not_object' | 'internal' | 'route_not_found' | 'missing_authentication'
  | 'bad_auth_header' | 'invalid_token' | 'invalid_signature' | 'token_expired'
  | 'token_not_yet_valid' | 'bad_audience' | 'bad_issuer' | 'insufficient_scope'
  | 'invalid_body' | 'invalid_query' | 'inexistent_client' | 'inexistent_client_grant'
  | 'inexistent_resource_server' | 'client_grant_conflict' | 'inexistent_user' | 'invalid_user_id'
  | 'search_engine_not_allowed' | 'unsupported_user_query' | 'user_property_not_supported'
  | 'metadata_field_name' | 'forbidden_metadata_attribute'
  | 'unreadable_fields' | 'invalid_grant_types' | 'global_client_not_deletable' | 'global_client_field'
  | 'global_client_secret'
  | 'resource_server_not_found' | 'resource_server_conflict' | 'system_resource_server' | 'denylist_full' | 'token_revoked'
  | 'rotate_private_key_jwt_client' | 'inexistent_credential' | 'credential_limit' | 'credential_in_use' | 'private_key_pem'
  | 'invalid_credential_key' | 'credential_rule' | 'client_authentication' | 'no_fleet';

/** Anything that carries a code and its details: a `TenantError`, or a code about to become one. */
export interface CodedFailure<C extends TenantErrorCode = TenantErrorCode> {
  readonly code: C;
  readonly details: TenantErrorDetails[C];
}
