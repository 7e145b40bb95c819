import { exportSPKI, generateKeyPair, importJWK, SignJWT, UnsecuredJWT, type JWK, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { handleTenantRequest } from './handle-request.ts';
import { mintLegacyExplorerToken } from './legacy-token.ts';
import { SEEDED_CREDENTIALS } from './seed.ts';
import type { Tenant } from './tenant.ts';
import { freshTenant, START_SECONDS, useTenantServer } from './hosts/testing.ts';
import {
  AUDIENCE, basic, BODY_LIMIT, DOMAIN, itAnswersEachRow, json, mgmt, NOT_FOUND, oversized, sendBadRequest,
  type BadRequest, type Row,
} from './bad-input-test-support.ts';

/*
 * Malformed and hostile requests to /api/v2 (the Management API), each with the exact status and
 * JSON body the tenant must answer: broken Authorization headers, forged and tampered tokens,
 * unknown routes and ids, bad query strings and bodies. Expected texts come from the reference
 * where it has them and from `assumptions.ts` where it does not.
 */

const { reporting, noGrant } = SEEDED_CREDENTIALS;

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

function api(method: string, path: string, token: string | undefined, body?: string, headers: Record<string, string> = {}): BadRequest {
  return {
    method,
    path,
    headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body }),
  };
}

const unauthorized = (message: string) => ({ statusCode: 401, error: 'Unauthorized', message, attributes: { error: message } });
const challenge = (message: string) => ({ 'www-authenticate': `Bearer error="${message}"` });
const invalidBody = (message: string) => mgmt(400, 'Bad Request', `Payload validation error: ${message}.`, 'invalid_body');
const invalidQuery = (message: string) => mgmt(400, 'Bad Request', `Query validation error: ${message}.`, 'invalid_query_string');

const INVALID_TOKEN = 'Invalid token';
const INVALID_SIGNATURE = 'Invalid signature received for JSON Web Token validation';
const NOT_YET_VALID = 'Not yet valid token received for JSON Web Token validation';

const ROWS: Array<Row<Tokens>> = [
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
  // Issue 22 row 11: the form of Auth0's per_page=101 answer (node-auth0 #648); these texts are inferred from it.
  { name: 'refuses a negative page', request: (t) => api('GET', '/api/v2/clients?page=-1', t.reporting), status: 400, body: invalidQuery("'Value -1 is less than minimum 0' on property page (Page index of the results to return. First page is 0.)") },
  { name: 'refuses a page that is not a number', request: (t) => api('GET', '/api/v2/clients?page=abc', t.reporting), status: 400, body: invalidQuery("'Expected type integer but found type string' on property page (Page index of the results to return. First page is 0.)") },
  { name: 'refuses per_page=0', request: (t) => api('GET', '/api/v2/clients?per_page=0', t.reporting), status: 400, body: invalidQuery("'Value 0 is less than minimum 1' on property per_page (Number of results per page. Defaults to 50)") },
  { name: 'refuses per_page above 100', request: (t) => api('GET', '/api/v2/clients?per_page=101', t.reporting), status: 400, body: invalidQuery("'Value 101 is greater than maximum 100' on property per_page (Number of results per page. Defaults to 50)") },
  { name: 'refuses a fractional per_page', request: (t) => api('GET', '/api/v2/clients?per_page=2.5', t.reporting), status: 400, body: invalidQuery("'Expected type integer but found type string' on property per_page (Number of results per page. Defaults to 50)") },
  { name: 'refuses per_page sent twice', request: (t) => api('GET', '/api/v2/clients?per_page=10&per_page=20', t.reporting), status: 400, body: invalidQuery("'Expected type integer but found type array' on property per_page (Number of results per page. Defaults to 50)") },
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
  { name: 'refuses a grant without client_id (the sandbox has no default grants)', request: (t) => api('POST', '/api/v2/client-grants', t.explorer, json({ audience: AUDIENCE, scope: [] })), status: 400, body: invalidBody("'Missing required property: client_id'") },
  { name: 'answers 404 inexistent_client to a grant for an unknown client', request: (t) => api('POST', '/api/v2/client-grants', t.explorer, json({ client_id: 'no-such-client', audience: AUDIENCE, scope: [] })), status: 404, body: mgmt(404, 'Not Found', 'The client does not exist', 'inexistent_client') },
  { name: 'answers 404 inexistent_resource_server to a grant for an unknown API', request: (t) => api('POST', '/api/v2/client-grants', t.explorer, json({ client_id: noGrant.client_id, audience: 'https://api.example.test/', scope: [] })), status: 404, body: mgmt(404, 'Not Found', 'No resource server found by specified identifier', 'inexistent_resource_server') },
  { name: 'answers 404 inexistent_client_grant to PATCH of an unknown grant id', request: (t) => api('PATCH', '/api/v2/client-grants/cgr_doesNotExist0000', t.explorer, json({ scope: ['read:clients'] })), status: 404, body: mgmt(404, 'Not Found', 'The client grant does not exist', 'inexistent_client_grant') },
  { name: 'answers 404 inexistent_client_grant to DELETE of an unknown grant id', request: (t) => api('DELETE', '/api/v2/client-grants/cgr_doesNotExist0000', t.explorer), status: 404, body: mgmt(404, 'Not Found', 'The client grant does not exist', 'inexistent_client_grant') },
  { name: 'refuses a PATCH whose scope is not a list', request: (t) => api('PATCH', '/api/v2/client-grants/cgr_sbxReporting000001', t.explorer, json({ scope: 'read:clients' })), status: 400, body: invalidBody("'Expected type array,null but found type string' on property scope") },
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

beforeAll(async () => {
  tokens = await makeTokens();
});

describe('the bad-input table of the Management API', () => {
  it('has at least 55 rows, each with a distinct sentence as its name', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(55);
    expect(new Set(ROWS.map((row) => row.name)).size).toBe(ROWS.length);
  });

  it('starts from tokens that work, so each forged variant fails for its own reason', async () => {
    for (const token of [tokens.reporting, tokens.explorer]) {
      const response = await sendBadRequest(tenant(), api('GET', '/api/v2/clients', token));
      expect(response.status).toBe(200);
    }
    tenant().setLegacyMode(true);
    expect((await sendBadRequest(tenant(), api('GET', '/api/v2/clients', tokens.legacy))).status).toBe(200);
  });
});

describe('malformed and hostile Management API requests', () => {
  itAnswersEachRow(ROWS, tenant, () => tokens);
});
