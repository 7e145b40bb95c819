import type {
  AssertionProblem, AuthApiErrorCode, ClientAuthenticationProblem, CodedFailure, CredentialRuleProblem, ManagementErrorCode, TenantErrorCode, TenantErrorDetails,
} from './error-codes.ts';

/*
 * The one place where error codes become Auth0's words, statuses and JSON shapes.
 * Texts marked in `assumptions.ts` are our best guess where the reference has none.
 */

type DeveloperErrorCode = Exclude<TenantErrorCode, AuthApiErrorCode | ManagementErrorCode>;

interface AuthApiSpec { status: number; error: string; description: string; uri?: string }
interface ManagementSpec { status: number; message: string; errorCode?: string }

type Table<Codes extends TenantErrorCode, Spec> = { [C in Codes]: (details: TenantErrorDetails[C]) => Spec };

const GRANT_TYPES_DOC = 'https://auth0.com/docs/clients/client-grant-types';

const AUTH_API: Table<AuthApiErrorCode, AuthApiSpec> = {
  rate_limited: () => ({ status: 429, error: 'too_many_requests', description: 'Too many requests. Check the X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset headers.' }),
  body_too_large: ({ limit }) => ({ status: 413, error: 'invalid_request', description: `Request body is larger than ${limit} bytes.` }),
  unsupported_content_type: () => ({ status: 400, error: 'invalid_request', description: 'Content-Type must be application/json or application/x-www-form-urlencoded.' }),
  malformed_json: () => ({ status: 400, error: 'invalid_request', description: 'Request body is not valid JSON.' }),
  body_not_object: () => ({ status: 400, error: 'invalid_request', description: 'Request body must be a JSON object.' }),
  internal: () => ({ status: 500, error: 'server_error', description: 'Internal error.' }),
  duplicate_parameter: ({ name }) => ({ status: 400, error: 'invalid_request', description: `Parameter '${name}' was sent more than once.` }),
  invalid_parameter: ({ name }) => ({ status: 400, error: 'invalid_request', description: `Parameter '${name}' must be a string.` }),
  missing_parameter: ({ name }) => ({ status: 400, error: 'invalid_request', description: `Missing required parameter: ${name}` }),
  unsupported_grant_type: ({ grantType }) => ({ status: 400, error: 'unsupported_grant_type', description: `Unsupported grant type: ${grantType}` }),
  multiple_client_auth: () => ({ status: 400, error: 'invalid_request', description: 'Send the client secret either with HTTP Basic or in the body, not both.' }),
  malformed_basic_auth: () => ({ status: 400, error: 'invalid_request', description: 'Malformed HTTP Basic Authorization header.' }),
  client_id_mismatch: () => ({ status: 400, error: 'invalid_request', description: 'client_id in the body does not match the HTTP Basic credentials.' }),
  unsupported_assertion_type: ({ assertionType }) => ({ status: 400, error: 'invalid_request', description: `client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer, not ${assertionType}` }),
  assertion_with_secret: () => ({ status: 400, error: 'invalid_request', description: 'Send either a client_assertion or a client secret, not both.' }),
  invalid_client_assertion: (details) => ({ status: 401, error: 'invalid_client', description: assertionProblemText(details) }),
  secret_not_allowed: () => ({ status: 401, error: 'invalid_client', description: 'This application authenticates with Private Key JWT: send a client_assertion, not a client secret.' }),
  assertion_ids_full: ({ limit }) => ({ status: 400, error: 'invalid_request', description: `This sandbox tenant keeps at most ${limit} unexpired client assertion ids; wait for some to expire (a Token Lab sandbox rule).` }),
  unknown_client: ({ clientId }) => ({ status: 401, error: 'invalid_client', description: `Unknown client: ${clientId}` }),
  global_client_token: () => ({ status: 403, error: 'unauthorized_client', description: 'This is the tenant\'s Global Client (All Applications), which gets no tokens from /oauth/token in this sandbox. Use a machine-to-machine application with a client grant. (A Token Lab sandbox rule: Auth0 treats global clients specially for this grant but does not document its answer.)' }),
  wrong_client_secret: () => ({ status: 401, error: 'access_denied', description: 'Unauthorized' }),
  grant_type_not_allowed: ({ grantType }) => ({ status: 403, error: 'unauthorized_client', description: `Grant type '${grantType}' not allowed for the client.`, uri: GRANT_TYPES_DOC }),
  grant_type_not_implemented: ({ grantType }) => ({ status: 400, error: 'unsupported_grant_type', description: `Grant type '${grantType}' is allowed for the client, but this sandbox does not issue tokens for it (a Token Lab sandbox rule: only client_credentials is implemented).` }),
  missing_audience: () => ({ status: 403, error: 'access_denied', description: 'No audience parameter was provided, and no default audience has been configured' }),
  unknown_audience: ({ audience }) => ({ status: 403, error: 'access_denied', description: `Service not enabled within domain: ${audience}` }),
  client_not_authorized: ({ clientId, audience }) => ({ status: 403, error: 'access_denied', description: `Client "${clientId}" is not authorized to access resource server "${audience}".` }),
  scope_not_granted: ({ scopes }) => ({ status: 403, error: 'access_denied', description: `Client has not been granted scopes: ${scopes.join(', ')}` }),
};

