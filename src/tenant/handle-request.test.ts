import { exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleTenantRequest } from './handle-request.ts';
import { freshTenant, START_SECONDS } from './hosts/testing.ts';
import type { Tenant } from './tenant.ts';

// Requests go to a local-server style origin: routing must not depend on the Host.
const ORIGIN = 'http://127.0.0.1:4000';

let tenant: Tenant;
let token: string;

beforeEach(async () => {
  tenant = await freshTenant();
  const response = await handleTenantRequest(tenant, tokenRequest(JSON.stringify(credentials())));
  token = (await response.json()).access_token;
});

function credentials(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { reporting } = tenant.seeded;
  return { grant_type: 'client_credentials', client_id: reporting.client_id, client_secret: reporting.client_secret, audience: tenant.managementAudience, ...overrides };
}

function tokenRequest(body: BodyInit | null, contentType: string | null = 'application/json', headers: Record<string, string> = {}): Request {
  const all = new Headers(headers);
  if (contentType !== null) all.set('content-type', contentType);
  return new Request(`${ORIGIN}/oauth/token`, { method: 'POST', headers: all, body });
}

function formBody(pairs: Array<[string, string]>): string {
  return pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
}

function api(path: string, authorization: string | null, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  if (authorization !== null) headers.set('authorization', authorization);
  return new Request(`${ORIGIN}${path}`, { ...init, headers });
}

function signed(claims: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
  const key = tenant.signingKey;
  const base = { iss: tenant.issuer, sub: 'x@clients', aud: tenant.managementAudience, iat: START_SECONDS, exp: START_SECONDS + 60, scope: 'read:clients' };
  return new SignJWT({ ...base, ...claims }).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header }).sign(key.privateKey);
}

const b64url = (text: string) => btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const authError = (error: string, description: string) => ({ error, error_description: description });
const invalidRequest = (description: string) => authError('invalid_request', description);
const mgmt = (statusCode: number, error: string, message: string, extra: Record<string, unknown> = {}) => ({ statusCode, error, message, ...extra });
const unauthorized = (message: string) => mgmt(401, 'Unauthorized', message, { attributes: { error: message } });
const INVALID_SIGNATURE = unauthorized('Invalid signature received for JSON Web Token validation');
const NOT_FOUND = mgmt(404, 'Not Found', 'Not Found');

interface Row {
  readonly name: string;
  readonly request: () => Request | Promise<Request>;
  readonly status: number;
  readonly body: unknown;
}

