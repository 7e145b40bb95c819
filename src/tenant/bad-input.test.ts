import { exportSPKI, generateKeyPair, importJWK, SignJWT, UnsecuredJWT, type JWK, type JWTPayload } from 'jose';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { handleTenantRequest } from './handle-request.ts';
import { mintLegacyExplorerToken } from './legacy-token.ts';
import { SEEDED_CREDENTIALS } from './seed.ts';
import type { Tenant } from './tenant.ts';
import { freshTenant, START_SECONDS, useTenantServer } from './hosts/testing.ts';

/*
 * A table of malformed and hostile requests, each with the exact status and JSON body the tenant
 * must answer. Requests go through msw/node and the real `fetch`, the way a learner's code sends
 * them; every row gets a freshly seeded tenant. Expected texts come from the reference where it
 * has them and from `assumptions.ts` where it does not.
 */

const DOMAIN = 'acme.auth0.test';
const AUDIENCE = `https://${DOMAIN}/api/v2/`;
const { reporting, noGrant, noClientCredentials } = SEEDED_CREDENTIALS;
const BODY_LIMIT = 65_536;

/** The request of one row; `path` is appended to `https://{domain}`. */
interface BadRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

/** Tokens made once per file; the tenant snapshot every row starts from has the same key and clock. */
interface Tokens {
  /** From /oauth/token for Reporting Service: read:clients read:client_keys. */
  reporting: string;
  /** From /oauth/token for API Explorer Application: every Management API scope. */
  explorer: string;
  algNone: string;
  algNoneUpperCase: string;
  keyConfusionPem: string;
  keyConfusionDer: string;
  badSignature: string;
  foreignKeySameKid: string;
  unknownKid: string;
  nbfInFuture: string;
  iatInFuture: string;
  wrongAudience: string;
  wrongIssuer: string;
  missingExp: string;
  scopeNotString: string;
  legacy: string;
}

