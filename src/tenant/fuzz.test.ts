import fc from 'fast-check';
import { SignJWT, type JWTPayload } from 'jose';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTenant } from './create-tenant.ts';
import { handleTenantRequest } from './handle-request.ts';
import { legacySigningKey } from './legacy-token.ts';
import { MANAGEMENT_ROUTES } from './management-api.ts';
import { displayRoutePath } from './management-route.ts';
import { tenantHandlers } from './msw-handlers.ts';
import { restoreTenant } from './restore-tenant.ts';
import { SEEDED_CREDENTIALS, SEEDED_GLOBAL_CLIENT } from './seed.ts';
import type { Tenant } from './tenant.ts';
import type { TenantSnapshot } from './tenant-snapshot.ts';
import { START } from './hosts/testing.ts';

/*
 * Property-based fuzzing of /oauth/token and /api/v2/* with fast-check. Beyond "JSON, never a
 * 5xx" it checks that each error body has the shape of its route family (Authentication API
 * `{error, error_description}` vs Management API `{statusCode, error, message}`, statusCode equal
 * to the HTTP status) and that a 429 never comes without its x-ratelimit-* headers.
 *
 * The seed is fixed so CI runs are reproducible; set FUZZ_SEED to explore others. On a failure
 * fast-check prints the seed and the shrunk counterexample.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_129);
// Two properties of RUNS random requests and one of RUNS / 2 through the real fetch: 10,000 in all,
// before the rate-limit property's own sequences.
const RUNS = 4_000;
const ORIGIN = 'https://acme.auth0.test';
const AUDIENCE = `${ORIGIN}/api/v2/`;
// Far above what a run sends, so requests reach the real logic; each property restores a snapshot of it.
const GENEROUS = { limit: 1_000_000, perSecond: 1_000_000 };

// ─── the response checker ────────────────────────────────────────────────────────────────────

type Family = 'auth' | 'management' | 'jwks' | 'preflight';

/** Which kind of answer a request must get, from its method and path alone. */
function familyOf(method: string, path: string): Family {
  const upper = method.toUpperCase();
  if (upper === 'OPTIONS') return 'preflight';
  if (path === '/oauth/token' && upper === 'POST') return 'auth';
  if (path === '/.well-known/jwks.json' && (upper === 'GET' || upper === 'HEAD')) return 'jwks';
  return 'management';
}

const RATE_LIMIT_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];
const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
  413: 'Request Entity Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests',
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const onlyKeys = (value: Record<string, unknown>, allowed: readonly string[]) => Object.keys(value).every((key) => allowed.includes(key));

/** Statuses seen, by route family, so a degenerate generator (only 404s, say) cannot pass. */
const seen = new Map<Family, Set<number>>();
/** Statuses seen per Management API route (`GET /api/v2/users/{id}`), so every route is reached. */
const seenByRoute = new Map<string, Set<number>>();

function routeLabel(method: string, path: string): string | undefined {
  const route = MANAGEMENT_ROUTES.find((candidate) => candidate.method === method.toUpperCase() && candidate.pattern.test(path));
  return route === undefined ? undefined : `${route.method} ${displayRoutePath(route.pattern)}`;
}