const ROWS: Row[] = [
  // /oauth/token: body format
  { name: 'broken JSON', request: () => tokenRequest('{"grant_type":'), status: 400, body: invalidRequest('Request body is not valid JSON.') },
  { name: 'an empty JSON body', request: () => tokenRequest(''), status: 400, body: invalidRequest('Request body is not valid JSON.') },
  { name: 'a JSON array body', request: () => tokenRequest('[]'), status: 400, body: invalidRequest('Request body must be a JSON object.') },
  { name: 'a JSON string body', request: () => tokenRequest('"client_credentials"'), status: 400, body: invalidRequest('Request body must be a JSON object.') },
  { name: 'a JSON null body', request: () => tokenRequest('null'), status: 400, body: invalidRequest('Request body must be a JSON object.') },
  { name: 'a text/plain body', request: () => tokenRequest(JSON.stringify(credentials()), 'text/plain'), status: 400, body: invalidRequest('Content-Type must be application/json or application/x-www-form-urlencoded.') },
  { name: 'no Content-Type', request: () => tokenRequest(JSON.stringify(credentials()), null), status: 400, body: invalidRequest('Content-Type must be application/json or application/x-www-form-urlencoded.') },
  { name: 'a multipart body', request: () => tokenRequest('--x--', 'multipart/form-data; boundary=x'), status: 400, body: invalidRequest('Content-Type must be application/json or application/x-www-form-urlencoded.') },
  { name: 'a body over 64 KiB', request: () => tokenRequest(JSON.stringify(credentials({ pad: 'x'.repeat(65_536) }))), status: 413, body: invalidRequest('Request body is larger than 65536 bytes.') },
  // /oauth/token: parameters
  { name: 'client_id twice in a form', request: () => tokenRequest(formBody([['grant_type', 'client_credentials'], ['client_id', 'a'], ['client_id', 'b']]), 'application/x-www-form-urlencoded'), status: 400, body: invalidRequest("Parameter 'client_id' was sent more than once.") },
  { name: 'grant_type twice in a form', request: () => tokenRequest(formBody([['grant_type', 'client_credentials'], ['grant_type', 'password']]), 'application/x-www-form-urlencoded'), status: 400, body: invalidRequest("Parameter 'grant_type' was sent more than once.") },
  { name: 'an empty form', request: () => tokenRequest('', 'application/x-www-form-urlencoded'), status: 400, body: invalidRequest('Missing required parameter: grant_type') },
  { name: 'a numeric client_id', request: () => tokenRequest(JSON.stringify(credentials({ client_id: 42 }))), status: 400, body: invalidRequest("Parameter 'client_id' must be a string.") },
  { name: 'a null client_secret', request: () => tokenRequest(JSON.stringify(credentials({ client_secret: null }))), status: 400, body: invalidRequest("Parameter 'client_secret' must be a string.") },
  { name: 'an object as scope', request: () => tokenRequest(JSON.stringify(credentials({ scope: { read: true } }))), status: 400, body: invalidRequest("Parameter 'scope' must be a string.") },
  { name: 'an empty grant_type', request: () => tokenRequest(JSON.stringify(credentials({ grant_type: '' }))), status: 400, body: invalidRequest('Missing required parameter: grant_type') },
  { name: 'a grant type Auth0 does not know', request: () => tokenRequest(JSON.stringify(credentials({ grant_type: 'urn:example:no-such-grant' }))), status: 400, body: authError('unsupported_grant_type', 'Unsupported grant type: urn:example:no-such-grant') },
  { name: 'a client assertion together with a client secret', request: () => tokenRequest(JSON.stringify(credentials({ client_assertion: 'x', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' }))), status: 400, body: invalidRequest('Send either a client_assertion or a client secret, not both.') },
  { name: 'a client assertion of another type', request: () => tokenRequest(JSON.stringify(credentials({ client_secret: undefined, client_assertion: 'x', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:saml2-bearer' }))), status: 400, body: invalidRequest('client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer, not urn:ietf:params:oauth:client-assertion-type:saml2-bearer') },
  // /oauth/token: client authentication
  { name: 'HTTP Basic and a body secret together', request: () => tokenRequest(JSON.stringify(credentials()), 'application/json', { authorization: `Basic ${btoa('a:b')}` }), status: 400, body: invalidRequest('Send the client secret either with HTTP Basic or in the body, not both.') },
  { name: 'HTTP Basic that is not base64', request: () => tokenRequest(JSON.stringify(credentials({ client_secret: undefined })), 'application/json', { authorization: 'Basic ***' }), status: 400, body: invalidRequest('Malformed HTTP Basic Authorization header.') },
  { name: 'HTTP Basic without a colon', request: () => tokenRequest(JSON.stringify(credentials({ client_secret: undefined })), 'application/json', { authorization: `Basic ${btoa('justanid')}` }), status: 400, body: invalidRequest('Malformed HTTP Basic Authorization header.') },
  { name: 'HTTP Basic for another client than the body names', request: () => tokenRequest(JSON.stringify(credentials({ client_secret: undefined })), 'application/json', { authorization: `Basic ${btoa('someone:else')}` }), status: 400, body: invalidRequest('client_id in the body does not match the HTTP Basic credentials.') },
  { name: 'an unknown client', request: () => tokenRequest(JSON.stringify(credentials({ client_id: 'ghost' }))), status: 401, body: authError('invalid_client', 'Unknown client: ghost') },
  { name: 'a secret that is a prefix of the real one', request: () => tokenRequest(JSON.stringify(credentials({ client_secret: tenant.seeded.reporting.client_secret.slice(0, 10) }))), status: 401, body: authError('access_denied', 'Unauthorized') },
  { name: 'an audience with a trailing space', request: () => tokenRequest(JSON.stringify(credentials({ audience: `${tenant.managementAudience} ` }))), status: 403, body: authError('access_denied', 'Service not enabled within domain: https://acme.auth0.test/api/v2/ ') },
  { name: 'a scope with an unknown name', request: () => tokenRequest(JSON.stringify(credentials({ scope: 'read:clients read:secrets' }))), status: 403, body: authError('access_denied', 'Client has not been granted scopes: read:secrets') },
  { name: 'GET on the token endpoint', request: () => new Request(`${ORIGIN}/oauth/token`), status: 404, body: NOT_FOUND },
  // Management API: tokens
  { name: 'no Authorization header', request: () => api('/api/v2/clients', null), status: 401, body: mgmt(401, 'Unauthorized', 'Missing authentication') },
  { name: 'an empty Bearer header', request: () => api('/api/v2/clients', 'Bearer '), status: 401, body: unauthorized('Bad HTTP authentication header format') },
  { name: 'a two-part token', request: () => api('/api/v2/clients', 'Bearer a.b'), status: 401, body: unauthorized('Invalid token') },
  { name: 'a five-part (encrypted) token', request: () => api('/api/v2/clients', 'Bearer a.b.c.d.e'), status: 401, body: unauthorized('Invalid token') },
  { name: 'a header that is not JSON', request: () => api('/api/v2/clients', `Bearer ${b64url('not json')}.${b64url('{}')}.sig`), status: 401, body: unauthorized('Invalid token') },
  { name: 'a 20,000-character token', request: () => api('/api/v2/clients', `Bearer ${'a'.repeat(20_000)}.b.c`), status: 401, body: unauthorized('Invalid token') },
  { name: 'an unsigned token (alg none)', request: () => api('/api/v2/clients', `Bearer ${new UnsecuredJWT({ iss: tenant.issuer, aud: tenant.managementAudience, scope: 'read:clients' }).encode()}`), status: 401, body: unauthorized('Invalid token') },
  { name: 'alg "NONE" in capitals', request: () => api('/api/v2/clients', `Bearer ${b64url('{"alg":"NONE"}')}.${b64url('{"scope":"read:clients"}')}.`), status: 401, body: unauthorized('Invalid token') },
  {
    name: 'HS256 signed with the RSA public key',
    request: async () => {
      const pem = await exportSPKI(tenant.signingKey.publicKey);
      const forged = await new SignJWT({ iss: tenant.issuer, aud: tenant.managementAudience, exp: START_SECONDS + 60, scope: 'read:clients' }).setProtectedHeader({ alg: 'HS256', kid: tenant.signingKey.kid }).sign(new TextEncoder().encode(pem));
      return api('/api/v2/clients', `Bearer ${forged}`);
    },
    status: 401,
    body: INVALID_SIGNATURE,
  },
  { name: 'an ES256 token', request: async () => { const { privateKey } = await generateKeyPair('ES256'); return api('/api/v2/clients', `Bearer ${await new SignJWT({ scope: 'read:clients' }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey)}`); }, status: 401, body: INVALID_SIGNATURE },
  { name: 'a token with a swapped payload', request: () => { const [h, , s] = token.split('.'); return api('/api/v2/clients', `Bearer ${h}.${b64url('{"scope":"delete:clients"}')}.${s}`); }, status: 401, body: INVALID_SIGNATURE },
  { name: 'a token with an unknown kid', request: async () => api('/api/v2/clients', `Bearer ${await signed({}, { kid: 'rotated-away' })}`), status: 401, body: INVALID_SIGNATURE },
  { name: 'an expired token', request: () => { tenant.clock.advance(86_400); return api('/api/v2/clients', `Bearer ${token}`); }, status: 401, body: unauthorized('Expired token received for JSON Web Token validation') },
  { name: 'a token valid only from next minute', request: async () => api('/api/v2/clients', `Bearer ${await signed({ nbf: START_SECONDS + 60 })}`), status: 401, body: unauthorized('Not yet valid token received for JSON Web Token validation') },
  { name: 'a token for two other audiences', request: async () => api('/api/v2/clients', `Bearer ${await signed({ aud: ['https://a.test/', 'https://b.test/'] })}`), status: 401, body: unauthorized('Bad audience: https://a.test/ https://b.test/') },
  { name: 'a token from another issuer', request: async () => api('/api/v2/clients', `Bearer ${await signed({ iss: 'https://acme.auth0.com/' })}`), status: 401, body: unauthorized('Bad issuer: https://acme.auth0.com/') },
  { name: 'a token with a string exp', request: async () => api('/api/v2/clients', `Bearer ${await signed({ exp: 'tomorrow' as never })}`), status: 401, body: unauthorized('Invalid token') },
  // Management API: payloads and routes
  { name: 'broken JSON to POST /clients', request: async () => api('/api/v2/clients', `Bearer ${await signed({ scope: 'create:clients' })}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":' }), status: 400, body: mgmt(400, 'Bad Request', 'Invalid request payload JSON format') },
  { name: 'a form body to POST /clients', request: async () => api('/api/v2/clients', `Bearer ${await signed({ scope: 'create:clients' })}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=x' }), status: 415, body: mgmt(415, 'Unsupported Media Type', 'Unsupported Media Type') },
  { name: 'an oversized POST /clients', request: async () => api('/api/v2/clients', `Bearer ${await signed({ scope: 'create:clients' })}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x'.repeat(70_000) }) }), status: 413, body: mgmt(413, 'Request Entity Too Large', 'Payload content length greater than maximum allowed: 65536') },
  { name: 'null to POST /clients', request: async () => api('/api/v2/clients', `Bearer ${await signed({ scope: 'create:clients' })}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'null' }), status: 400, body: mgmt(400, 'Bad Request', "Payload validation error: 'Expected type object but found type null'.", { errorCode: 'invalid_body' }) },
  { name: 'per_page=0', request: () => api('/api/v2/clients?per_page=0', `Bearer ${token}`), status: 400, body: mgmt(400, 'Bad Request', "Query validation error: 'Value 0 is less than minimum 1' on property per_page (Number of results per page. Defaults to 50).", { errorCode: 'invalid_query_string' }) },
  { name: 'page=-1', request: () => api('/api/v2/clients?page=-1', `Bearer ${token}`), status: 400, body: mgmt(400, 'Bad Request', "Query validation error: 'Value -1 is less than minimum 0' on property page (Page index of the results to return. First page is 0.).", { errorCode: 'invalid_query_string' }) },
  { name: 'an unknown Management API route', request: () => api('/api/v2/no-such-route', `Bearer ${token}`), status: 404, body: NOT_FOUND },
  { name: 'PUT on /api/v2/clients', request: () => api('/api/v2/clients', `Bearer ${token}`, { method: 'PUT' }), status: 404, body: NOT_FOUND },
  { name: 'a trailing slash on /api/v2/clients/', request: () => api('/api/v2/clients/', `Bearer ${token}`), status: 404, body: NOT_FOUND },
  { name: 'the bare /api/v2', request: () => api('/api/v2', null), status: 404, body: NOT_FOUND },
  { name: 'a path outside the tenant API', request: () => api('/userinfo', null), status: 404, body: NOT_FOUND },
];

describe('bad and hostile requests get exact Auth0-shaped answers', () => {
  it('has at least 40 rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
  });

  for (const row of ROWS) {
    it(`answers ${row.status} to ${row.name}`, async () => {
      const response = await handleTenantRequest(tenant, await row.request());
      expect(response.status).toBe(row.status);
      expect(await response.json()).toEqual(row.body);
    });
  }
});

describe('handleTenantRequest', () => {
  it('routes by path, whatever the host', async () => {
    const response = await handleTenantRequest(tenant, new Request(`http://localhost:9999/api/v2/clients/${tenant.seeded.reporting.client_id}`, { headers: { authorization: `Bearer ${token}` } }));
    expect(response.status).toBe(200);
  });

  it('answers HEAD like GET without a body, as hapi does', async () => {
    const authorized = await handleTenantRequest(tenant, api(`/api/v2/clients/${tenant.seeded.reporting.client_id}`, `Bearer ${token}`, { method: 'HEAD' }));
    expect(authorized.status).toBe(200);
    expect(await authorized.text()).toBe('');
    const anonymous = await handleTenantRequest(tenant, api('/api/v2/clients', null, { method: 'HEAD' }));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('serves the JWKS with the signing key and no private members', async () => {
    const response = await handleTenantRequest(tenant, new Request(`${ORIGIN}/.well-known/jwks.json`));
    expect(response.status).toBe(200);
    const { keys } = await response.json();
    expect(keys).toHaveLength(1);
    expect(Object.keys(keys[0]).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: tenant.signingKey.kid });
    expect(response.headers.get('cache-control')).toBe('public, max-age=15');
    expect(response.headers.get('x-ratelimit-limit')).toBe('20');
  });

  it('rate limits the JWKS like a free tenant (burst 20, 20 a second), so a verifier that never caches sees a 429', async () => {
    const jwks = () => handleTenantRequest(tenant, new Request(`${ORIGIN}/.well-known/jwks.json`));
    for (let index = 0; index < 20; index += 1) expect((await jwks()).status).toBe(200);
    const limited = await jwks();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: 'too_many_requests', error_description: 'Too many requests. Check the X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset headers.' });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    // The JWKS has its own bucket: tokens and API calls are unaffected.
    expect((await handleTenantRequest(tenant, api('/api/v2/clients', `Bearer ${token}`))).status).toBe(200);
    tenant.clock.advance(0.05);
    expect((await jwks()).status).toBe(200);
  });

  it('keeps serving the JWKS while the rate-limited drill refuses tokens and API calls', async () => {
    tenant.drills.set({ rateLimited: true });
    expect((await handleTenantRequest(tenant, new Request(`${ORIGIN}/.well-known/jwks.json`))).status).toBe(200);
    expect((await handleTenantRequest(tenant, tokenRequest(JSON.stringify(credentials())))).status).toBe(429);
  });

  it('serves the OIDC discovery document, whose token endpoint and JWKS URI are the ones the tenant answers', async () => {
    const response = await handleTenantRequest(tenant, new Request(`${ORIGIN}/.well-known/openid-configuration`));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-limit')).toBeNull();
    const document = await response.json();
    expect(document).toMatchObject({
      issuer: 'https://acme.auth0.test/',
      token_endpoint: 'https://acme.auth0.test/oauth/token',
      jwks_uri: 'https://acme.auth0.test/.well-known/jwks.json',
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
      subject_types_supported: ['public'],
    });
    expect(document.issuer).toBe(tenant.issuer);
    const keys = await handleTenantRequest(tenant, new Request(new URL(new URL(document.jwks_uri).pathname, ORIGIN)));
    expect((await keys.json()).keys[0].kid).toBe(tenant.signingKey.kid);
  });

  it('answers a POST to the discovery document with an Auth0-shaped 404', async () => {
    const response = await handleTenantRequest(tenant, new Request(`${ORIGIN}/.well-known/openid-configuration`, { method: 'POST' }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not Found' });
  });

  it('adds no CORS headers to a request without an Origin, as a server-to-server call gets none', async () => {
    const preflight = await handleTenantRequest(tenant, new Request(`${ORIGIN}/oauth/token`, { method: 'OPTIONS' }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const response = await handleTenantRequest(tenant, api('/api/v2/clients', null));
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends x-ratelimit headers on every Management API answer, errors included', async () => {
    const response = await handleTenantRequest(tenant, api('/api/v2/nothing', null));
    expect(response.headers.get('x-ratelimit-limit')).toBe('50');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('49');
  });

  it('answers 429 after the Management API burst until tenant time moves on', async () => {
    for (let index = 0; index < 50; index += 1) await handleTenantRequest(tenant, api('/api/v2/clients', `Bearer ${token}`));
    const limited = await handleTenantRequest(tenant, api('/api/v2/clients', `Bearer ${token}`));
    expect(limited.status).toBe(429);
    expect((await limited.json()).message).toBe('Global limit has been reached');
    tenant.clock.advance(0.1);
    expect((await handleTenantRequest(tenant, api('/api/v2/clients', `Bearer ${token}`))).status).toBe(200);
  });
});