interface Row {
  name: string;
  request: BadRequest | ((tokens: Tokens) => BadRequest);
  /** Puts the row's fresh tenant into the state the row needs. */
  setup?: (tenant: Tenant) => void | Promise<void>;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const json = (value: unknown): string => JSON.stringify(value);
const form = (pairs: ReadonlyArray<readonly [string, string]>): string => new URLSearchParams(pairs.map(([k, v]) => [k, v])).toString();
const basic = (id: string, secret: string): string => `Basic ${btoa(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`)}`;

const credentials = { grant_type: 'client_credentials', client_id: reporting.client_id, client_secret: reporting.client_secret, audience: AUDIENCE };
const without = (name: keyof typeof credentials): Record<string, string> => {
  const copy: Record<string, string> = { ...credentials };
  delete copy[name];
  return copy;
};

/** `contentType: null` sends no Content-Type at all (a byte body gets none from fetch). */
function tokenRequest(body: string | Uint8Array<ArrayBuffer>, contentType: string | null = 'application/json', headers: Record<string, string> = {}): BadRequest {
  return { method: 'POST', path: '/oauth/token', headers: { ...(contentType === null ? {} : { 'content-type': contentType }), ...headers }, body };
}

function api(method: string, path: string, token: string | undefined, body?: string, headers: Record<string, string> = {}): BadRequest {
  return {
    method,
    path,
    headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body }),
  };
}

const authError = (error: string, description: string) => ({ error, error_description: description });
const invalidRequest = (description: string) => authError('invalid_request', description);
const mgmt = (statusCode: number, error: string, message: string, errorCode?: string) => ({ statusCode, error, message, ...(errorCode === undefined ? {} : { errorCode }) });
const unauthorized = (message: string) => ({ statusCode: 401, error: 'Unauthorized', message, attributes: { error: message } });
const challenge = (message: string) => ({ 'www-authenticate': `Bearer error="${message}"` });
const invalidBody = (message: string) => mgmt(400, 'Bad Request', `Payload validation error: ${message}.`, 'invalid_body');
const invalidQuery = (message: string) => mgmt(400, 'Bad Request', `Query validation error: ${message}.`, 'invalid_query_string');

const NOT_FOUND = mgmt(404, 'Not Found', 'Not Found');
const INVALID_TOKEN = 'Invalid token';
const INVALID_SIGNATURE = 'Invalid signature received for JSON Web Token validation';
const NOT_YET_VALID = 'Not yet valid token received for JSON Web Token validation';
const NOT_JSON_OBJECT = invalidRequest('Request body must be a JSON object.');
const WRONG_CONTENT_TYPE = invalidRequest('Content-Type must be application/json or application/x-www-form-urlencoded.');
const TOKEN_HEADERS = { 'cache-control': 'no-store', pragma: 'no-cache', 'x-ratelimit-limit': '30', 'x-ratelimit-remaining': '29' };
const oversized = 'x'.repeat(BODY_LIMIT + 1);

const ROWS: Row[] = [
  // POST /oauth/token: the body itself
  { name: 'refuses broken JSON at the token endpoint', request: tokenRequest('{"grant_type":"client_credentials",'), status: 400, body: invalidRequest('Request body is not valid JSON.'), headers: TOKEN_HEADERS },
  { name: 'refuses an empty JSON body at the token endpoint', request: tokenRequest(''), status: 400, body: invalidRequest('Request body is not valid JSON.') },
  { name: 'refuses a JSON array body at the token endpoint', request: tokenRequest(json([credentials])), status: 400, body: NOT_JSON_OBJECT },
  { name: 'refuses a JSON number body at the token endpoint', request: tokenRequest('42'), status: 400, body: NOT_JSON_OBJECT },
  { name: 'refuses a JSON null body at the token endpoint', request: tokenRequest('null'), status: 400, body: NOT_JSON_OBJECT },
  { name: 'refuses a JSON string body at the token endpoint', request: tokenRequest('"client_credentials"'), status: 400, body: NOT_JSON_OBJECT },
  { name: 'refuses a JSON body sent as text/plain', request: tokenRequest(json(credentials), 'text/plain'), status: 400, body: WRONG_CONTENT_TYPE },
  { name: 'refuses a multipart body at the token endpoint', request: tokenRequest('--x\r\nContent-Disposition: form-data; name="grant_type"\r\n\r\nclient_credentials\r\n--x--', 'multipart/form-data; boundary=x'), status: 400, body: WRONG_CONTENT_TYPE },
  { name: 'refuses a token request without any Content-Type', request: tokenRequest(new TextEncoder().encode(json(credentials)), null), status: 400, body: WRONG_CONTENT_TYPE },
  { name: 'refuses a form body that sends client_id twice', request: tokenRequest(form([['grant_type', 'client_credentials'], ['client_id', reporting.client_id], ['client_id', noGrant.client_id], ['client_secret', reporting.client_secret], ['audience', AUDIENCE]]), 'application/x-www-form-urlencoded'), status: 400, body: invalidRequest("Parameter 'client_id' was sent more than once.") },
  { name: 'refuses a form body that sends audience twice, even with the same value', request: tokenRequest(`${form(Object.entries(credentials))}&audience=${encodeURIComponent(AUDIENCE)}`, 'application/x-www-form-urlencoded'), status: 400, body: invalidRequest("Parameter 'audience' was sent more than once.") },
  { name: 'refuses a JSON parameter that is not a string', request: tokenRequest(json({ ...credentials, client_secret: 12345 })), status: 400, body: invalidRequest("Parameter 'client_secret' must be a string.") },
  { name: 'refuses an oversized JSON body (over 64 KiB) with 413', request: tokenRequest(json({ ...credentials, padding: oversized })), status: 413, body: invalidRequest(`Request body is larger than ${BODY_LIMIT} bytes.`), headers: TOKEN_HEADERS },
  { name: 'refuses an oversized form body (over 64 KiB) with 413', request: tokenRequest(`${form(Object.entries(credentials))}&scope=${oversized}`, 'application/x-www-form-urlencoded'), status: 413, body: invalidRequest(`Request body is larger than ${BODY_LIMIT} bytes.`) },
  // POST /oauth/token: parameters
  { name: 'refuses a token request without grant_type', request: tokenRequest(json(without('grant_type'))), status: 400, body: invalidRequest('Missing required parameter: grant_type') },
  { name: 'refuses a token request with an empty grant_type', request: tokenRequest(json({ ...credentials, grant_type: '' })), status: 400, body: invalidRequest('Missing required parameter: grant_type') },
  { name: 'refuses a token request without client_id', request: tokenRequest(json(without('client_id'))), status: 400, body: invalidRequest('Missing required parameter: client_id') },
  { name: 'refuses a token request without client_secret', request: tokenRequest(json(without('client_secret'))), status: 400, body: invalidRequest('Missing required parameter: client_secret') },
  { name: 'refuses a token request without audience, as the tenant has no default audience', request: tokenRequest(json(without('audience'))), status: 403, body: authError('access_denied', 'No audience parameter was provided, and no default audience has been configured') },
  { name: 'refuses the password grant for an application without it', request: tokenRequest(json({ ...credentials, grant_type: 'password' })), status: 403, body: { ...authError('unauthorized_client', "Grant type 'password' not allowed for the client."), error_uri: 'https://auth0.com/docs/clients/client-grant-types' } },
  { name: 'refuses the authorization_code grant in a form body without a client_id', request: tokenRequest(form([['grant_type', 'authorization_code'], ['code', 'abc']]), 'application/x-www-form-urlencoded'), status: 400, body: invalidRequest('Missing required parameter: client_id') },
  { name: 'refuses a Private Key JWT client assertion as not supported by the sandbox', request: tokenRequest(json({ ...without('client_secret'), client_assertion: 'a.b.c', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' })), status: 400, body: invalidRequest('client_assertion (Private Key JWT) is not supported by this sandbox tenant.') },
  // POST /oauth/token: client authentication
  { name: 'refuses an unknown client with 401 invalid_client', request: tokenRequest(json({ ...credentials, client_id: 'no-such-client' })), status: 401, body: authError('invalid_client', 'Unknown client: no-such-client') },
  { name: 'refuses a wrong client secret with 401 access_denied Unauthorized', request: tokenRequest(json({ ...credentials, client_secret: `${reporting.client_secret}x` })), status: 401, body: authError('access_denied', 'Unauthorized'), headers: TOKEN_HEADERS },
  { name: 'refuses an empty client secret in a form body', request: tokenRequest(form(Object.entries({ ...credentials, client_secret: '' })), 'application/x-www-form-urlencoded'), status: 401, body: authError('access_denied', 'Unauthorized') },
  { name: 'refuses a secret sent both with HTTP Basic and in the body', request: tokenRequest(json(credentials), 'application/json', { authorization: basic(reporting.client_id, reporting.client_secret) }), status: 400, body: invalidRequest('Send the client secret either with HTTP Basic or in the body, not both.') },
  { name: 'refuses HTTP Basic credentials that are not base64', request: tokenRequest(json(without('client_secret')), 'application/json', { authorization: 'Basic !!!not-base64!!!' }), status: 400, body: invalidRequest('Malformed HTTP Basic Authorization header.') },
  { name: 'refuses an HTTP Basic header with no credentials after the scheme', request: tokenRequest(json(credentials), 'application/json', { authorization: 'Basic' }), status: 400, body: invalidRequest('Malformed HTTP Basic Authorization header.') },
  { name: 'refuses HTTP Basic credentials without a colon', request: tokenRequest(json(without('client_secret')), 'application/json', { authorization: `Basic ${btoa(reporting.client_id)}` }), status: 400, body: invalidRequest('Malformed HTTP Basic Authorization header.') },
  { name: 'refuses HTTP Basic credentials with a broken percent-encoding', request: tokenRequest(json(without('client_secret')), 'application/json', { authorization: `Basic ${btoa('id%zz:secret')}` }), status: 400, body: invalidRequest('Malformed HTTP Basic Authorization header.') },
  { name: 'refuses a body client_id that differs from the HTTP Basic one', request: tokenRequest(json({ ...without('client_secret'), client_id: noGrant.client_id }), 'application/json', { authorization: basic(reporting.client_id, reporting.client_secret) }), status: 400, body: invalidRequest('client_id in the body does not match the HTTP Basic credentials.') },
  { name: 'refuses a wrong secret sent with HTTP Basic', request: tokenRequest(json({ grant_type: 'client_credentials', audience: AUDIENCE }), 'application/json', { authorization: basic(reporting.client_id, 'wrong') }), status: 401, body: authError('access_denied', 'Unauthorized') },
  // POST /oauth/token: what the client may have
  { name: 'refuses a scope outside the client grant, naming it', request: tokenRequest(json({ ...credentials, scope: 'read:clients delete:clients' })), status: 403, body: authError('access_denied', 'Client has not been granted scopes: delete:clients') },
  { name: 'refuses several scopes outside the grant, naming each once', request: tokenRequest(json({ ...credentials, scope: 'create:users delete:clients create:users' })), status: 403, body: authError('access_denied', 'Client has not been granted scopes: create:users, delete:clients') },
  { name: 'refuses an audience that is not an API of the tenant', request: tokenRequest(json({ ...credentials, audience: 'https://api.example.test/' })), status: 403, body: authError('access_denied', 'Service not enabled within domain: https://api.example.test/') },
  { name: 'refuses the Management API audience without its trailing slash', request: tokenRequest(json({ ...credentials, audience: AUDIENCE.slice(0, -1) })), status: 403, body: authError('access_denied', `Service not enabled within domain: ${AUDIENCE.slice(0, -1)}`) },
  { name: 'refuses an application whose client_credentials grant type is disabled', request: tokenRequest(json({ ...credentials, client_id: noClientCredentials.client_id, client_secret: noClientCredentials.client_secret })), status: 403, body: { error: 'unauthorized_client', error_description: "Grant type 'client_credentials' not allowed for the client.", error_uri: 'https://auth0.com/docs/clients/client-grant-types' } },
  { name: 'refuses an application without a client grant for the audience', request: tokenRequest(json({ ...credentials, client_id: noGrant.client_id, client_secret: noGrant.client_secret })), status: 403, body: authError('access_denied', `Client "${noGrant.client_id}" is not authorized to access resource server "${AUDIENCE}".`) },
  { name: 'refuses a token request while the rate-limited drill is on, with 429 and the rate-limit headers', request: tokenRequest(json(credentials)), setup: (t) => t.drills.set({ rateLimited: true }), status: 429, body: authError('too_many_requests', 'Too many requests. Check the X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset headers.'), headers: { 'x-ratelimit-limit': '30', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(START_SECONDS + 1) } },
  { name: 'answers GET /oauth/token with the 404 of an unknown route', request: { method: 'GET', path: '/oauth/token' }, status: 404, body: NOT_FOUND },

  // /api/v2: the Authorization header
  { name: 'refuses a Management API call without Authorization: Missing authentication', request: api('GET', '/api/v2/clients', undefined), status: 401, body: mgmt(401, 'Unauthorized', 'Missing authentication'), headers: { 'www-authenticate': 'Bearer', 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '49' } },
  { name: 'treats the Basic scheme on the Management API as missing authentication', request: api('GET', '/api/v2/clients', undefined, undefined, { authorization: basic(reporting.client_id, reporting.client_secret) }), status: 401, body: mgmt(401, 'Unauthorized', 'Missing authentication'), headers: { 'www-authenticate': 'Bearer' } },
  { name: 'refuses "Bearer" with no token: Bad HTTP authentication header format', request: api('GET', '/api/v2/clients', undefined, undefined, { authorization: 'Bearer' }), status: 401, body: unauthorized('Bad HTTP authentication header format'), headers: challenge('Bad HTTP authentication header format') },
  { name: 'refuses "Bearer" followed by two tokens: Bad HTTP authentication header format', request: (t) => api('GET', '/api/v2/clients', undefined, undefined, { authorization: `Bearer ${t.reporting} ${t.reporting}` }), status: 401, body: unauthorized('Bad HTTP authentication header format') },
  // /api/v2: tokens that are not JWTs at all
  { name: 'refuses a garbage bearer token: Invalid token', request: api('GET', '/api/v2/clients', 'garbage'), status: 401, body: unauthorized(INVALID_TOKEN), headers: challenge(INVALID_TOKEN) },
  { name: 'refuses a two-part token: Invalid token', request: (t) => api('GET', '/api/v2/clients', t.reporting.split('.').slice(0, 2).join('.')), status: 401, body: unauthorized(INVALID_TOKEN) },
  { name: 'refuses a token whose header is not base64url JSON: Invalid token', request: (t) => api('GET', '/api/v2/clients', `%%%.${t.reporting.split('.')[1]}.sig`), status: 401, body: unauthorized(INVALID_TOKEN) },
  { name: 'refuses a token longer than any real one: Invalid token', request: (t) => api('GET', '/api/v2/clients', `${t.reporting}${'A'.repeat(20_000)}`), status: 401, body: unauthorized(INVALID_TOKEN) },
  // /api/v2: forged and tampered tokens
  { name: 'refuses an unsigned token (alg none): Invalid token', request: (t) => api('GET', '/api/v2/clients', t.algNone), status: 401, body: unauthorized(INVALID_TOKEN) },
  { name: 'refuses an unsigned token spelled alg NONE: Invalid token', request: (t) => api('GET', '/api/v2/clients', t.algNoneUpperCase), status: 401, body: unauthorized(INVALID_TOKEN) },
  { name: 'refuses HS256 keyed with the tenant public key as PEM (key confusion): Invalid signature', request: (t) => api('GET', '/api/v2/clients', t.keyConfusionPem), status: 401, body: unauthorized(INVALID_SIGNATURE), headers: challenge(INVALID_SIGNATURE) },
  { name: 'refuses HS256 keyed with the tenant public key as DER bytes (key confusion): Invalid signature', request: (t) => api('GET', '/api/v2/clients', t.keyConfusionDer), status: 401, body: unauthorized(INVALID_SIGNATURE) },
  { name: 'refuses a real token with one character of its signature flipped: Invalid signature', request: (t) => api('GET', '/api/v2/clients', t.badSignature), status: 401, body: unauthorized(INVALID_SIGNATURE) },
  { name: 'refuses a token signed by another RSA key that claims the tenant kid: Invalid signature', request: (t) => api('GET', '/api/v2/clients', t.foreignKeySameKid), status: 401, body: unauthorized(INVALID_SIGNATURE) },
  { name: 'refuses a token with a kid the JWKS does not list: Invalid signature', request: (t) => api('GET', '/api/v2/clients', t.unknownKid), status: 401, body: unauthorized(INVALID_SIGNATURE) },
  { name: 'refuses an old explorer HS256 token while legacy mode is off: Invalid signature', request: (t) => api('GET', '/api/v2/clients', t.legacy), status: 401, body: unauthorized(INVALID_SIGNATURE) },
  // /api/v2: well-signed tokens with the wrong claims
  { name: 'refuses a real token once the clock has advanced 86,400 s: Expired token', request: (t) => api('GET', '/api/v2/clients', t.reporting), setup: (t) => t.clock.advance(86_400), status: 401, body: unauthorized('Expired token received for JSON Web Token validation'), headers: challenge('Expired token received for JSON Web Token validation') },
  { name: 'refuses a token whose nbf is in the future: Not yet valid', request: (t) => api('GET', '/api/v2/clients', t.nbfInFuture), status: 401, body: unauthorized(NOT_YET_VALID) },
  { name: 'refuses a token whose iat is in the future: Not yet valid', request: (t) => api('GET', '/api/v2/clients', t.iatInFuture), status: 401, body: unauthorized(NOT_YET_VALID) },
  { name: 'refuses a token for another audience: Bad audience', request: (t) => api('GET', '/api/v2/clients', t.wrongAudience), status: 401, body: unauthorized('Bad audience: https://api.example.test/') },
  { name: 'refuses a token from another issuer: Bad issuer', request: (t) => api('GET', '/api/v2/clients', t.wrongIssuer), status: 401, body: unauthorized('Bad issuer: https://evil.example.test/') },
  { name: 'refuses a correctly signed token without exp: Invalid token', request: (t) => api('GET', '/api/v2/clients', t.missingExp), status: 401, body: unauthorized(INVALID_TOKEN) },
  { name: 'refuses a correctly signed token whose scope is a list: Invalid token', request: (t) => api('GET', '/api/v2/clients', t.scopeNotString), status: 401, body: unauthorized(INVALID_TOKEN) },
  { name: 'answers 403 with the exact body when the token lacks the scope of the route', request: (t) => api('GET', '/api/v2/client-grants', t.reporting), status: 403, body: mgmt(403, 'Forbidden', 'Insufficient scope, expected any of: read:client_grants', 'insufficient_scope') },
  { name: 'answers 403 to a read-only token that tries to create a client', request: (t) => api('POST', '/api/v2/clients', t.reporting, json({ name: 'Sneaky' })), status: 403, body: mgmt(403, 'Forbidden', 'Insufficient scope, expected any of: create:clients', 'insufficient_scope') },
  { name: 'answers 429 with the Management API body while the rate-limited drill is on', request: (t) => api('GET', '/api/v2/clients', t.reporting), setup: (t) => t.drills.set({ rateLimited: true }), status: 429, body: mgmt(429, 'Too Many Requests', 'Global limit has been reached', 'too_many_requests'), headers: { 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '0' } },
  // /api/v2: routes and ids
  { name: 'answers 404 Not Found for an unknown Management API route, even without a token', request: api('GET', '/api/v2/no-such-route', undefined), status: 404, body: NOT_FOUND },
  { name: 'answers 404 Not Found for an unknown method on a known path', request: (t) => api('PUT', '/api/v2/clients', t.explorer, json({ name: 'x' })), status: 404, body: NOT_FOUND },
  { name: 'answers 404 Not Found for a client id with a broken percent-encoding', request: (t) => api('GET', '/api/v2/clients/%E0%A4%A', t.explorer), status: 404, body: NOT_FOUND },
  { name: 'answers 404 Not Found for a path outside the APIs', request: { method: 'GET', path: '/userinfo' }, status: 404, body: NOT_FOUND },
  { name: 'answers 404 inexistent_client for an unknown client id', request: (t) => api('GET', '/api/v2/clients/no-such-client', t.reporting), status: 404, body: mgmt(404, 'Not Found', 'The client does not exist', 'inexistent_client') },
  { name: 'answers 404 inexistent_client when rotating the secret of an unknown client', request: (t) => api('POST', '/api/v2/clients/no-such-client/rotate-secret', t.explorer), status: 404, body: mgmt(404, 'Not Found', 'The client does not exist', 'inexistent_client') },
  // /api/v2: query strings
  { name: 'refuses a negative page', request: (t) => api('GET', '/api/v2/clients?page=-1', t.reporting), status: 400, body: invalidQuery("'Expected type integer but found type string' on property page") },
  { name: 'refuses a page that is not a number', request: (t) => api('GET', '/api/v2/clients?page=abc', t.reporting), status: 400, body: invalidQuery("'Expected type integer but found type string' on property page") },
  { name: 'refuses per_page=0', request: (t) => api('GET', '/api/v2/clients?per_page=0', t.reporting), status: 400, body: invalidQuery("'Value 0 is less than minimum 1' on property per_page (Number of results per page. Defaults to 50)") },
  { name: 'refuses per_page above 100', request: (t) => api('GET', '/api/v2/clients?per_page=101', t.reporting), status: 400, body: invalidQuery("'Value 101 is greater than maximum 100' on property per_page (Number of results per page. Defaults to 50)") },
  { name: 'refuses a fractional per_page', request: (t) => api('GET', '/api/v2/clients?per_page=2.5', t.reporting), status: 400, body: invalidQuery("'Expected type integer but found type string' on property per_page (Number of results per page. Defaults to 50)") },
  { name: 'refuses per_page sent twice', request: (t) => api('GET', '/api/v2/clients?per_page=10&per_page=20', t.reporting), status: 400, body: invalidQuery("'Expected type string but found type array' on property per_page (Number of results per page. Defaults to 50)") },
  { name: 'refuses include_totals that is not true or false', request: (t) => api('GET', '/api/v2/clients?include_totals=yes', t.reporting), status: 400, body: invalidQuery("'Expected type boolean but found type string' on property include_totals") },
  // /api/v2: bodies
  { name: 'refuses broken JSON when creating a client', request: (t) => api('POST', '/api/v2/clients', t.explorer, '{"name":'), status: 400, body: mgmt(400, 'Bad Request', 'Invalid request payload JSON format') },
  { name: 'refuses a JSON array when creating a client', request: (t) => api('POST', '/api/v2/clients', t.explorer, json([{ name: 'x' }])), status: 400, body: invalidBody("'Expected type object but found type array'") },
  { name: 'refuses a client body sent as text/plain with 415', request: (t) => api('POST', '/api/v2/clients', t.explorer, json({ name: 'x' }), { 'content-type': 'text/plain' }), status: 415, body: mgmt(415, 'Unsupported Media Type', 'Unsupported Media Type') },
  { name: 'refuses an oversized client body (over 64 KiB) with 413', request: (t) => api('POST', '/api/v2/clients', t.explorer, json({ name: 'x', description: oversized })), status: 413, body: mgmt(413, 'Request Entity Too Large', `Payload content length greater than maximum allowed: ${BODY_LIMIT}`) },
  { name: 'refuses a new client without a name', request: (t) => api('POST', '/api/v2/clients', t.explorer, json({ app_type: 'non_interactive' })), status: 400, body: invalidBody("'Missing required property: name'") },
  { name: 'refuses a client name that is a number', request: (t) => api('POST', '/api/v2/clients', t.explorer, json({ name: 42 })), status: 400, body: invalidBody("'Expected type string but found type integer' on property name") },
  { name: 'refuses an empty client name', request: (t) => api('POST', '/api/v2/clients', t.explorer, json({ name: '' })), status: 400, body: invalidBody("'String is too short (0 chars), minimum 1' on property name") },
  { name: 'refuses grant_types given as a string instead of a list', request: (t) => api('POST', '/api/v2/clients', t.explorer, json({ name: 'x', grant_types: 'client_credentials' })), status: 400, body: invalidBody("'Expected type array but found type string' on property grant_types") },
  { name: 'refuses an unknown app_type', request: (t) => api('POST', '/api/v2/clients', t.explorer, json({ name: 'x', app_type: 'robot' })), status: 400, body: invalidBody('\'No enum match for: "robot"\' on property app_type') },
  { name: 'refuses a property a client does not have', request: (t) => api('POST', '/api/v2/clients', t.explorer, json({ name: 'x', owner: 'me' })), status: 400, body: invalidBody("'Additional properties not allowed: owner'") },
  // /api/v2: client grants
  { name: 'answers 409 to a second grant for the same client and API', request: (t) => api('POST', '/api/v2/client-grants', t.explorer, json({ client_id: reporting.client_id, audience: AUDIENCE, scope: ['read:clients'] })), status: 409, body: mgmt(409, 'Conflict', 'A client grant for this client and audience already exists', 'client_grant_conflict') },
  { name: 'refuses a grant with scopes the API does not define', request: (t) => api('POST', '/api/v2/client-grants', t.explorer, json({ client_id: noGrant.client_id, audience: AUDIENCE, scope: ['read:clients', 'read:everything'] })), status: 400, body: invalidBody("'Scopes are not defined by the resource server: read:everything (a Token Lab sandbox rule; Auth0 itself accepts them)' on property scope") },
  { name: 'refuses a grant that lists a scope twice', request: (t) => api('POST', '/api/v2/client-grants', t.explorer, json({ client_id: noGrant.client_id, audience: AUDIENCE, scope: ['read:clients', 'read:clients'] })), status: 400, body: invalidBody("'Array items are not unique (indexes 0 and 1)' on property scope") },
  { name: 'refuses a grant without scope', request: (t) => api('POST', '/api/v2/client-grants', t.explorer, json({ client_id: noGrant.client_id, audience: AUDIENCE })), status: 400, body: invalidBody("'Missing required property: scope'") },
  { name: 'answers 404 inexistent_client to a grant for an unknown client', request: (t) => api('POST', '/api/v2/client-grants', t.explorer, json({ client_id: 'no-such-client', audience: AUDIENCE, scope: [] })), status: 404, body: mgmt(404, 'Not Found', 'The client does not exist', 'inexistent_client') },
  { name: 'answers 404 inexistent_resource_server to a grant for an unknown API', request: (t) => api('POST', '/api/v2/client-grants', t.explorer, json({ client_id: noGrant.client_id, audience: 'https://api.example.test/', scope: [] })), status: 404, body: mgmt(404, 'Not Found', 'No resource server found by specified identifier', 'inexistent_resource_server') },
  { name: 'answers 404 inexistent_client_grant to PATCH of an unknown grant id', request: (t) => api('PATCH', '/api/v2/client-grants/cgr_doesNotExist0000', t.explorer, json({ scope: ['read:clients'] })), status: 404, body: mgmt(404, 'Not Found', 'The client grant does not exist', 'inexistent_client_grant') },
  { name: 'answers 404 inexistent_client_grant to DELETE of an unknown grant id', request: (t) => api('DELETE', '/api/v2/client-grants/cgr_doesNotExist0000', t.explorer), status: 404, body: mgmt(404, 'Not Found', 'The client grant does not exist', 'inexistent_client_grant') },
  { name: 'refuses a PATCH whose scope is not a list', request: (t) => api('PATCH', '/api/v2/client-grants/cgr_sbxReporting000001', t.explorer, json({ scope: 'read:clients' })), status: 400, body: invalidBody("'Expected type array but found type string' on property scope") },
];

const foreignTenantClaims = (overrides: JWTPayload): JWTPayload => ({
  iss: `https://${DOMAIN}/`,
  sub: `${reporting.client_id}@clients`,
  aud: AUDIENCE,
  iat: START_SECONDS,
  exp: START_SECONDS + 86_400,
  scope: 'read:clients',
  gty: 'client-credentials',
  azp: reporting.client_id,
  ...overrides,
});