/** Throws (so fast-check shrinks) when `response` is not what the route family promises. */
async function checkResponse(method: string, url: URL, response: Response): Promise<void> {
  const family = familyOf(method, url.pathname);
  seen.set(family, (seen.get(family) ?? new Set()).add(response.status));
  const label = routeLabel(method, url.pathname);
  if (label !== undefined) seenByRoute.set(label, (seenByRoute.get(label) ?? new Set()).add(response.status));
  const where = `${method} ${url.pathname} → ${response.status}`;
  expect(response.status, where).toBeLessThan(500);
  const text = await response.text();
  if (response.status === 204) {
    expect(text, where).toBe('');
    const upper = method.toUpperCase();
    const emptyAllowed = family === 'preflight'
      || (upper === 'DELETE' && /^\/api\/v2\/(client-grants|clients)\/[^/]+$/.test(url.pathname))
      || (upper === 'POST' && url.pathname === '/api/v2/blacklists/tokens');
    expect(emptyAllowed, `${where}: 204 where the spec has none`).toBe(true);
    return;
  }
  expect(family, `${where}: a preflight must be an empty 204`).not.toBe('preflight');
  expect(response.headers.get('content-type'), where).toBe('application/json; charset=utf-8');
  const rateLimited = family === 'auth' || family === 'jwks' || url.pathname === '/api/v2' || url.pathname.startsWith('/api/v2/');
  for (const name of RATE_LIMIT_HEADERS) {
    expect(response.headers.has(name), `${where}: ${name}`).toBe(rateLimited);
    if (rateLimited) expect(response.headers.get(name), `${where}: ${name}`).toMatch(/^\d+$/);
  }
  if (response.status === 429) expect(rateLimited, `${where}: a 429 outside the rate-limited routes`).toBe(true);
  // A HEAD answer carries the headers of the JSON it would send; fetch drops its body.
  if (method.toUpperCase() === 'HEAD' && text === '') return;
  const body: unknown = JSON.parse(text);

  if (family === 'jwks' && response.status === 429) {
    expect(body, where).toEqual({ error: 'too_many_requests', error_description: expect.any(String) });
  } else if (family === 'jwks') {
    expect(response.status).toBe(200);
    expect(isObject(body) && Array.isArray(body.keys)).toBe(true);
  } else if (family === 'auth') {
    expect(response.headers.get('cache-control'), where).toBe('no-store');
    if (response.status === 200) {
      expect(body, where).toEqual({ access_token: expect.stringMatching(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/), scope: expect.any(String), expires_in: 86_400, token_type: 'Bearer' });
    } else {
      expect([400, 401, 403, 413, 429], where).toContain(response.status);
      expect(isObject(body) && onlyKeys(body, ['error', 'error_description', 'error_uri']), `${where}: ${text}`).toBe(true);
      expect(body, where).toMatchObject({ error: expect.any(String), error_description: expect.any(String) });
    }
  } else if (response.status >= 400) {
    expect(isObject(body) && onlyKeys(body, ['statusCode', 'error', 'message', 'errorCode', 'attributes']), `${where}: ${text}`).toBe(true);
    expect(body, where).toMatchObject({ statusCode: response.status, error: REASONS[response.status], message: expect.any(String) });
    const { attributes, errorCode } = body as { attributes?: unknown; errorCode?: unknown; message: string };
    if (attributes !== undefined) expect(attributes, where).toEqual({ error: (body as { message: string }).message });
    if (errorCode !== undefined) expect(typeof errorCode, where).toBe('string');
    if (response.status === 401) expect(response.headers.get('www-authenticate'), where).toMatch(/^Bearer/);
  } else {
    expect([200, 201], where).toContain(response.status);
    expect(typeof body === 'object' && body !== null, where).toBe(true);
  }
}

// ─── generators ──────────────────────────────────────────────────────────────────────────────

/** Header values: any Latin-1 text except the three characters `Headers` itself refuses. */
const headerText = (maxLength = 80) => fc.string({ unit: 'binary-ascii', maxLength }).map((text) => text.replace(/[\0\r\n]/g, ' '));
const b64url = (text: string) => Buffer.from(text).toString('base64url');
const base64urlSegment = fc.uint8Array({ maxLength: 96 }).map((bytes) => Buffer.from(bytes).toString('base64url'));

interface Fixture {
  tenant: Tenant;
  snapshot: TenantSnapshot;
  reporting: string;
  explorer: string;
  kid: string;
}

const claimValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.integer({ min: -1e10, max: 1e11 }), fc.string({ maxLength: 30 }));
const claimsArb = fc.record(
  {
    iss: fc.oneof(fc.constant(`${ORIGIN}/`), claimValue),
    aud: fc.oneof(fc.constant(AUDIENCE), fc.constant([AUDIENCE, 'x']), fc.constant(SEEDED_CREDENTIALS.explorer.client_id), claimValue),
    iat: fc.oneof(fc.integer({ min: START.getTime() / 1000 - 200_000, max: START.getTime() / 1000 + 200_000 }), claimValue),
    exp: fc.oneof(fc.integer({ min: START.getTime() / 1000 - 200_000, max: START.getTime() / 1000 + 200_000 }), claimValue),
    nbf: fc.oneof(fc.integer({ min: START.getTime() / 1000 - 200_000, max: START.getTime() / 1000 + 200_000 }), claimValue),
    scope: fc.oneof(fc.constantFrom('read:clients', 'create:client_grants delete:client_grants', ''), claimValue),
    sub: claimValue,
  },
  { requiredKeys: [] },
);
const protectedHeaderArb = fc.record(
  {
    alg: fc.oneof(fc.constantFrom('RS256', 'HS256', 'none', 'NONE', 'ES256', 'RS512', 'PS256', ''), claimValue),
    kid: fc.oneof(fc.constant('TENANT_KID'), claimValue),
    typ: fc.constantFrom('JWT', 'at+jwt'),
    crit: fc.constant(['b64']),
    b64: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** How a token is derived; turned into a string with the fixture's real tokens and keys. */
type TokenRecipe =
  | { kind: 'real'; role: 'reporting' | 'explorer' }
  | { kind: 'mutated'; role: 'reporting' | 'explorer'; at: number; op: 'flip' | 'drop' | 'insert' | 'truncate' | 'swap'; char: string }
  | { kind: 'shaped'; header: Record<string, unknown> | string; payload: Record<string, unknown> | string; signature: string }
  | { kind: 'signed'; alg: 'RS256' | 'HS256'; kidIsTenant: boolean; claims: Record<string, unknown> };

const tokenRecipe: fc.Arbitrary<TokenRecipe> = fc.oneof(
  fc.record({ kind: fc.constant('real' as const), role: fc.constantFrom('reporting' as const, 'explorer' as const) }),
  fc.record({
    kind: fc.constant('mutated' as const),
    role: fc.constantFrom('reporting' as const, 'explorer' as const),
    at: fc.nat(),
    op: fc.constantFrom('flip' as const, 'drop' as const, 'insert' as const, 'truncate' as const, 'swap' as const),
    char: fc.constantFrom('A', '.', '-', '_', '=', '+', '/', ' ', '%', 'é'),
  }),
  fc.record({
    kind: fc.constant('shaped' as const),
    header: fc.oneof(protectedHeaderArb, base64urlSegment),
    payload: fc.oneof(claimsArb, base64urlSegment),
    signature: base64urlSegment,
  }),
  fc.record({ kind: fc.constant('signed' as const), alg: fc.constantFrom('RS256' as const, 'HS256' as const), kidIsTenant: fc.boolean(), claims: claimsArb }),
);

async function bakeToken(recipe: TokenRecipe, fixture: Fixture, tenant: Tenant): Promise<string> {
  switch (recipe.kind) {
    case 'real':
      return fixture[recipe.role];
    case 'mutated': {
      const token = fixture[recipe.role];
      const at = recipe.at % token.length;
      if (recipe.op === 'flip') return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
      if (recipe.op === 'drop') return token.slice(0, at) + token.slice(at + 1);
      if (recipe.op === 'insert') return token.slice(0, at) + recipe.char + token.slice(at);
      if (recipe.op === 'truncate') return token.slice(0, at);
      const [header, payload, signature] = token.split('.');
      return `${payload}.${header}.${signature}`;
    }
    case 'shaped': {
      const encode = (part: Record<string, unknown> | string) => (typeof part === 'string' ? part : b64url(JSON.stringify(part).replace('"TENANT_KID"', JSON.stringify(fixture.kid))));
      return `${encode(recipe.header)}.${encode(recipe.payload)}.${recipe.signature}`;
    }
    case 'signed': {
      const header = { alg: recipe.alg, typ: 'JWT', ...(recipe.kidIsTenant ? { kid: fixture.kid } : {}) };
      const key = recipe.alg === 'RS256' ? tenant.signingKey.privateKey : legacySigningKey(tenant);
      // Mistyped claims on purpose: a validly signed token must not crash the claim checks either.
      return new SignJWT(recipe.claims as JWTPayload).setProtectedHeader(header).sign(key);
    }
  }
}

type AuthorizationRecipe =
  | { kind: 'none' }
  | { kind: 'raw'; value: string }
  | { kind: 'bearer'; scheme: string; token: TokenRecipe; extra: string }
  | { kind: 'basic'; text: string; encoded: boolean };

const authorizationArb: fc.Arbitrary<AuthorizationRecipe> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), value: headerText() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('bearer' as const), scheme: fc.constantFrom('Bearer', 'bearer', 'BEARER', 'Bearer ', 'Token', 'Bearer\t'), token: tokenRecipe, extra: fc.oneof({ weight: 5, arbitrary: fc.constant('') }, { weight: 1, arbitrary: headerText(10) }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('basic' as const), text: fc.oneof(fc.constant(`${SEEDED_CREDENTIALS.reporting.client_id}:${SEEDED_CREDENTIALS.reporting.client_secret}`), headerText(60)), encoded: fc.boolean() }) },
);

async function bakeAuthorization(recipe: AuthorizationRecipe, fixture: Fixture, tenant: Tenant): Promise<string | undefined> {
  switch (recipe.kind) {
    case 'none': return undefined;
    case 'raw': return recipe.value;
    case 'bearer': return `${recipe.scheme} ${await bakeToken(recipe.token, fixture, tenant)}${recipe.extra}`;
    case 'basic': return `Basic ${recipe.encoded ? Buffer.from(recipe.text, 'latin1').toString('base64') : recipe.text}`;
  }
}

const TOKEN_PARAMETERS = ['grant_type', 'client_id', 'client_secret', 'audience', 'scope', 'organization', 'client_assertion', 'client_assertion_type'];
const roleCredentials = Object.values(SEEDED_CREDENTIALS);
const parameterValue = fc.oneof(
  fc.constantFrom('client_credentials', AUDIENCE, 'read:clients', 'read:clients delete:clients', '', ...roleCredentials.flatMap((c) => [c.client_id, c.client_secret])),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const tokenParams = fc.dictionary(fc.oneof(fc.constantFrom(...TOKEN_PARAMETERS), fc.string({ maxLength: 10 })), fc.oneof({ weight: 4, arbitrary: parameterValue }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }), { maxKeys: 7 });
const formPairs = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...TOKEN_PARAMETERS), fc.string({ maxLength: 10 })), parameterValue), { maxLength: 8 });

type BodyRecipe = { contentType: string | undefined; payload: string | Uint8Array<ArrayBuffer> } | undefined;

const contentTypeArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'application/json; charset=utf-8', 'APPLICATION/JSON') },
  { weight: 2, arbitrary: fc.constantFrom(undefined, '', 'text/plain', 'multipart/form-data; boundary=x', 'application/jwt', ';') },
  { weight: 1, arbitrary: headerText(40) },
);

const appPayload = fc.record({ name: fc.string({ maxLength: 130 }), app_type: fc.constantFrom('non_interactive', 'spa', 'robot'), grant_types: fc.subarray(['client_credentials', 'password', 'nope']) }, { requiredKeys: [] }).map((app) => JSON.stringify(app));
const grantPayload = fc.record({ client_id: fc.constantFrom(...roleCredentials.map((c) => c.client_id), 'nobody'), audience: fc.constantFrom(AUDIENCE, 'https://x.test/'), scope: fc.oneof(fc.subarray(['read:clients', 'read:users', 'create:clients', 'read:nothing']), claimValue) }, { requiredKeys: [] }).map((grant) => JSON.stringify(grant));
const oversizedPayload = fc.constantFrom('x'.repeat(70_000), `{"name":"${'y'.repeat(66_000)}"}`);

/**
 * Nearly right token requests: a seeded application's own credentials with a random scope and at
 * most one parameter dropped or replaced, so the grant, scope and audience checks get reached.
 */
const nearlyRightTokenBody: fc.Arbitrary<BodyRecipe> = fc
  .record({
    role: fc.constantFrom(...roleCredentials),
    scope: fc.option(fc.subarray(['read:clients', 'read:client_keys', 'read:users', 'create:clients', 'read:client_grants']).map((list) => list.join(' ')), { nil: undefined }),
    change: fc.option(fc.tuple(fc.constantFrom(...TOKEN_PARAMETERS), fc.option(parameterValue, { nil: undefined })), { nil: undefined }),
    asForm: fc.boolean(),
  })
  .map(({ role, scope, change, asForm }) => {
    const params: Record<string, string> = { grant_type: 'client_credentials', client_id: role.client_id, client_secret: role.client_secret, audience: AUDIENCE, ...(scope === undefined ? {} : { scope }) };
    if (change !== undefined) {
      const [name, value] = change;
      if (value === undefined) delete params[name];
      else params[name] = value;
    }
    return asForm
      ? { contentType: 'application/x-www-form-urlencoded', payload: new URLSearchParams(params).toString() }
      : { contentType: 'application/json', payload: JSON.stringify(params) };
  });

const bodyArb: fc.Arbitrary<BodyRecipe> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.record({ contentType: contentTypeArb, payload: tokenParams.map((params) => JSON.stringify(params)) }) },
  { weight: 3, arbitrary: fc.record({ contentType: contentTypeArb, payload: formPairs.map((pairs) => new URLSearchParams(pairs).toString()) }) },
  { weight: 2, arbitrary: fc.record({ contentType: contentTypeArb, payload: fc.json({ maxDepth: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ contentType: contentTypeArb, payload: fc.uint8Array({ maxLength: 300 }) }) },
  { weight: 2, arbitrary: fc.record({ contentType: contentTypeArb, payload: appPayload }) },
  { weight: 2, arbitrary: fc.record({ contentType: contentTypeArb, payload: grantPayload }) },
  { weight: 1, arbitrary: fc.record({ contentType: contentTypeArb, payload: oversizedPayload }) },
);

const USER_ID = 'auth0|6650a1b2c3d4e5f600000001';
const idArb = fc.oneof(
  fc.constantFrom(...roleCredentials.map((c) => c.client_id), 'cgr_sbxReporting000001', 'cgr_sbxApiExplorer0004', '%E0%A4%A', '..', '%2F', '%00', 'x'.repeat(3000)),
  fc.constantFrom(encodeURIComponent(USER_ID), USER_ID, 'auth0%7Cnobody', 'rs_sandbox_management_api', encodeURIComponent(AUDIENCE), SEEDED_GLOBAL_CLIENT.client_id),
  fc.string({ unit: 'binary', maxLength: 30 }).map(encodeURIComponent),
);
const queryArb = fc.oneof(
  fc.constant(''),
  fc.array(fc.tuple(fc.oneof(fc.constantFrom('page', 'per_page', 'include_totals', 'fields', 'include_fields', 'audience', 'client_id', 'take', 'from', 'q', 'search_engine', 'email', 'is_global', 'app_type', 'is_first_party', 'client_ids', 'aud', 'sort'), fc.string({ maxLength: 8 })), fc.oneof(fc.constantFrom('0', '1', '2', '50', '100', '101', '-1', '1e3', 'true', 'false', 'name,client_secret', '', 'email:"ada.sandbox@customers.example"', 'v3', 'spa,non_interactive', 'ada.sandbox@customers.example'), fc.string({ unit: 'binary', maxLength: 12 }))), { maxLength: 4 })
    .map((pairs) => `?${new URLSearchParams(pairs).toString()}`),
  fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).map((raw) => `?${raw}`),
);
const methodArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE') },
  { weight: 2, arbitrary: fc.constantFrom('PUT', 'OPTIONS', 'HEAD', 'patch', 'get', 'post', 'delete') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z]{1,8}$/).filter((method) => !['CONNECT', 'TRACE', 'TRACK'].includes(method.toUpperCase())) },
);
const apiPathArb = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(fc.constantFrom('/api/v2/clients', '/api/v2/client-grants', '/api/v2', '/api/v2/', '/api/v2/users', '/api/v2/clients/', '/api/v2/users-by-email', '/api/v2/resource-servers', '/api/v2/blacklists/tokens'), idArb.chain((id) => fc.constantFrom(`/api/v2/clients/${id}`, `/api/v2/clients/${id}/rotate-secret`, `/api/v2/client-grants/${id}`, `/api/v2/users/${id}`, `/api/v2/resource-servers/${id}`))) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((text) => `/api/v2/${encodeURIComponent(text).replace(/%2F/g, '/')}`) },
);

