import { CLIENT_CHANGES_SHAPE, NEW_CLIENT_SHAPE } from './application-shape.ts';
import { NEW_CREDENTIAL_SHAPE } from './create-client-credential.ts';
import { NEW_RESOURCE_SERVER_SHAPE, RESOURCE_SERVER_CHANGES_SHAPE } from './resource-server-shape.ts';
import { CREATE_CLIENT_GRANT_BODY, UPDATE_CLIENT_GRANT_BODY, UPDATE_USER_BODY } from './sdk-request-shapes.ts';

/*
 * Which documented fields change what the sandbox does, and which it only stores and returns.
 * The tenant reference page renders this, so a reader knows that setting `refresh_token` here
 * proves only that Auth0 would take it, not that anything rotates. Each list is read from the
 * shape the route itself checks, so a field a route takes beyond the SDK's types (PATCH of a
 * resource server's token_lifetime_for_web) is listed too.
 */

/** One request body, its fields sorted by what the sandbox does with them. */
export interface FieldUse {
  /** The route, e.g. `POST /api/v2/clients`. */
  readonly route: string;
  /** Fields the sandbox acts on (see `what`). */
  readonly actedOn: readonly string[];
  /** What those fields do in the sandbox, in one sentence. */
  readonly what: string;
  /** Fields accepted, type-checked, stored and returned, with no other effect. */
  readonly storedOnly: readonly string[];
  /** Fields accepted as instructions for the change itself: neither stored nor returned. */
  readonly instructions: readonly string[];
}

interface Spec {
  readonly route: string;
  readonly documented: readonly string[];
  readonly actedOn: readonly string[];
  readonly what: string;
  readonly instructions?: readonly string[];
}

const CLIENT_ACTED_ON = ['app_type', 'grant_types', 'token_endpoint_auth_method', 'client_authentication_methods', 'jwt_configuration', 'allowed_origins', 'web_origins'];
const CLIENT_WHAT = 'app_type and token_endpoint_auth_method decide whether the app is public (no client_credentials, secret optional), grant_types what /oauth/token lets it do, client_authentication_methods.private_key_jwt (with jwt_configuration.alg RS256) switches it to Private Key JWT, allowed_origins and web_origins which browser origins may call the tenant; is_first_party, like app_type, is also a filter of GET /api/v2/clients; on PATCH, client_secret is the secret it proves itself with (after a 30-second switch).';
const CREDENTIAL_WHAT = 'pem and alg are the key and algorithm client assertions are verified with, kid what their header may name, expires_at when the credential stops working; only public_key credentials are taken, so subject_dn and parse_expiry_from_cert: true are refused.';
const GRANT_WHAT = 'client_id, audience and scope decide which tokens /oauth/token issues; allow_all_scopes gives every scope the API defines; allow_any_organization, subject_type and default_for also serve GET /api/v2/client-grants as filters.';
const SERVER_WHAT = 'identifier is the audience tokens are issued for, scopes what grants may allow, token_lifetime each new token\'s exp − iat. Tokens are RS256 whatever signing_alg says. On the Management API itself a PATCH may set only token_lifetime and skip_consent_for_verifiable_first_party_clients.';

const SPECS: readonly Spec[] = [
  { route: 'POST /api/v2/clients', documented: Object.keys(NEW_CLIENT_SHAPE.properties), actedOn: CLIENT_ACTED_ON, what: CLIENT_WHAT },
  { route: 'PATCH /api/v2/clients/{id}', documented: Object.keys(CLIENT_CHANGES_SHAPE.properties), actedOn: [...CLIENT_ACTED_ON, 'client_secret'], what: CLIENT_WHAT },
  { route: 'POST /api/v2/clients/{id}/credentials', documented: Object.keys(NEW_CREDENTIAL_SHAPE.properties), actedOn: ['credential_type', 'pem', 'alg', 'kid', 'expires_at', 'parse_expiry_from_cert', 'subject_dn'], what: CREDENTIAL_WHAT },
  { route: 'POST /api/v2/client-grants', documented: Object.keys(CREATE_CLIENT_GRANT_BODY.properties), actedOn: ['client_id', 'audience', 'scope', 'allow_all_scopes'], what: GRANT_WHAT },
  { route: 'PATCH /api/v2/client-grants/{id}', documented: Object.keys(UPDATE_CLIENT_GRANT_BODY.properties), actedOn: ['scope', 'allow_all_scopes'], what: GRANT_WHAT },
  { route: 'POST /api/v2/resource-servers', documented: Object.keys(NEW_RESOURCE_SERVER_SHAPE.properties), actedOn: ['identifier', 'scopes', 'token_lifetime'], what: SERVER_WHAT },
  { route: 'PATCH /api/v2/resource-servers/{id}', documented: Object.keys(RESOURCE_SERVER_CHANGES_SHAPE.properties), actedOn: ['scopes', 'token_lifetime'], what: SERVER_WHAT },
  {
    route: 'PATCH /api/v2/users/{id}',
    documented: Object.keys(UPDATE_USER_BODY.properties),
    actedOn: [],
    what: 'The sandbox has no logins, so no user field changes what it does; the metadata merges and obeys Auth0\'s name rules.',
    instructions: ['password', 'verify_email', 'verify_phone_number', 'connection', 'client_id'],
  },
];

/** Every documented body the tenant accepts, with its fields sorted by what the sandbox does with them. */
export const FIELD_USES: readonly FieldUse[] = SPECS.map((spec) => {
  const instructions = spec.instructions ?? [];
  return {
    route: spec.route,
    actedOn: spec.actedOn,
    what: spec.what,
    storedOnly: spec.documented.filter((field) => !spec.actedOn.includes(field) && !instructions.includes(field)).sort(),
    instructions,
  };
});

/** For the test: each spec's own lists, to check they name only documented fields. */
export const FIELD_USE_SPECS = SPECS;
