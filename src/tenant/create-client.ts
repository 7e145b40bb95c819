import { grantTypesProblem, isPublicClient, NEW_CLIENT_SHAPE, sandboxAppType } from './application-shape.ts';
import { MAX_CREDENTIALS_PER_APPLICATION } from './client-authentication.ts';
import { addCredentials, type PreparedCredential } from './create-client-credential.ts';
import type { Application, AppType, JwtConfiguration, TokenEndpointAuthMethod } from './model.ts';
import { checkShape } from './payload-schema.ts';
import { newClientId, newClientSecret, uniqueId } from './random-values.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/** A new application: `name`, and any field Auth0 documents for `POST /api/v2/clients`. */
export interface NewApplication {
  name: string;
  app_type?: string;
  grant_types?: string[];
  token_endpoint_auth_method?: TokenEndpointAuthMethod;
  client_metadata?: Record<string, string>;
  [documented: string]: unknown;
}

// A public client (SPA, native) cannot keep a secret, so it gets no client_credentials by default.
const DEFAULT_GRANT_TYPES: Record<AppType, string[]> = {
  non_interactive: ['client_credentials'],
  regular_web: ['authorization_code', 'implicit', 'refresh_token', 'client_credentials'],
  spa: ['authorization_code', 'implicit', 'refresh_token'],
  native: ['authorization_code', 'implicit', 'refresh_token'],
};

/** The error codes creating an application can end in. */
export type CreateApplicationError = 'invalid_body' | 'invalid_grant_types' | 'credential_rule' | 'credential_limit' | 'client_authentication';

/**
 * The credentials a `POST /api/v2/clients` body defines inline for Private Key JWT
 * (`client_authentication_methods.private_key_jwt.credentials`, full public keys: Auth0's
 * "Configure a new application for private_key_jwt"), or `undefined` when it defines none.
 */
export function inlineCredentials(input: unknown): unknown[] | undefined {
  const methods = (input as { client_authentication_methods?: unknown } | null)?.client_authentication_methods;
  const method = typeof methods === 'object' && methods !== null ? (methods as { private_key_jwt?: unknown }).private_key_jwt : undefined;
  const credentials = typeof method === 'object' && method !== null ? (method as { credentials?: unknown }).credentials : undefined;
  return Array.isArray(credentials) ? credentials : undefined;
}

/**
 * Validates `input` like `POST /api/v2/clients` does and adds the application with a fresh
 * client id and secret. Every field node-auth0 documents is accepted; the ones the sandbox does
 * not act on are stored as sent and returned. Errors: `invalid_body` (Auth0's "Payload validation
 * error" texts) and `invalid_grant_types` (an unknown grant type, or `client_credentials` on a
 * public client).
 *
 * Inline Private Key JWT credentials need `keys`, read beforehand from the body's PEMs (the route
 * does it; prepareCredential is asynchronous): they are stored as the application's credentials
 * and its `client_authentication_methods` lists their ids, with `token_endpoint_auth_method` null.
 */
export function createApplication(records: TenantRecords, input: unknown, keys?: readonly PreparedCredential[]): Application | TenantError<CreateApplicationError> {
  const problem = checkShape(input, NEW_CLIENT_SHAPE);
  if (problem !== undefined) return new TenantError('invalid_body', problem);
  const fields = structuredClone(input) as Record<string, unknown>;
  const inline = inlineCredentials(fields);
  if (inline !== undefined && (keys === undefined || keys.length !== inline.length)) return new TenantError('credential_rule', { problem: 'inline_credentials' });
  if (inline !== undefined) {
    if (inline.length === 0) return new TenantError('client_authentication', { problem: 'no_credentials' });
    if (inline.length > MAX_CREDENTIALS_PER_APPLICATION) return new TenantError('credential_limit', { limit: MAX_CREDENTIALS_PER_APPLICATION });
    if (fields.token_endpoint_auth_method !== undefined) return new TenantError('client_authentication', { problem: 'auth_method_set' });
    const alg = (fields.jwt_configuration as { alg?: string } | undefined)?.alg;
    if (alg !== undefined && alg !== 'RS256') return new TenantError('client_authentication', { problem: 'jwt_alg' });
  }
  const appType = (fields.app_type as string | undefined) ?? 'regular_web';
  const defaultMethod = inline !== undefined ? null : isPublicClient(appType, null) ? 'none' : 'client_secret_post';
  const authMethod = (fields.token_endpoint_auth_method as TokenEndpointAuthMethod | undefined) ?? defaultMethod;
  const grantTypes = fields.grant_types as string[] | undefined;
  // Defaults are chosen per type, so only grant types the caller sent can break the rule.
  const grantProblem = grantTypes === undefined ? undefined : grantTypesProblem(grantTypes, appType, authMethod);
  if (grantProblem !== undefined) return grantProblem;
  const app: Application = {
    ...fields,
    client_id: uniqueId(newClientId, (id) => records.applications.some((existing) => existing.client_id === id)),
    name: fields.name as string,
    description: (fields.description as string | undefined) ?? '',
    app_type: appType,
    client_secret: newClientSecret(),
    grant_types: grantTypes ?? [...DEFAULT_GRANT_TYPES[sandboxAppType(appType)]],
    token_endpoint_auth_method: authMethod,
    callbacks: (fields.callbacks as string[] | undefined) ?? [],
    allowed_origins: (fields.allowed_origins as string[] | undefined) ?? [],
    web_origins: (fields.web_origins as string[] | undefined) ?? [],
    allowed_logout_urls: (fields.allowed_logout_urls as string[] | undefined) ?? [],
    jwt_configuration: { alg: 'RS256', lifetime_in_seconds: 36_000, secret_encoded: false, ...(fields.jwt_configuration as Partial<JwtConfiguration> | undefined) },
    is_first_party: (fields.is_first_party as boolean | undefined) ?? true,
    oidc_conformant: (fields.oidc_conformant as boolean | undefined) ?? true,
    sso_disabled: (fields.sso_disabled as boolean | undefined) ?? false,
    cross_origin_authentication: (fields.cross_origin_authentication as boolean | undefined) ?? false,
    client_metadata: { ...(fields.client_metadata as Record<string, string> | undefined) },
  };
  records.applications.push(app);
  if (inline !== undefined && keys !== undefined) {
    const added = addCredentials(records, app.client_id, keys);
    if (added instanceof TenantError) throw new Error(`[tenant] credentials checked a moment ago were refused: ${added.message}`);
    app.client_authentication_methods = { ...(fields.client_authentication_methods as object), private_key_jwt: { credentials: added.map((credential) => ({ id: credential.id })) } };
  }
  return structuredClone(app);
}