const asAdmin: fc.Arbitrary<AuthorizationRecipe> = fc.record({
  kind: fc.constant('bearer' as const),
  scheme: fc.constant('Bearer'),
  token: fc.record({ kind: fc.constant('real' as const), role: fc.constantFrom('explorer' as const, 'reporting' as const) }),
  extra: fc.constant(''),
});
const jsonBody = (payload: fc.Arbitrary<string>): fc.Arbitrary<BodyRecipe> => payload.map((text) => ({ contentType: 'application/json', payload: text }));
const grantId = fc.constantFrom('cgr_sbxReporting000001', 'cgr_sbxCustomerPortal3', 'cgr_sbxApiExplorer0004', 'cgr_nope');

const clientIdArb = fc.constantFrom(...roleCredentials.map((c) => c.client_id), SEEDED_GLOBAL_CLIENT.client_id, 'nobody');
const userIdArb = fc.constantFrom(encodeURIComponent(USER_ID), 'auth0%7C6650a1b2c3d4e5f600000002', 'auth0%7Cnobody', 'not-a-user-id');
const clientChanges = fc.record({
  name: fc.string({ maxLength: 130 }),
  app_type: fc.constantFrom('non_interactive', 'spa', 'native', 'robot'),
  grant_types: fc.subarray(['client_credentials', 'password', 'authorization_code', 'nope']),
  token_endpoint_auth_method: fc.constantFrom('none', 'client_secret_post', 'client_secret_basic'),
  client_secret: fc.oneof(fc.string({ maxLength: 40 }), fc.constant(SEEDED_GLOBAL_CLIENT.client_secret)),
  client_metadata: fc.oneof(fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 300 }), fc.constant(null)), { maxKeys: 12 }), claimValue),
}, { requiredKeys: [] }).map((body) => JSON.stringify(body));
const userChanges = fc.oneof(
  // What the route accepts: metadata merges (null removes a key) and the simple fields.
  { weight: 2, arbitrary: fc.record({
    app_metadata: fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }).filter((key) => !key.includes('.') && !key.startsWith('$')), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(null)), { maxKeys: 4 }),
    user_metadata: fc.dictionary(fc.constantFrom('locale', 'theme', 'newsletter'), fc.oneof(fc.string({ maxLength: 20 }), fc.boolean()), { maxKeys: 3 }),
    blocked: fc.boolean(),
    name: fc.string({ minLength: 1, maxLength: 100 }),
  }, { requiredKeys: ['user_metadata'] }) },
  // What it refuses: wrong types, over-long names, fields the sandbox does not store.
  { weight: 1, arbitrary: fc.record({
    app_metadata: claimValue,
    blocked: claimValue,
    name: fc.string({ minLength: 280, maxLength: 320 }),
    email: fc.constant('new@customers.example'),
  }, { requiredKeys: [] }) },
).map((body) => JSON.stringify(body));
const serverChanges = fc.oneof(
  { weight: 2, arbitrary: fc.record({ token_lifetime: fc.oneof(fc.integer({ min: 1, max: 2_592_000 }), fc.constantFrom(86_400, 2_592_000)) }) },
  { weight: 1, arbitrary: fc.record({
    token_lifetime: fc.oneof(fc.integer({ min: -10, max: 0 }), fc.constantFrom(2_592_001, 1.5), claimValue),
    name: fc.string({ maxLength: 20 }),
    skip_consent_for_verifiable_first_party_clients: fc.boolean(),
  }, { requiredKeys: [] }) },
).map((body) => JSON.stringify(body));
const denylistEntry = fc.record({ aud: fc.oneof(fc.constant(AUDIENCE), fc.constant(SEEDED_GLOBAL_CLIENT.client_id), claimValue), jti: fc.oneof(fc.string({ maxLength: 20 }), claimValue) }, { requiredKeys: [] }).map((body) => JSON.stringify(body));