async function issue(tenant: Tenant, role: 'reporting' | 'explorer'): Promise<string> {
  const { client_id, client_secret } = SEEDED_CREDENTIALS[role];
  const response = await handleTenantRequest(tenant, new Request(`https://${DOMAIN}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: json({ grant_type: 'client_credentials', client_id, client_secret, audience: AUDIENCE }),
  }));
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

/** Flips one character in the middle of the signature (the last one may only hold padding bits). */
function flipSignatureCharacter(token: string): string {
  const [header, payload, signature = ''] = token.split('.');
  const at = Math.floor(signature.length / 2);
  const flipped = signature[at] === 'A' ? 'B' : 'A';
  return `${header}.${payload}.${signature.slice(0, at)}${flipped}${signature.slice(at + 1)}`;
}

async function makeTokens(): Promise<Tokens> {
  const tenant = await freshTenant();
  const jwksResponse = await handleTenantRequest(tenant, new Request(`https://${DOMAIN}/.well-known/jwks.json`));
  const [jwk] = ((await jwksResponse.json()) as { keys: JWK[] }).keys;
  if (jwk?.kid === undefined) throw new Error('test set-up: the JWKS has no key');
  const kid = jwk.kid;
  const publicKey = await importJWK(jwk, 'RS256', { extractable: true });
  if (publicKey instanceof Uint8Array) throw new Error('test set-up: the JWKS key is not an RSA key');
  const pem = await exportSPKI(publicKey);
  const der = Uint8Array.from(atob(pem.replace(/-----[A-Z ]+-----|\s/g, '')), (c) => c.charCodeAt(0));
  const signTenant = (claims: JWTPayload, header: Record<string, unknown> = {}) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid, ...header }).sign(tenant.signingKey.privateKey);
  const hs256 = (secret: Uint8Array) => new SignJWT(foreignTenantClaims({ scope: 'read:clients delete:clients' })).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid }).sign(secret);
  const unsecured = new UnsecuredJWT(foreignTenantClaims({})).encode();
  const [, unsecuredPayload] = unsecured.split('.');
  const { privateKey: foreignKey } = await generateKeyPair('RS256');
  const missingExp = foreignTenantClaims({});
  delete missingExp.exp;
  const reportingToken = await issue(tenant, 'reporting');
  return {
    reporting: reportingToken,
    explorer: await issue(tenant, 'explorer'),
    algNone: unsecured,
    algNoneUpperCase: `${btoa(json({ alg: 'NONE', typ: 'JWT' })).replace(/=+$/, '')}.${unsecuredPayload}.`,
    keyConfusionPem: await hs256(new TextEncoder().encode(pem)),
    keyConfusionDer: await hs256(der),
    badSignature: flipSignatureCharacter(reportingToken),
    foreignKeySameKid: await new SignJWT(foreignTenantClaims({})).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(foreignKey),
    unknownKid: await signTenant(foreignTenantClaims({}), { kid: 'not-a-key-of-this-tenant' }),
    nbfInFuture: await signTenant(foreignTenantClaims({ nbf: START_SECONDS + 120 })),
    iatInFuture: await signTenant(foreignTenantClaims({ iat: START_SECONDS + 120 })),
    wrongAudience: await signTenant(foreignTenantClaims({ aud: 'https://api.example.test/' })),
    wrongIssuer: await signTenant(foreignTenantClaims({ iss: 'https://evil.example.test/' })),
    missingExp: await signTenant(missingExp),
    scopeNotString: await signTenant(foreignTenantClaims({ scope: ['read:clients'] })),
    legacy: await mintLegacyExplorerToken(tenant, { scope: 'read:clients' }),
  };
}