const MANAGEMENT: Table<ManagementErrorCode, ManagementSpec> = {
  rate_limited: () => ({ status: 429, message: 'Global limit has been reached', errorCode: 'too_many_requests' }),
  body_too_large: ({ limit }) => ({ status: 413, message: `Payload content length greater than maximum allowed: ${limit}` }),
  unsupported_content_type: () => ({ status: 415, message: 'Unsupported Media Type' }),
  malformed_json: () => ({ status: 400, message: 'Invalid request payload JSON format' }),
  body_not_object: ({ found }) => ({ status: 400, message: `Payload validation error: 'Expected type object but found type ${found}'.`, errorCode: 'invalid_body' }),
  internal: () => ({ status: 500, message: 'An internal server error occurred' }),
  route_not_found: () => ({ status: 404, message: 'Not Found' }),
  missing_authentication: () => ({ status: 401, message: 'Missing authentication' }),
  bad_auth_header: () => ({ status: 401, message: 'Bad HTTP authentication header format' }),
  invalid_token: () => ({ status: 401, message: 'Invalid token' }),
  invalid_signature: () => ({ status: 401, message: 'Invalid signature received for JSON Web Token validation' }),
  token_expired: () => ({ status: 401, message: 'Expired token received for JSON Web Token validation' }),
  token_not_yet_valid: () => ({ status: 401, message: 'Not yet valid token received for JSON Web Token validation' }),
  bad_audience: ({ audience }) => ({ status: 401, message: `Bad audience: ${audience}` }),
  bad_issuer: ({ issuer }) => ({ status: 401, message: `Bad issuer: ${issuer}` }),
  insufficient_scope: ({ expected }) => ({ status: 403, message: `Insufficient scope, expected any of: ${expected.join(', ')}`, errorCode: 'insufficient_scope' }),
  invalid_body: ({ detail, property }) => ({ status: 400, message: `Payload validation error: '${detail}'${onProperty(property)}.`, errorCode: 'invalid_body' }),
  invalid_query: ({ detail, property }) => ({ status: 400, message: `Query validation error: '${detail}'${onProperty(property)}${queryDescription(property)}.`, errorCode: 'invalid_query_string' }),
  inexistent_client: () => ({ status: 404, message: 'The client does not exist', errorCode: 'inexistent_client' }),
  inexistent_client_grant: () => ({ status: 404, message: 'The client grant does not exist', errorCode: 'inexistent_client_grant' }),
  inexistent_resource_server: () => ({ status: 404, message: 'No resource server found by specified identifier', errorCode: 'inexistent_resource_server' }),
  client_grant_conflict: () => ({ status: 409, message: 'A client grant for this client and audience already exists', errorCode: 'client_grant_conflict' }),
  inexistent_user: () => ({ status: 404, message: 'The user does not exist.', errorCode: 'inexistent_user' }),
  invalid_user_id: ({ id }) => ({ status: 400, message: `Object didn't pass validation for format user-id: ${id}`, errorCode: 'invalid_uri' }),
  search_engine_not_allowed: ({ version }) => ({ status: 400, message: `You are not allowed to use search_engine=${version}.`, errorCode: 'operation_not_supported' }),
  unsupported_user_query: () => ({ status: 400, message: 'Query validation error: \'The sandbox understands only q=email:"<address>" and q=user_id:"<id>" (a Token Lab sandbox rule; Auth0 accepts the full Lucene query syntax)\' on property q.', errorCode: 'invalid_query_string' }),
  user_property_not_supported: ({ property }) => ({ status: 400, message: `Payload validation error: 'The sandbox keeps every user's ${property}: null is not supported (a Token Lab sandbox rule; Auth0's answer is not documented)' on property ${property}.`, errorCode: 'invalid_body' }),
  // Auth0's support article quotes the text for a dot; for "$" it publishes the rule, not a message.
  metadata_field_name: ({ character }) => ({
    status: 400,
    message: character === '.' ? 'Fields with "." are not allowed, please remove all dotted fields.' : 'Fields with "$" are not allowed (a Token Lab sandbox wording: Auth0 documents the rule, not its message).',
    errorCode: 'invalid_body',
  }),
  forbidden_metadata_attribute: ({ name }) => ({ status: 400, message: `Forbidden attribute in app_metadata: ${name}`, errorCode: 'invalid_body' }),
  unreadable_fields: ({ fields }) => ({ status: 403, message: `You cannot read the following fields: ${fields.join(', ')}`, errorCode: 'insufficient_scope' }),
  invalid_grant_types: ({ grantTypes }) => ({ status: 400, message: `Invalid grant types: ${grantTypes.join(', ')}`, errorCode: 'invalid_body' }),
  global_client_not_deletable: () => ({ status: 403, message: 'This sandbox does not delete the Global Client (All Applications): it is the tenant\'s legacy client, not an application. A sandbox rule; Auth0 does not document this case.', errorCode: 'operation_not_supported' }),
  global_client_field: ({ property }) => ({ status: 400, message: `This sandbox lets PATCH change only the client_secret of the Global Client (All Applications), not ${property.slice(0, 100)}. A sandbox rule; Auth0 does not document this case.`, errorCode: 'invalid_body' }),
  global_client_secret: () => ({ status: 400, message: 'This sandbox needs the Global Client secret in base64, at least 16 bytes once decoded (24 to 500 characters): the old explorer tokens are signed with those bytes. A sandbox rule.', errorCode: 'invalid_body' }),
  resource_server_not_found: () => ({ status: 404, message: 'The resource server does not exist', errorCode: 'inexistent_resource_server' }),
  // Neither answer below is shown in a public source: the wording is the sandbox's (assumptions resource-server-create, resource-server-delete).
  resource_server_conflict: () => ({ status: 409, message: 'A resource server with the same identifier already exists (a Token Lab sandbox wording).', errorCode: 'conflict' }),
  system_resource_server: () => ({ status: 400, message: 'A system API such as the Auth0 Management API cannot be deleted (a Token Lab sandbox wording).', errorCode: 'invalid_body' }),
  denylist_full: ({ limit }) => ({ status: 400, message: `This sandbox tenant keeps at most ${limit} denylist entries; the entry was not added.`, errorCode: 'invalid_body' }),
  token_revoked: () => ({ status: 401, message: 'The token has been revoked.' }),
  // The rule is Auth0's (the endpoint's own description); the status is the sandbox's choice.
  rotate_private_key_jwt_client: () => ({ status: 400, message: 'This endpoint cannot be used with clients configured with Private Key JWT authentication method (client_authentication_methods configured with private_key_jwt).', errorCode: 'operation_not_supported' }),
  // The rest of this group: rules Auth0 documents (or the sandbox adds, and says so) in the sandbox's words.
  inexistent_credential: () => ({ status: 404, message: 'The credential does not exist', errorCode: 'inexistent_credential' }),
  credential_limit: ({ limit }) => ({ status: 400, message: `An application can have at most ${limit} credentials: delete one it no longer uses before adding another (a Token Lab sandbox wording of Auth0's documented limit).`, errorCode: 'operation_not_supported' }),
  credential_in_use: () => ({ status: 400, message: 'The credential is enabled for Private Key JWT on its application: remove it from client_authentication_methods.private_key_jwt.credentials first (a Token Lab sandbox wording of Auth0\'s documented rule).', errorCode: 'operation_not_supported' }),
  private_key_pem: () => ({ status: 400, message: 'The pem holds a PRIVATE key, and nothing was stored. Send only the public key (-----BEGIN PUBLIC KEY-----); the private key stays with the service that signs assertions. It has now left that place, so treat it as exposed: generate a new key pair.', errorCode: 'invalid_body' }),
  invalid_credential_key: ({ problem, bits }) => ({
    status: 400,
    message: problem === 'size'
      ? `The RSA key has ${bits ?? 0} bits; credentials take RSA keys of 2048 to 4096 bits.`
      : 'The pem must be an RSA public key in PEM format that fits the credential\'s alg: -----BEGIN PUBLIC KEY----- (SPKI), -----BEGIN RSA PUBLIC KEY----- (PKCS#1) or an X.509 certificate.',
    errorCode: 'invalid_body',
  }),
  credential_rule: ({ problem }) => ({ status: 400, message: CREDENTIAL_RULES[problem], errorCode: 'invalid_body' }),
  client_authentication: ({ problem, credentialId, limit }) => ({ status: 400, message: clientAuthenticationText(problem, credentialId, limit), errorCode: 'invalid_body' }),
  no_fleet: () => ({ status: 404, message: 'No fleet is running: PUT /__sandbox/fleet with {"client_id", "client_secrets"} starts one (a Token Lab sandbox route; Auth0 has nothing like it).', errorCode: 'no_fleet' }),
};