/** Well-formed calls with a real token, so the routes' own checks (201, 204, 409, 413…) get reached. */
const coherentApiArb = fc.oneof(
  fc.record({ method: fc.constant('POST'), path: fc.constant('/api/v2/clients'), query: fc.constant(''), authorization: asAdmin, body: jsonBody(fc.oneof({ weight: 6, arbitrary: appPayload }, { weight: 1, arbitrary: oversizedPayload })) }),
  fc.record({ method: fc.constant('POST'), path: fc.constant('/api/v2/client-grants'), query: fc.constant(''), authorization: asAdmin, body: jsonBody(grantPayload) }),
  fc.record({ method: fc.constant('GET'), path: fc.constantFrom('/api/v2/users-by-email', '/api/v2/users'), query: fc.oneof(fc.constantFrom('ada.sandbox@customers.example', 'ADA.SANDBOX@customers.example', 'nobody@customers.example', ''), fc.string({ maxLength: 40 })).chain((email) => fc.constantFrom(`?email=${encodeURIComponent(email)}`, `?q=${encodeURIComponent(`email:"${email}"`)}&search_engine=v3`)), authorization: asAdmin, body: fc.constant(undefined) }),
  // A second grant for an app that has one: the 409, unless this run deleted the first.
  fc.record({ method: fc.constant('POST'), path: fc.constant('/api/v2/client-grants'), query: fc.constant(''), authorization: asAdmin, body: jsonBody(fc.constantFrom(...['reporting', 'explorer'].map((role) => JSON.stringify({ client_id: SEEDED_CREDENTIALS[role as 'reporting' | 'explorer'].client_id, audience: AUDIENCE, scope: ['read:clients'] })))) }),
  fc.record({ method: fc.constant('PATCH'), path: grantId.map((id) => `/api/v2/client-grants/${id}`), query: fc.constant(''), authorization: asAdmin, body: jsonBody(fc.record({ scope: fc.oneof(fc.subarray(['read:clients', 'read:users', 'read:nothing']), claimValue) }, { requiredKeys: [] }).map((body) => JSON.stringify(body))) }),
  fc.record({ method: fc.constant('DELETE'), path: grantId.map((id) => `/api/v2/client-grants/${id}`), query: fc.constant(''), authorization: asAdmin, body: fc.constant(undefined) }),
  fc.record({ method: fc.constantFrom('GET', 'POST'), path: idArb.map((id) => `/api/v2/clients/${id}`), query: queryArb, authorization: asAdmin, body: fc.constant(undefined) }),
  fc.record({ method: fc.constant('GET'), path: fc.constantFrom('/api/v2/clients', '/api/v2/client-grants', '/api/v2/users', '/api/v2/users-by-email', '/api/v2/resource-servers', '/api/v2/blacklists/tokens'), query: queryArb, authorization: asAdmin, body: fc.constant(undefined) }),
  // The routes added in issue 13, with bodies close to what they accept.
  fc.record({ method: fc.constant('PATCH'), path: clientIdArb.map((id) => `/api/v2/clients/${id}`), query: fc.constant(''), authorization: asAdmin, body: jsonBody(clientChanges) }),
  fc.record({ method: fc.constant('DELETE'), path: clientIdArb.map((id) => `/api/v2/clients/${id}`), query: fc.constant(''), authorization: asAdmin, body: fc.constant(undefined) }),
  fc.record({ method: fc.constant('POST'), path: clientIdArb.map((id) => `/api/v2/clients/${id}/rotate-secret`), query: fc.constant(''), authorization: asAdmin, body: fc.constant(undefined) }),
  fc.record({ method: fc.constant('GET'), path: fc.oneof(grantId, fc.constantFrom('rs_sandbox_management_api', encodeURIComponent(AUDIENCE))).map((id) => id.startsWith('cgr_') ? `/api/v2/client-grants/${id}` : `/api/v2/resource-servers/${id}`), query: fc.constant(''), authorization: asAdmin, body: fc.constant(undefined) }),
  fc.record({ method: fc.constantFrom('GET', 'PATCH'), path: userIdArb.map((id) => `/api/v2/users/${id}`), query: fc.constant(''), authorization: asAdmin, body: jsonBody(userChanges) }),
  fc.record({ method: fc.constant('PATCH'), path: fc.constantFrom('rs_sandbox_management_api', encodeURIComponent(AUDIENCE), 'rs_nope').map((id) => `/api/v2/resource-servers/${id}`), query: fc.constant(''), authorization: asAdmin, body: jsonBody(serverChanges) }),
  fc.record({ method: fc.constant('POST'), path: fc.constant('/api/v2/blacklists/tokens'), query: fc.constant(''), authorization: asAdmin, body: jsonBody(denylistEntry) }),
);

interface RequestRecipe {
  method: string;
  path: string;
  query: string;
  authorization: AuthorizationRecipe;
  body: BodyRecipe;
  /** A browser's Origin header, so the CORS decision runs too (it reads token bodies a second time). */
  origin?: string | undefined;
}

const originArb = fc.option(
  fc.oneof(fc.constantFrom('https://portal.acme.auth0.test', 'https://attacker.example', 'null', 'http://localhost:4321'), headerText(40)),
  { nil: undefined, freq: 2 },
);