const tenant = useTenantServer();
let tokens: Tokens;
let consoleError: MockInstance<typeof console.error>;

beforeAll(async () => {
  tokens = await makeTokens();
});

beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
});

afterEach(() => {
  consoleError.mockRestore();
});

async function send(request: BadRequest): Promise<Response> {
  return fetch(`https://${tenant().domain}${request.path}`, {
    method: request.method,
    headers: request.headers ?? {},
    ...(request.body === undefined ? {} : { body: request.body }),
  });
}

describe('the bad-input table', () => {
  it('has at least 45 rows, each with a distinct sentence as its name', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(45);
    expect(new Set(ROWS.map((row) => row.name)).size).toBe(ROWS.length);
  });

  it('starts from tokens that work, so each forged variant fails for its own reason', async () => {
    for (const token of [tokens.reporting, tokens.explorer]) {
      const response = await send(api('GET', '/api/v2/clients', token));
      expect(response.status).toBe(200);
    }
    tenant().setLegacyMode(true);
    expect((await send(api('GET', '/api/v2/clients', tokens.legacy))).status).toBe(200);
  });
});

describe('malformed and hostile requests', () => {
  it.each(ROWS)('$name', async (row) => {
    await row.setup?.(tenant());
    const request = typeof row.request === 'function' ? row.request(tokens) : row.request;
    const response = await send(request);
    expect(response.status).toBe(row.status);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual(row.body);
    for (const [name, value] of Object.entries(row.headers ?? {})) {
      expect(response.headers.get(name), `header ${name}`).toBe(value);
    }
    expect(consoleError).not.toHaveBeenCalled();
  });
});
