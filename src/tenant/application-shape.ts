import { KNOWN_GRANT_TYPES, type AppType } from './model.ts';
import type { Shape } from './payload-schema.ts';
import { CREATE_CLIENT_BODY, tightened, UPDATE_CLIENT_BODY } from './sdk-request-shapes.ts';
import { TenantError } from './tenant-error.ts';

const urls: Shape = { type: 'array', items: { type: 'string', maxLength: 2_000 }, maxItems: 100 };

/**
 * What a client_metadata key may look like (node-auth0's `ClientMetadata`, the same list as Auth0's
 * application settings docs): at most 255 characters, letters, digits, space, tab and
 * `:,-+=_*?"/\()<>@`. The backslash is in both lists, so it is taken: refusing a key Auth0 takes
 * would fail code that works there. No `.` or `$`, as for all Auth0 metadata.
 */
export const CLIENT_METADATA_KEY = /^[A-Za-z0-9:,\-+=_*?"/\\()<>@\t ]{1,255}$/;

/** `client_metadata` as stored: at most 10 keys, string values of at most 255 characters. */
export const CLIENT_METADATA_SHAPE: Shape = { type: 'object', properties: {}, additional: { type: 'string', maxLength: 255 }, maxProperties: 10, keyPattern: CLIENT_METADATA_KEY };

/** Every application type Auth0 knows (node-auth0's `ClientAppTypeEnum`), for the list filter too. */
export const AUTH0_APP_TYPES: readonly string[] = (CREATE_CLIENT_BODY.properties.app_type as { enum: readonly string[] }).enum;

const jwtConfiguration = CREATE_CLIENT_BODY.properties.jwt_configuration as Extract<Shape, { type: 'object' }>;

/**
 * Rules for documented fields that the SDK's types do not carry: Auth0's own (the `name`
 * characters, the 140-character description, both in the SDK's field descriptions) and the
 * sandbox's limits that keep a learner's saved tenant small (lengths, list sizes).
 */
const CLIENT_FIELD_RULES: Readonly<Record<string, Shape>> = {
  // "min length: 1 character, does not allow `<` or `>`" (node-auth0 CreateClientRequestContent.name).
  name: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[^<>]+$' },
  description: { type: 'string', maxLength: 140 },
  // Any string passes the shape; unknown grant types are refused by `grantTypesProblem` with Auth0's words.
  grant_types: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, unique: true, maxItems: 20 },
  callbacks: urls,
  allowed_origins: urls,
  web_origins: urls,
  allowed_logout_urls: urls,
  jwt_configuration: tightened(jwtConfiguration, { lifetime_in_seconds: { type: 'integer', min: 1, max: 2_592_000 } }),
  client_metadata: CLIENT_METADATA_SHAPE,
};

/** The body of `POST /api/v2/clients`: every field node-auth0 documents, `name` required. */
export const NEW_CLIENT_SHAPE = tightened(CREATE_CLIENT_BODY, CLIENT_FIELD_RULES, ['name']);

/**
 * The body of `PATCH /api/v2/clients/{id}`: every documented field, `client_secret` among them.
 * `client_metadata` values are checked one by one by the caller: `null` there deletes a key.
 */
export const CLIENT_CHANGES_SHAPE = tightened(UPDATE_CLIENT_BODY, {
  ...CLIENT_FIELD_RULES,
  client_metadata: { type: 'object', properties: {}, additional: { type: 'any' }, keyPattern: CLIENT_METADATA_KEY },
  client_secret: { type: 'string', minLength: 1, maxLength: 500 },
});

/** True for a type that cannot keep a secret, so gets no client_credentials. */
export function isPublicClient(appType: string, authMethod: string | null): boolean {
  return appType === 'spa' || appType === 'native' || authMethod === 'none';
}

/**
 * Auth0's cross-field rule on grant types (checked on create and on update, against the result):
 * every type must be one Auth0 knows, and a public client (SPA, native, or no client
 * authentication) cannot use `client_credentials`, since it has no secret to prove itself with.
 * Both answer 400 "Invalid grant types: …" naming the offenders.
 */
export function grantTypesProblem(grantTypes: readonly string[], appType: string, authMethod: string | null): TenantError<'invalid_grant_types'> | undefined {
  const isPublic = isPublicClient(appType, authMethod);
  const invalid = grantTypes.filter((type) => !KNOWN_GRANT_TYPES.includes(type) || (isPublic && type === 'client_credentials'));
  if (invalid.length === 0) return undefined;
  return new TenantError('invalid_grant_types', { grantTypes: invalid.slice(0, 20).map((type) => type.slice(0, 200)) });
}

/** The app types the sandbox gives defaults to; any other type gets the regular web defaults. */
export function sandboxAppType(appType: string): AppType {
  return appType === 'non_interactive' || appType === 'spa' || appType === 'native' ? appType : 'regular_web';
}