const CREDENTIAL_RULES: Readonly<Record<CredentialRuleProblem, string>> = {
  credential_type: 'The sandbox registers public_key credentials (Private Key JWT) only; cert_subject_dn and x509_cert (mTLS) are not modelled (a Token Lab sandbox rule).',
  subject_dn: 'subject_dn applies to cert_subject_dn credentials, not to public_key ones.',
  expiry_exclusive: 'parse_expiry_from_cert and expires_at are mutually exclusive.',
  expiry_needs_certificate: 'parse_expiry_from_cert needs an X.509 certificate in pem, not a bare public key.',
  expiry_from_certificate: 'The sandbox does not read expiry dates from certificates: send expires_at instead (a Token Lab sandbox rule).',
  expires_at_format: 'expires_at must be an ISO 8601 date such as 2030-08-20T19:10:06.299Z.',
  expires_at_past: 'expires_at must be in the future.',
  inline_credentials: 'tenant.createApplication() cannot read keys: create the application, then tenant.createCredential(), then tenant.usePrivateKeyJwt() (POST /api/v2/clients takes them inline) (a Token Lab sandbox rule).',
};

function clientAuthenticationText(problem: ClientAuthenticationProblem, credentialId: string | undefined, limit: number | undefined): string {
  switch (problem) {
    case 'no_credentials': return 'client_authentication_methods.private_key_jwt.credentials needs at least one credential id (a Token Lab sandbox wording).';
    case 'too_many': return `An application can use at most ${limit ?? 2} credentials for Private Key JWT (a Token Lab sandbox wording of Auth0's documented limit).`;
    case 'duplicate': return `Credential ${credentialId ?? ''} is listed twice in client_authentication_methods.private_key_jwt.credentials (a Token Lab sandbox wording).`;
    case 'not_own': return `${credentialId ?? ''} is not a credential of this application: create it with POST /api/v2/clients/{id}/credentials first (a Token Lab sandbox wording).`;
    case 'auth_method_set': return 'An application that uses client_authentication_methods needs token_endpoint_auth_method null: send "token_endpoint_auth_method": null with it (a Token Lab sandbox wording).';
    case 'jwt_alg': return 'Private Key JWT needs jwt_configuration.alg RS256: Auth0 does not support HS256 as the application\'s signing algorithm here (a Token Lab sandbox wording of Auth0\'s documented rule).';
  }
}

