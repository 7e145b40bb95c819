import { APP_TYPES, KNOWN_GRANT_TYPES, TOKEN_ENDPOINT_AUTH_METHODS, type AppType, type TokenEndpointAuthMethod } from './model.ts';
import type { Shape } from './payload-schema.ts';
import { TenantError } from './tenant-error.ts';

const urls: Shape = { type: 'array', items: { type: 'string', maxLength: 2_000 }, maxItems: 100 };
const flag: Shape = { type: 'boolean' };

/**
 * What a client_metadata key may look like (node-auth0's `ClientMetadata`): at most 255 characters,
 * letters, digits, space, tab and `:,-+=_*?"/()<>@`. So no `.` or `$`, as for all Auth0 metadata.
 */
export const CLIENT_METADATA_KEY = /^[A-Za-z0-9:,\-+=_*?"/()<>@\t ]{1,255}$/;

/** `client_metadata` as stored: at most 10 keys, string values of at most 255 characters. */
export const CLIENT_METADATA_SHAPE: Shape = { type: 'object', properties: {}, additional: { type: 'string', maxLength: 255 }, maxProperties: 10, keyPattern: CLIENT_METADATA_KEY };

/**
 * The editable fields of an application and what each accepts. `POST /api/v2/clients` checks a
 * body against them, and a restored snapshot's applications must fit them too.
 */
export const APPLICATION_FIELD_SHAPES: Readonly<Record<string, Shape>> = {
  name: { type: 'string', minLength: 1, maxLength: 128 },
  description: { type: 'string', maxLength: 140 },
  app_type: { type: 'string', enum: APP_TYPES },
  // Any string passes the shape; unknown grant types are refused by `grantTypesProblem` with Auth0's words.
  grant_types: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, unique: true, maxItems: 20 },
  token_endpoint_auth_method: { type: 'string', enum: TOKEN_ENDPOINT_AUTH_METHODS },
  callbacks: urls,
  allowed_origins: urls,
  web_origins: urls,
  allowed_logout_urls: urls,
  jwt_configuration: {
    type: 'object',
    properties: {
      alg: { type: 'string', enum: ['RS256', 'HS256'] },
      lifetime_in_seconds: { type: 'integer', min: 1, max: 2_592_000 },
      secret_encoded: flag,
    },
  },
  is_first_party: flag,
  oidc_conformant: flag,
  sso_disabled: flag,
  cross_origin_auth: flag,
  client_metadata: CLIENT_METADATA_SHAPE,
};

/**
 * Auth0's cross-field rule on grant types (checked on create and on update, against the result):
 * every type must be one Auth0 knows, and a public client (SPA, native, or no client
 * authentication) cannot use `client_credentials`, since it has no secret to prove itself with.
 * Both answer 400 "Invalid grant types: …" naming the offenders.
 */
export function grantTypesProblem(grantTypes: readonly string[], appType: AppType, authMethod: TokenEndpointAuthMethod): TenantError<'invalid_grant_types'> | undefined {
  const isPublic = appType === 'spa' || appType === 'native' || authMethod === 'none';
  const invalid = grantTypes.filter((type) => !KNOWN_GRANT_TYPES.includes(type) || (isPublic && type === 'client_credentials'));
  if (invalid.length === 0) return undefined;
  return new TenantError('invalid_grant_types', { grantTypes: invalid.slice(0, 20).map((type) => type.slice(0, 200)) });
}