// `Headers` takes control characters, but undici's fetch refuses them before msw sees the request.
const wireSafe = (value: string) => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

async function bakeRequest(recipe: RequestRecipe, fixture: Fixture, tenant: Tenant, options: { forFetch?: boolean } = {}): Promise<{ method: string; url: URL; init: RequestInit }> {
  const headers = new Headers();
  const header = (value: string) => (options.forFetch === true ? wireSafe(value) : value);
  const authorization = await bakeAuthorization(recipe.authorization, fixture, tenant);
  if (authorization !== undefined) headers.set('authorization', header(authorization));
  if (recipe.origin !== undefined) headers.set('origin', header(recipe.origin));
  const upper = recipe.method.toUpperCase();
  const canHaveBody = upper !== 'GET' && upper !== 'HEAD';
  if (canHaveBody && recipe.body !== undefined && recipe.body.contentType !== undefined) headers.set('content-type', header(recipe.body.contentType));
  const url = new URL(`${ORIGIN}${recipe.path}${recipe.query}`);
  return { method: recipe.method, url, init: { method: recipe.method, headers, ...(canHaveBody && recipe.body !== undefined ? { body: recipe.body.payload } : {}) } };
}

// ─── the properties ──────────────────────────────────────────────────────────────────────────

let fixture: Fixture;
let casesRun = 0;
/** Requests made from a generated recipe (the rate-limit property's fixed requests not included). */
let generatedRequests = 0;
const started = performance.now();
const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);

