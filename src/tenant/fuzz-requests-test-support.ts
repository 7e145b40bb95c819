import fc from 'fast-check';
import { SEEDED_CREDENTIALS, SEEDED_GLOBAL_CLIENT } from './seed.ts';
import type { Tenant } from './tenant.ts';
import {
  AUDIENCE, bakeAuthorization, claimValue, headerText, ORIGIN,
  type AuthorizationRecipe, type Fixture,
} from './fuzz-credentials-test-support.ts';

/*
 * The fuzz generators for whole requests (fuzz.test.ts runs them): methods, paths, ids, query
 * strings, bodies from random bytes to nearly right token requests, Origin headers, and the
 * well-formed Management API calls that reach the routes' own checks (201, 204, 409, 413…).
 * `bakeRequest` turns a recipe into what `fetch` or `handleTenantRequest` takes.
 */

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
export const nearlyRightTokenBody: fc.Arbitrary<BodyRecipe> = fc
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

export const bodyArb: fc.Arbitrary<BodyRecipe> = fc.oneof(
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
export const queryArb = fc.oneof(
  fc.constant(''),
  fc.array(fc.tuple(fc.oneof(fc.constantFrom('page', 'per_page', 'include_totals', 'fields', 'include_fields', 'audience', 'client_id', 'take', 'from', 'q', 'search_engine', 'email', 'is_global', 'app_type', 'is_first_party', 'client_ids', 'aud', 'sort'), fc.string({ maxLength: 8 })), fc.oneof(fc.constantFrom('0', '1', '2', '50', '100', '101', '-1', '1e3', 'true', 'false', 'name,client_secret', '', 'email:"ada.sandbox@customers.example"', 'v3', 'spa,non_interactive', 'ada.sandbox@customers.example'), fc.string({ unit: 'binary', maxLength: 12 }))), { maxLength: 4 })
    .map((pairs) => `?${new URLSearchParams(pairs).toString()}`),
  fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).map((raw) => `?${raw}`),
);
export const methodArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE') },
  { weight: 2, arbitrary: fc.constantFrom('PUT', 'OPTIONS', 'HEAD', 'patch', 'get', 'post', 'delete') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z]{1,8}$/).filter((method) => !['CONNECT', 'TRACE', 'TRACK'].includes(method.toUpperCase())) },
);
export const apiPathArb = fc.oneof(
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
export const coherentApiArb = fc.oneof(
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

export interface RequestRecipe {
  method: string;
  path: string;
  query: string;
  authorization: AuthorizationRecipe;
  body: BodyRecipe;
  /** A browser's Origin header, so the CORS decision runs too (it reads token bodies a second time). */
  origin?: string | undefined;
}

export const originArb = fc.option(
  fc.oneof(fc.constantFrom('https://portal.acme.auth0.test', 'https://attacker.example', 'null', 'http://localhost:4321'), headerText(40)),
  { nil: undefined, freq: 2 },
);

// `Headers` takes control characters, but undici's fetch refuses them before msw sees the request.
const wireSafe = (value: string) => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

export async function bakeRequest(recipe: RequestRecipe, fixture: Fixture, tenant: Tenant, options: { forFetch?: boolean } = {}): Promise<{ method: string; url: URL; init: RequestInit }> {
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