/** Why an assertion was refused. Only `lifetime_too_long` (with iat) is Auth0's own text, from its tenant logs. */
function assertionProblemText({ problem, detail, expected }: { problem: AssertionProblem; detail?: string; expected?: string }): string {
  const value = (detail ?? '').slice(0, 200);
  switch (problem) {
    case 'too_long': return 'The client_assertion is longer than 2048 bytes.';
    case 'malformed': return 'The client_assertion is not a signed JWT.';
    case 'alg_not_supported': return `The client_assertion is signed with ${value || 'no alg'}; credentials use RS256, RS384 or PS256.`;
    case 'missing_claim': return `The client_assertion has no valid ${value} claim.`;
    case 'claim_too_long': return `The client_assertion's ${value} is longer than ${value === 'alg' ? 16 : 64} characters.`;
    case 'iss_sub_mismatch': return 'The client_assertion\'s iss and sub must both be the application\'s client_id.';
    case 'client_id_mismatch': return 'The client_assertion\'s sub is not the client_id sent with it.';
    case 'not_private_key_jwt': return 'This application does not use Private Key JWT: enable a credential in its client_authentication_methods.private_key_jwt, or send its client secret.';
    case 'unknown_kid': return `No credential enabled for Private Key JWT on this application has kid ${value}.`;
    case 'alg_mismatch': return `No credential enabled for Private Key JWT on this application uses ${value}: the assertion's alg must be its credential's.`;
    case 'credential_expired': return 'The credential that would verify this client_assertion has expired.';
    case 'bad_signature': return 'The client_assertion\'s signature does not verify with any credential enabled for Private Key JWT on this application.';
    case 'wrong_audience': return `The client_assertion's aud must be the tenant's URL with its trailing slash, ${expected ?? ''}, not ${value}.`;
    case 'expired': return 'The client_assertion has expired.';
    case 'issued_in_future': return 'The client_assertion\'s iat is more than 10 seconds in the future.';
    case 'not_yet_valid': return 'The client_assertion\'s nbf is more than 10 seconds in the future.';
    case 'lifetime_too_long': return value === 'iat'
      ? '\'exp\' claim must specify a time that is no more than 5 minutes after \'iat\''
      : '\'exp\' claim must specify a time that is no more than 5 minutes from now';
    case 'replayed': return 'The client_assertion was already used (its jti was seen before): sign a new one for every request.';
  }
}

