import { APPLICATION_FIELD_SHAPES, grantTypesProblem } from './application-shape.ts';
import { type Application, type AppType, type JwtConfiguration, type TokenEndpointAuthMethod } from './model.ts';
import { checkShape, type Shape } from './payload-schema.ts';
import { newClientId, newClientSecret, uniqueId } from './random-values.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/** The fields a new application may be created with; only `name` is required. */
export interface NewApplication {
  name: string;
  description?: string;
  app_type?: AppType;
  grant_types?: string[];
  token_endpoint_auth_method?: TokenEndpointAuthMethod;
  callbacks?: string[];
  allowed_origins?: string[];
  web_origins?: string[];
  allowed_logout_urls?: string[];
  jwt_configuration?: Partial<JwtConfiguration>;
  is_first_party?: boolean;
  oidc_conformant?: boolean;
  sso_disabled?: boolean;
  cross_origin_auth?: boolean;
  client_metadata?: Record<string, string>;
}

const NEW_APPLICATION_SHAPE: Shape = { type: 'object', required: ['name'], properties: APPLICATION_FIELD_SHAPES };

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
 * client id and secret. Errors: `invalid_body` (Auth0's "Payload validation error" texts) and
 * `invalid_grant_types` (an unknown grant type, or `client_credentials` on a public client).
 */
export function createApplication(records: TenantRecords, input: unknown): Application | TenantError<CreateApplicationError> {
  const problem = checkShape(input, NEW_APPLICATION_SHAPE);
  if (problem !== undefined) return new TenantError('invalid_body', problem);
  const fields = input as NewApplication;
  const appType = fields.app_type ?? 'regular_web';
  const isPublic = appType === 'spa' || appType === 'native';
  const authMethod = fields.token_endpoint_auth_method ?? (isPublic ? 'none' : 'client_secret_post');
  // Defaults are chosen per type, so only grant types the caller sent can break the rule.
  const grantProblem = fields.grant_types === undefined ? undefined : grantTypesProblem(fields.grant_types, appType, authMethod);
  if (grantProblem !== undefined) return grantProblem;
  const app: Application = {
    client_id: uniqueId(newClientId, (id) => records.applications.some((app) => app.client_id === id)),
    name: fields.name,
    description: fields.description ?? '',
    app_type: appType,
    client_secret: newClientSecret(),
    grant_types: [...(fields.grant_types ?? DEFAULT_GRANT_TYPES[appType])],
    token_endpoint_auth_method: authMethod,
    callbacks: [...(fields.callbacks ?? [])],
    allowed_origins: [...(fields.allowed_origins ?? [])],
    web_origins: [...(fields.web_origins ?? [])],
    allowed_logout_urls: [...(fields.allowed_logout_urls ?? [])],
    jwt_configuration: { alg: 'RS256', lifetime_in_seconds: 36_000, secret_encoded: false, ...fields.jwt_configuration },
    is_first_party: fields.is_first_party ?? true,
    oidc_conformant: fields.oidc_conformant ?? true,
    sso_disabled: fields.sso_disabled ?? false,
    cross_origin_auth: fields.cross_origin_auth ?? false,
    client_metadata: { ...fields.client_metadata },
  };
  records.applications.push(app);
  return structuredClone(app);
}
