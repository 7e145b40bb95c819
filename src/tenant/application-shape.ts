import { APP_TYPES, KNOWN_GRANT_TYPES, TOKEN_ENDPOINT_AUTH_METHODS } from './model.ts';
import type { Shape } from './payload-schema.ts';

const urls: Shape = { type: 'array', items: { type: 'string', maxLength: 2_000 }, maxItems: 100 };
const flag: Shape = { type: 'boolean' };

/**
 * The editable fields of an application and what each accepts. `POST /api/v2/clients` checks a
 * body against them, and a restored snapshot's applications must fit them too.
 */
export const APPLICATION_FIELD_SHAPES: Readonly<Record<string, Shape>> = {
  name: { type: 'string', minLength: 1, maxLength: 128 },
  description: { type: 'string', maxLength: 140 },
  app_type: { type: 'string', enum: APP_TYPES },
  grant_types: { type: 'array', items: { type: 'string', enum: KNOWN_GRANT_TYPES }, unique: true, maxItems: 20 },
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
  // Auth0: at most 10 keys, string values of at most 255 characters.
  client_metadata: { type: 'object', properties: {}, additional: { type: 'string', maxLength: 255 }, maxProperties: 10 },
};
