import { describe, expect, it } from 'vitest';
import { SEEDED_CREDENTIALS } from './seed.ts';
import { START_SECONDS, useTenantServer } from './hosts/testing.ts';
import {
  AUDIENCE, basic, BODY_LIMIT, itAnswersEachRow, json, NOT_FOUND, oversized, type BadRequest, type Row,
} from './bad-input-test-support.ts';

/*
 * Malformed and hostile requests to POST /oauth/token (the Authentication API), each with the
 * exact status and JSON body the tenant must answer. Expected texts come from the reference where
 * it has them and from `assumptions.ts` where it does not.
 */

const { reporting, noGrant, noClientCredentials } = SEEDED_CREDENTIALS;

const form = (pairs: ReadonlyArray<readonly [string, string]>): string => new URLSearchParams(pairs.map(([k, v]) => [k, v])).toString();

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

const authError = (error: string, description: string) => ({ error, error_description: description });
const invalidRequest = (description: string) => authError('invalid_request', description);

const NOT_JSON_OBJECT = invalidRequest('Request body must be a JSON object.');
const WRONG_CONTENT_TYPE = invalidRequest('Content-Type must be application/json or application/x-www-form-urlencoded.');
const TOKEN_HEADERS = { 'cache-control': 'no-store', pragma: 'no-cache', 'x-ratelimit-limit': '30', 'x-ratelimit-remaining': '29' };

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
  { name: 'refuses a client assertion that is not a JWT with 401 invalid_client', request: tokenRequest(json({ ...without('client_secret'), client_assertion: 'a.b.c', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' })), status: 401, body: authError('invalid_client', 'The client_assertion is not a signed JWT.') },
  { name: 'refuses a client_assertion_type without its client_assertion', request: tokenRequest(json({ ...without('client_secret'), client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' })), status: 400, body: invalidRequest('Missing required parameter: client_assertion') },
  { name: 'refuses a client_assertion without its client_assertion_type', request: tokenRequest(json({ ...without('client_secret'), client_assertion: 'a.b.c' })), status: 400, body: invalidRequest('Missing required parameter: client_assertion_type') },
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
];

const tenant = useTenantServer();

describe('the bad-input table of the token endpoint', () => {
  it('has at least 40 rows, each with a distinct sentence as its name', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ROWS.map((row) => row.name)).size).toBe(ROWS.length);
  });
});

describe('malformed and hostile token requests', () => {
  itAnswersEachRow(ROWS, tenant, () => undefined);
});
