import { grantTypesProblem, isPublicClient, NEW_CLIENT_SHAPE, sandboxAppType } from './application-shape.ts';
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
export type CreateApplicationError = 'invalid_body' | 'invalid_grant_types';

/**
 * Validates `input` like `POST /api/v2/clients` does and adds the application with a fresh
 * client id and secret. Every field node-auth0 documents is accepted; the ones the sandbox does
 * not act on are stored as sent and returned. Errors: `invalid_body` (Auth0's "Payload validation
 * error" texts) and `invalid_grant_types` (an unknown grant type, or `client_credentials` on a
 * public client).
 */
export function createApplication(records: TenantRecords, input: unknown): Application | TenantError<CreateApplicationError> {
  const problem = checkShape(input, NEW_CLIENT_SHAPE);
  if (problem !== undefined) return new TenantError('invalid_body', problem);
  const fields = structuredClone(input) as Record<string, unknown>;
  const appType = (fields.app_type as string | undefined) ?? 'regular_web';
  const authMethod = (fields.token_endpoint_auth_method as TokenEndpointAuthMethod | undefined) ?? (isPublicClient(appType, null) ? 'none' : 'client_secret_post');
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
  return structuredClone(app);
}