/*
 * Auth0 appends a query parameter's description to its validation error (node-auth0 #648 shows
 * per_page's). Only descriptions seen in a real error body are listed.
 */
const QUERY_PARAMETER_DESCRIPTIONS: Readonly<Record<string, string>> = {
  per_page: 'Number of results per page. Defaults to 50',
  // The two below are the parameter descriptions in Auth0's Management API definition (node-auth0's types carry the same text).
  page: 'Page index of the results to return. First page is 0.',
  email: 'Email address to search for (case-sensitive).',
};

function queryDescription(property: string | undefined): string {
  const description = property === undefined || !Object.hasOwn(QUERY_PARAMETER_DESCRIPTIONS, property) ? undefined : QUERY_PARAMETER_DESCRIPTIONS[property];
  return description === undefined ? '' : ` (${description})`;
}

const DEVELOPER: Table<DeveloperErrorCode, string> = {
  invalid_domain: ({ domain }) => `[tenant] The domain ${JSON.stringify(domain)} is not allowed. Use a hostname under a reserved top-level domain, ending in ".test" or ".example" (for example "acme.auth0.test"), or "localhost" with a port (for example "localhost:4380"), so no request can ever reach a real tenant.`,
  invalid_snapshot: ({ problem }) => `[tenant] The saved tenant state was refused (${problem}). A freshly seeded tenant was started instead.`,
  invalid_argument: ({ detail }) => `[tenant] ${detail}`,
};

function onProperty(property: string | undefined): string {
  return property === undefined || property === '' ? '' : ` on property ${property}`;
}

const REASON_PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
  413: 'Request Entity Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests',
  500: 'Internal Server Error',
};

function lookup<Codes extends TenantErrorCode, Spec>(table: Table<Codes, Spec>, failure: CodedFailure): Spec | undefined {
  const build = (table as Partial<Record<TenantErrorCode, (details: unknown) => Spec>>)[failure.code];
  return build?.(failure.details);
}

/** The human text for a code: Auth0's wording where there is one, else a `[tenant]` message. */
export function describeTenantError<C extends TenantErrorCode>(code: C, details: TenantErrorDetails[C]): string {
  const failure: CodedFailure = { code, details };
  return lookup(MANAGEMENT, failure)?.message ?? lookup(AUTH_API, failure)?.description ?? lookup(DEVELOPER, failure) ?? `[tenant] ${code}`;
}

/** An HTTP answer before it becomes a `Response`. */
export interface ErrorReply {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

/** Maps an error to the Authentication API shape `{error, error_description, error_uri?}`. */
export function authApiErrorReply(error: CodedFailure<AuthApiErrorCode>): ErrorReply {
  const spec = lookup(AUTH_API, error) ?? AUTH_API.internal({});
  const body: Record<string, unknown> = { error: spec.error, error_description: spec.description };
  if (spec.uri !== undefined) body.error_uri = spec.uri;
  return { status: spec.status, body, headers: {} };
}

/**
 * Maps an error to the Management API shape `{statusCode, error, message, errorCode?, attributes?}`.
 *
 * 401s follow the Boom convention the real API shows: a `WWW-Authenticate: Bearer` challenge,
 * and, when there is a reason, `attributes.error` plus `error="…"` in the challenge.
 */
export function managementErrorReply(error: CodedFailure<ManagementErrorCode>): ErrorReply {
  const spec = lookup(MANAGEMENT, error) ?? MANAGEMENT.internal({});
  const body: Record<string, unknown> = {
    statusCode: spec.status,
    error: REASON_PHRASES[spec.status] ?? 'Error',
    message: spec.message,
  };
  if (spec.errorCode !== undefined) body.errorCode = spec.errorCode;
  const headers: Record<string, string> = {};
  if (spec.status === 401) {
    if (error.code === 'missing_authentication') {
      headers['www-authenticate'] = 'Bearer';
    } else {
      body.attributes = { error: spec.message };
      headers['www-authenticate'] = `Bearer error="${headerSafe(spec.message)}"`;
    }
  }
  return { status: spec.status, body, headers };
}

/** Header values must be printable Latin-1 without quotes; a token's `aud` may contain anything. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').replace(/["\\]/g, (c) => `\\${c}`).slice(0, 512);
}
