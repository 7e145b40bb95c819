import { findResourceServer, presentResourceServer, type ResourceServerBody } from './present-resource-server.ts';
import { checkShape, type Shape } from './payload-schema.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/** The longest access-token lifetime Auth0 lets an API have: 30 days. */
export const MAX_TOKEN_LIFETIME = 2_592_000;

const bool: Shape = { type: 'boolean' };
const any: Shape = { type: 'any' };
const lifetime: Shape = { type: 'integer', min: 1, max: MAX_TOKEN_LIFETIME };

/**
 * Every property Auth0 documents for `PATCH /api/v2/resource-servers/{id}` (node-auth0 v7
 * `UpdateResourceServerRequestContent`, plus `token_lifetime_for_web`). Their types are checked
 * so a typo is a 400 like on Auth0; only `token_lifetime` is then applied by the sandbox.
 */
const UPDATE_PROPERTIES: Readonly<Record<string, Shape>> = {
  name: { type: 'string', minLength: 1, maxLength: 200 },
  scopes: { type: 'array', maxItems: 1_000, items: { type: 'object', required: ['value'], properties: { value: { type: 'string', minLength: 1, maxLength: 280 }, description: { type: 'string', maxLength: 500 } } } },
  signing_alg: { type: 'string', enum: ['HS256', 'RS256', 'RS512', 'PS256'] },
  signing_secret: { type: 'string', minLength: 16, maxLength: 1_000 },
  skip_consent_for_verifiable_first_party_clients: bool,
  allow_offline_access: bool,
  allow_online_access: bool,
  allow_online_access_with_ephemeral_sessions: bool,
  token_lifetime: lifetime,
  token_lifetime_for_web: lifetime,
  token_lifetime_for_anonymous_access_tokens: any,
  token_dialect: { type: 'string', enum: ['access_token', 'access_token_authz', 'rfc9068_profile', 'rfc9068_profile_authz'] },
  enforce_policies: bool,
  token_encryption: any,
  consent_policy: any,
  authorization_details: any,
  proof_of_possession: any,
  subject_type_authorization: any,
  authorization_policy: any,
};

const UPDATE_SHAPE: Shape = { type: 'object', properties: UPDATE_PROPERTIES };

/** What Auth0 lets anyone change on a system API such as the Management API (terraform-provider-auth0 #374). */
const SYSTEM_API_PROPERTIES: ReadonlySet<string> = new Set(['token_lifetime', 'skip_consent_for_verifiable_first_party_clients']);

/** What the sandbox stores and applies; the other settings are shown with fixed values. */
const SANDBOX_PROPERTIES: ReadonlySet<string> = new Set(['token_lifetime']);

/** The error codes changing an API can end in. */
export type UpdateResourceServerError = 'invalid_body' | 'resource_server_not_found' | 'sandbox_read_only_setting';

/**
 * Changes an API's settings, like `PATCH /api/v2/resource-servers/{id}` (id or audience). On a
 * system API Auth0 refuses every property but `token_lifetime` and
 * `skip_consent_for_verifiable_first_party_clients` as "Additional properties not allowed"; of
 * those the sandbox applies `token_lifetime` only and refuses the other with a message saying so.
 * A refused change leaves the API as it was. The next token `/oauth/token` issues for it lives
 * `token_lifetime` seconds; tokens issued before keep their `exp`.
 */
export function updateResourceServer(records: TenantRecords, idOrIdentifier: string, changes: unknown): ResourceServerBody | TenantError<UpdateResourceServerError> {
  const unknown = additionalProperties(changes, (name) => Object.hasOwn(UPDATE_PROPERTIES, name));
  if (unknown !== undefined) return unknown;
  const problem = checkShape(changes, UPDATE_SHAPE);
  if (problem !== undefined) return new TenantError('invalid_body', problem);
  const server = findResourceServer(records, idOrIdentifier);
  if (server === undefined) return new TenantError('resource_server_not_found');
  if (server.is_system) {
    const notForSystem = additionalProperties(changes, (name) => SYSTEM_API_PROPERTIES.has(name));
    if (notForSystem !== undefined) return notForSystem;
  }
  const unsupported = Object.keys(changes as object).find((name) => !SANDBOX_PROPERTIES.has(name));
  if (unsupported !== undefined) return new TenantError('sandbox_read_only_setting', { property: unsupported, api: server.name.slice(0, 200) });
  const { token_lifetime: tokenLifetime } = changes as { token_lifetime?: number };
  if (tokenLifetime !== undefined) server.token_lifetime = tokenLifetime;
  return presentResourceServer(server);
}

/** Auth0 names every offending property at once, comma-separated, as its validator does. */
function additionalProperties(changes: unknown, allowed: (name: string) => boolean): TenantError<'invalid_body'> | undefined {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) return undefined;
  const names = Object.keys(changes).filter((name) => !allowed(name));
  if (names.length === 0) return undefined;
  const listed = names.slice(0, 20).map((name) => name.slice(0, 100)).join(',');
  return new TenantError('invalid_body', { detail: `Additional properties not allowed: ${listed}` });
}