beforeAll(async () => {
  const tenant = await createTenant({ now: START, rateLimits: { token: GENEROUS, management: GENEROUS, jwks: GENEROUS } });
  const issue = async (role: 'reporting' | 'explorer') => {
    const { client_id, client_secret } = SEEDED_CREDENTIALS[role];
    const response = await handleTenantRequest(tenant, new Request(`${ORIGIN}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id, client_secret, audience: AUDIENCE }),
    }));
    return ((await response.json()) as { access_token: string }).access_token;
  };
  fixture = { tenant, snapshot: tenant.toJSON(), reporting: await issue('reporting'), explorer: await issue('explorer'), kid: tenant.signingKey.kid };
});

afterAll(() => {
  consoleError.mockRestore();
  console.info(`[tenant] fuzz statuses: ${JSON.stringify(Object.fromEntries([...seen].map(([family, statuses]) => [family, [...statuses].sort()])))}`);
  console.info(`[tenant] fuzz: ${generatedRequests} generated requests, ${casesRun} in all, in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${SEED})`);
});

/** A tenant of its own per property, so one property's mutations cannot mask another's findings. */
async function isolatedTenant(): Promise<Tenant> {
  const { tenant, restored, problem } = await restoreTenant(fixture.snapshot);
  if (!restored) throw new Error(`test set-up: ${problem}`);
  return tenant;
}

async function answer(tenant: Tenant, recipe: RequestRecipe): Promise<void> {
  const { method, url, init } = await bakeRequest(recipe, fixture, tenant);
  const response = await handleTenantRequest(tenant, new Request(url, init));
  casesRun += 1;
  generatedRequests += 1;
  await checkResponse(method, url, response);
  expect(consoleError).not.toHaveBeenCalled();
}

const parameters = (numRuns: number) => ({ numRuns, seed: SEED });

describe('fuzzing the mocked tenant with fast-check', () => {
  it('answers every random /oauth/token request with an Authentication API body and rate-limit headers', async () => {
    const tenant = await isolatedTenant();
    const recipe = fc.record({
      method: fc.oneof({ weight: 9, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: methodArb }),
      path: fc.constant('/oauth/token'),
      query: fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: queryArb }),
      authorization: fc.oneof({ weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) }, { weight: 2, arbitrary: authorizationArb }),
      body: fc.oneof(bodyArb, nearlyRightTokenBody),
      origin: originArb,
    });
    await fc.assert(fc.asyncProperty(recipe, (request) => answer(tenant, request)), parameters(RUNS));
  }, 60_000);

  it('answers every random /api/v2 request with a Management API body whose statusCode is the HTTP status', async () => {
    let tenant = await isolatedTenant();
    let sinceRestore = 0;
    const recipe = fc.oneof(coherentApiArb, fc.record({ method: methodArb, path: apiPathArb, query: queryArb, authorization: authorizationArb, body: bodyArb, origin: originArb }));
    await fc.assert(
      fc.asyncProperty(recipe, fc.boolean(), async (request, legacy) => {
        // Deletes and secret rotations wear the seed away; a fresh copy now and then keeps the
        // 200s, 204s and 409s reachable for the whole run.
        if (++sinceRestore > 150) {
          tenant = await isolatedTenant();
          sinceRestore = 0;
        }
        tenant.setLegacyMode(legacy);
        await answer(tenant, request);
      }),
      parameters(RUNS),
    );
  }, 60_000);

  it('answers any method on any path of the domain, through msw and the real fetch, without a 5xx', async () => {
    const tenant = await isolatedTenant();
    const server = setupServer(...tenantHandlers(tenant));
    server.listen({ onUnhandledFrame: 'error' });
    try {
      const pathArb = fc.oneof(
        fc.constantFrom('/oauth/token', '/.well-known/jwks.json', '/', '/oauth/token/', '/authorize', '/userinfo'),
        apiPathArb,
        fc.string({ unit: 'binary', maxLength: 40 }).map((text) => `/${encodeURIComponent(text).replace(/%2F/g, '/')}`),
      );
      // msw 3.0.5 in Node does not intercept fetch with a method outside Node's http.METHODS (a
      // lowercase 'patch', which fetch does not normalize, or 'FOO'): such a request goes to real
      // DNS despite onUnhandledFrame: 'error'. Those methods are fuzzed above, without the network.
      const wireMethod = fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS', 'HEAD', 'get', 'post', 'delete', 'PROPFIND');
      const recipe = fc.record({ method: wireMethod, path: pathArb, query: queryArb, authorization: authorizationArb, body: bodyArb });
      await fc.assert(
        fc.asyncProperty(recipe, async (request) => {
          const { method, url, init } = await bakeRequest(request, fixture, tenant, { forFetch: true });
          const response = await fetch(url, init);
          casesRun += 1;
          generatedRequests += 1;
          await checkResponse(method, url, response);
          expect(consoleError).not.toHaveBeenCalled();
        }),
        parameters(RUNS / 2),
      );
    } finally {
      server.close();
    }
  }, 60_000);

  it('only ever answers 429 with x-ratelimit-* headers, under the real limits, clock jumps and the rate-limited drill', async () => {
    const base = await createTenant({ now: START });
    const snapshot = base.toJSON();
    const step = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('request' as const), route: fc.constantFrom('token', 'api'), valid: fc.boolean() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), seconds: fc.double({ min: 0, max: 3, noNaN: true }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('drill' as const), on: fc.boolean() }) },
    );
    let saw429 = false;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 80 }), async (steps) => {
        const { tenant } = await restoreTenant(snapshot);
        for (const action of steps) {
          if (action.kind === 'advance') tenant.clock.advance(action.seconds);
          else if (action.kind === 'drill') tenant.drills.set({ rateLimited: action.on });
          else {
            const token = action.valid ? fixture.reporting : 'garbage';
            const request = action.route === 'token'
              ? new Request(`${ORIGIN}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials', client_id: SEEDED_CREDENTIALS.reporting.client_id, client_secret: action.valid ? SEEDED_CREDENTIALS.reporting.client_secret : 'wrong', audience: AUDIENCE }) })
              : new Request(`${ORIGIN}/api/v2/clients/${SEEDED_CREDENTIALS.reporting.client_id}`, { headers: { authorization: `Bearer ${token}` } });
            const url = new URL(request.url);
            const response = await handleTenantRequest(tenant, request);
            casesRun += 1;
            const limit = response.headers.get('x-ratelimit-limit');
            const remaining = Number(response.headers.get('x-ratelimit-remaining'));
            const reset = Number(response.headers.get('x-ratelimit-reset'));
            expect(limit).toBe(action.route === 'token' ? '30' : '50');
            expect(remaining).toBeGreaterThanOrEqual(0);
            expect(remaining).toBeLessThanOrEqual(Number(limit));
            expect(reset).toBeGreaterThanOrEqual(tenant.clock.nowSeconds());
            if (response.status === 429) {
              saw429 = true;
              expect(remaining).toBe(0);
            }
            if (tenant.drills.rateLimited) expect(response.status).toBe(429);
            await checkResponse(request.method, url, response);
          }
        }
        expect(consoleError).not.toHaveBeenCalled();
      }),
      parameters(RUNS / 8),
    );
    expect(saw429).toBe(true);
  }, 60_000);

  it('reached every status of both APIs, so the generators are not degenerate', () => {
    expect([...(seen.get('auth') ?? [])]).toEqual(expect.arrayContaining([200, 400, 401, 403, 413, 429]));
    expect([...(seen.get('management') ?? [])]).toEqual(expect.arrayContaining([200, 201, 204, 400, 401, 403, 404, 409, 413, 415, 429]));
    expect(generatedRequests).toBeGreaterThanOrEqual(10_000);
    // Every route answered at least once with success and at least once with a refusal.
    for (const route of MANAGEMENT_ROUTES) {
      const label = `${route.method} ${displayRoutePath(route.pattern)}`;
      const statuses = [...(seenByRoute.get(label) ?? [])];
      expect(statuses.some((status) => status < 300), `${label} never succeeded: ${statuses}`).toBe(true);
      expect(statuses.some((status) => status >= 400), `${label} was never refused: ${statuses}`).toBe(true);
    }
    expect(casesRun).toBeGreaterThan(generatedRequests);
  });
});
