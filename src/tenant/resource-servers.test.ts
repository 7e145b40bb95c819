import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { MANAGEMENT_API_SCOPES } from './management-scopes.ts';
import { callApi, requestToken, tokenFor, useTenantServer } from './hosts/testing.ts';
import { TenantError } from './tenant-error.ts';

const tenant = useTenantServer();

const explorerToken = () => tokenFor(tenant(), 'explorer');
const audience = () => tenant().managementAudience;
const byAudience = () => `/api/v2/resource-servers/${encodeURIComponent(audience())}`;

function managementApiBody(tokenLifetime = 86_400) {
  return {
    id: tenant().managementApi.id,
    name: 'Auth0 Management API',
    is_system: true,
    identifier: audience(),
    scopes: MANAGEMENT_API_SCOPES.map((scope) => ({ ...scope })),
    signing_alg: 'RS256',
    allow_offline_access: false,
    skip_consent_for_verifiable_first_party_clients: false,
    token_lifetime: tokenLifetime,
    token_lifetime_for_web: 7200,
  };
}

function patch(path: string, token: string | undefined, body: unknown): Promise<Response> {
  return callApi(tenant(), path, token, { method: 'PATCH', body: typeof body === 'string' ? body : JSON.stringify(body) });
}

function badBody(message: string) {
  return { statusCode: 400, error: 'Bad Request', message, errorCode: 'invalid_body' };
}

async function expectLifetimeUnchanged(): Promise<void> {
  expect(tenant().managementApi.token_lifetime).toBe(86_400);
  const token = await (await requestToken(tenant(), 'reporting')).json() as { expires_in: number };
  expect(token.expires_in).toBe(86_400);
}

describe('GET /api/v2/resource-servers', () => {
  it('lists the Management API as a system API whose identifier is the token audience', async () => {
    const response = await callApi(tenant(), '/api/v2/resource-servers', await explorerToken());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([managementApiBody()]);
  });

  it('wraps the page in {start, limit, total, resource_servers} with include_totals, as SDK v7 asks', async () => {
    const response = await callApi(tenant(), '/api/v2/resource-servers?page=0&per_page=50&include_totals=true', await explorerToken());
    expect(await response.json()).toEqual({ start: 0, limit: 50, total: 1, resource_servers: [managementApiBody()] });
    const second = await callApi(tenant(), '/api/v2/resource-servers?page=1&per_page=1&include_totals=true', await explorerToken());
    expect(await second.json()).toEqual({ start: 1, limit: 1, total: 1, resource_servers: [] });
  });

  it('filters by repeated identifiers', async () => {
    const token = await explorerToken();
    const hit = await callApi(tenant(), `/api/v2/resource-servers?identifiers=${encodeURIComponent(audience())}&identifiers=urn:other`, token);
    expect(await hit.json()).toEqual([managementApiBody()]);
    const miss = await callApi(tenant(), '/api/v2/resource-servers?identifiers=urn:other', token);
    expect(await miss.json()).toEqual([]);
  });

  it('refuses more than 10 identifiers and per_page above 100 with query validation errors', async () => {
    const token = await explorerToken();
    const eleven = Array.from({ length: 11 }, (_, index) => `identifiers=urn:api:${index}`).join('&');
    const many = await callApi(tenant(), `/api/v2/resource-servers?${eleven}`, token);
    expect(many.status).toBe(400);
    expect(await many.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: "Query validation error: 'Array is too long (11), maximum 10' on property identifiers.", errorCode: 'invalid_query_string' });
    const big = await callApi(tenant(), '/api/v2/resource-servers?per_page=101', token);
    expect(await big.json()).toMatchObject({ statusCode: 400, message: "Query validation error: 'Value 101 is greater than maximum 100' on property per_page (Number of results per page. Defaults to 50)." });
  });

  it('needs read:resource_servers and a token', async () => {
    const scoped = await callApi(tenant(), '/api/v2/resource-servers', await tokenFor(tenant(), 'reporting'));
    expect(scoped.status).toBe(403);
    expect(await scoped.json()).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Insufficient scope, expected any of: read:resource_servers', errorCode: 'insufficient_scope' });
    const anonymous = await callApi(tenant(), '/api/v2/resource-servers', undefined);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' });
  });
});

describe('GET /api/v2/resource-servers/{id}', () => {
  it('finds the Management API by its id and by its audience', async () => {
    const token = await explorerToken();
    const byId = await callApi(tenant(), `/api/v2/resource-servers/${tenant().managementApi.id}`, token);
    expect(await byId.json()).toEqual(managementApiBody());
    const byIdentifier = await callApi(tenant(), byAudience(), token);
    expect(byIdentifier.status).toBe(200);
    expect(await byIdentifier.json()).toEqual(managementApiBody());
  });

  it('answers 404 inexistent_resource_server for an unknown id', async () => {
    const response = await callApi(tenant(), '/api/v2/resource-servers/rs_nope', await explorerToken());
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'The resource server does not exist', errorCode: 'inexistent_resource_server' });
  });

  it('needs read:resource_servers', async () => {
    const response = await callApi(tenant(), byAudience(), await tokenFor(tenant(), 'explorer', 'update:resource_servers'));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Insufficient scope, expected any of: read:resource_servers', errorCode: 'insufficient_scope' });
  });
});

describe('PATCH /api/v2/resource-servers/{id} with token_lifetime', () => {
  it('changes the lifetime and answers 200 with the API', async () => {
    const response = await patch(byAudience(), await explorerToken(), { token_lifetime: 604_800 });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(managementApiBody(604_800));
    expect(tenant().managementApi.token_lifetime).toBe(604_800);
  });

  it('makes the next token follow it: expires_in and exp − iat, while an earlier token keeps its exp', async () => {
    const before = await tokenFor(tenant(), 'reporting');
    await patch(`/api/v2/resource-servers/${tenant().managementApi.id}`, await explorerToken(), { token_lifetime: 2_592_000 });
    const response = await requestToken(tenant(), 'reporting');
    const body = (await response.json()) as { access_token: string; expires_in: number };
    expect(body.expires_in).toBe(2_592_000);
    const claims = decodeJwt(body.access_token);
    expect(claims.exp! - claims.iat!).toBe(2_592_000);
    const old = decodeJwt(before);
    expect(old.exp! - old.iat!).toBe(86_400);
  });

  it('keeps a 30-day token working after 29 days, where a default one would have expired', async () => {
    await patch(byAudience(), await explorerToken(), { token_lifetime: 2_592_000 });
    const token = await tokenFor(tenant(), 'reporting');
    tenant().clock.advance(29 * 86_400);
    expect((await callApi(tenant(), '/api/v2/clients', token)).status).toBe(200);
  });

  it('refuses more than 2,592,000 seconds (30 days) and changes nothing', async () => {
    const response = await patch(byAudience(), await explorerToken(), { token_lifetime: 2_592_001 });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(badBody("Payload validation error: 'Value 2592001 is greater than maximum 2592000' on property token_lifetime."));
    await expectLifetimeUnchanged();
  });

  it('refuses zero, fractions, strings and null', async () => {
    const token = await explorerToken();
    const cases: Array<[unknown, string]> = [
      [0, "Payload validation error: 'Value 0 is less than minimum 1' on property token_lifetime."],
      [3600.5, "Payload validation error: 'Expected type integer but found type number' on property token_lifetime."],
      ['3600', "Payload validation error: 'Expected type integer but found type string' on property token_lifetime."],
      [null, "Payload validation error: 'Expected type integer but found type null' on property token_lifetime."],
    ];
    for (const [value, message] of cases) {
      const response = await patch(byAudience(), token, { token_lifetime: value });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual(badBody(message));
    }
    await expectLifetimeUnchanged();
  });

  it('refuses the Management API\'s immutable settings the way Auth0 does, naming each one', async () => {
    const response = await patch(byAudience(), await explorerToken(), { token_lifetime: 3600, name: 'Mine', scopes: [] });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(badBody("Payload validation error: 'Additional properties not allowed: name,scopes'."));
    await expectLifetimeUnchanged();
  });

  it('stores skip_consent_for_verifiable_first_party_clients, the other setting Auth0 lets a system API change', async () => {
    const response = await patch(byAudience(), await explorerToken(), { skip_consent_for_verifiable_first_party_clients: true });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ...managementApiBody(), skip_consent_for_verifiable_first_party_clients: true });
    await expectLifetimeUnchanged();
  });

  it('refuses unknown properties, identifier and id on any API', async () => {
    const response = await patch(byAudience(), await explorerToken(), { identifier: 'urn:x', id: 'y', token_lifetime: 60 });
    expect(await response.json()).toEqual(badBody("Payload validation error: 'Additional properties not allowed: identifier,id'."));
    await expectLifetimeUnchanged();
  });

  it('accepts an empty change and answers with the API as it is', async () => {
    const response = await patch(byAudience(), await explorerToken(), {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(managementApiBody());
  });

  it('answers bad bodies like the other routes: broken JSON, an array, a 404 for an unknown id', async () => {
    const token = await explorerToken();
    const broken = await patch(byAudience(), token, '{"token_lifetime":');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Invalid request payload JSON format' });
    const array = await patch(byAudience(), token, '[]');
    expect(await array.json()).toEqual(badBody("Payload validation error: 'Expected type object but found type array'."));
    const unknown = await patch('/api/v2/resource-servers/rs_nope', token, { token_lifetime: 60 });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'The resource server does not exist', errorCode: 'inexistent_resource_server' });
    const long = await patch(byAudience(), token, { ['x'.repeat(5_000)]: 1 });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { message: string }).message.length).toBeLessThan(300);
    await expectLifetimeUnchanged();
  });

  it('needs update:resource_servers (read is not enough) and a token', async () => {
    const readOnly = await patch(byAudience(), await tokenFor(tenant(), 'explorer', 'read:resource_servers'), { token_lifetime: 60 });
    expect(readOnly.status).toBe(403);
    expect(await readOnly.json()).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Insufficient scope, expected any of: update:resource_servers', errorCode: 'insufficient_scope' });
    const anonymous = await patch(byAudience(), undefined, { token_lifetime: 60 });
    expect(anonymous.status).toBe(401);
    await expectLifetimeUnchanged();
  });
});

describe('tenant.setTokenLifetime', () => {
  it('applies the same rules as the PATCH route', async () => {
    const applied = tenant().setTokenLifetime(3600);
    expect(applied).toHaveProperty('token_lifetime', 3600);
    const refused = tenant().setTokenLifetime(2_592_001);
    expect(refused).toBeInstanceOf(TenantError);
    expect(refused).toHaveProperty('code', 'invalid_body');
    expect(tenant().managementApi.token_lifetime).toBe(3600);
    const token = (await (await requestToken(tenant(), 'reporting')).json()) as { expires_in: number };
    expect(token.expires_in).toBe(3600);
  });

  it('tells listeners, and the change survives a snapshot', () => {
    let calls = 0;
    tenant().onChange(() => (calls += 1));
    tenant().setTokenLifetime(7200);
    expect(calls).toBe(1);
    expect(tenant().toJSON().resourceServers[0]!.token_lifetime).toBe(7200);
    tenant().setTokenLifetime(0);
    expect(calls).toBe(1);
  });
});

// Issue 22: the SDK documents POST and PATCH /resource-servers with many fields; a system API
// refuses most of them, so the sandbox lets a learner create an API of their own.
describe('an API of your own: POST, PATCH and DELETE /api/v2/resource-servers', () => {
  const create = async (body: unknown) => callApi(tenant(), '/api/v2/resource-servers', await explorerToken(), { method: 'POST', body: JSON.stringify(body) });

  it('creates an API with Auth0\'s defaults, lists it, and issues RS256 tokens for it through a client grant', async () => {
    const response = await create({ identifier: 'https://billing.example/api', scopes: [{ value: 'read:invoices', description: 'Read invoices' }] });
    expect(response.status).toBe(201);
    const api = await response.json();
    expect(api).toMatchObject({ name: 'https://billing.example/api', identifier: 'https://billing.example/api', is_system: false, token_lifetime: 86_400, signing_alg: 'RS256' });
    expect(api.id).toMatch(/^[0-9a-f]{24}$/);
    const listed = await (await callApi(tenant(), '/api/v2/resource-servers', await explorerToken())).json();
    expect(listed.map((server: { identifier: string }) => server.identifier)).toEqual([audience(), 'https://billing.example/api']);
    const grant = tenant().authorize(tenant().seeded.noGrant.client_id, ['read:invoices'], 'https://billing.example/api');
    expect(grant).not.toBeInstanceOf(TenantError);
    const token = await requestToken(tenant(), 'noGrant', { audience: 'https://billing.example/api' });
    expect(token.status).toBe(200);
    const body = await token.json();
    expect(body).toMatchObject({ expires_in: 86_400, scope: 'read:invoices' });
    expect(decodeJwt(body.access_token)).toMatchObject({ aud: 'https://billing.example/api', scope: 'read:invoices' });
  });

  it('gives every scope the API defines to a grant with allow_all_scopes, including scopes added later', async () => {
    const api = await (await create({ identifier: 'urn:reports', scopes: [{ value: 'read:reports' }] })).json();
    const grant = await callApi(tenant(), '/api/v2/client-grants', await explorerToken(), { method: 'POST', body: JSON.stringify({ client_id: tenant().seeded.noGrant.client_id, audience: 'urn:reports', allow_all_scopes: true }) });
    expect(grant.status).toBe(201);
    await patch(`/api/v2/resource-servers/${api.id}`, await explorerToken(), { scopes: [{ value: 'read:reports' }, { value: 'write:reports' }] });
    const token = await (await requestToken(tenant(), 'noGrant', { audience: 'urn:reports' })).json();
    expect(token.scope).toBe('read:reports write:reports');
  });

  it('stores the documented settings it does not act on, and PATCH changes any documented field of its own APIs', async () => {
    const settings = { allow_offline_access: true, token_dialect: 'access_token_authz', enforce_policies: true, skip_consent_for_verifiable_first_party_clients: true, token_lifetime_for_anonymous_access_tokens: null };
    const api = await (await create({ identifier: 'urn:stored', name: 'Stored', ...settings })).json();
    expect(api).toMatchObject(settings);
    const changed = await patch(`/api/v2/resource-servers/${api.id}`, await explorerToken(), { name: 'Renamed', token_lifetime: 600, allow_offline_access: false, token_lifetime_for_anonymous_access_tokens: null });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ name: 'Renamed', token_lifetime: 600, allow_offline_access: false });
    expect(tenant().records.resourceServers.find((server) => server.id === api.id)).not.toHaveProperty('token_lifetime_for_anonymous_access_tokens');
  });

  it('refuses a second API with the same identifier, the Management API\'s included', async () => {
    expect((await create({ identifier: 'urn:twice' })).status).toBe(201);
    for (const identifier of ['urn:twice', audience()]) {
      const again = await create({ identifier });
      expect(again.status).toBe(409);
      expect(await again.json()).toEqual({ statusCode: 409, error: 'Conflict', message: 'A resource server with the same identifier already exists (a Token Lab sandbox wording).', errorCode: 'conflict' });
    }
  });

  it('refuses a body without identifier, or with fields Auth0 does not have, naming them all', async () => {
    expect(await (await create({ name: 'x' })).json()).toEqual(badBody("Payload validation error: 'Missing required property: identifier'."));
    expect(await (await create({ identifier: 'urn:x', colour: 'red', owner: 'me' })).json()).toEqual(badBody("Payload validation error: 'Additional properties not allowed: colour,owner'."));
    expect(await (await create({ identifier: 'urn:x', signing_alg: 'ES256' })).json()).toEqual(badBody(`Payload validation error: 'No enum match for: "ES256"' on property signing_alg.`));
  });

  it('deletes an API and its client grants; the Management API cannot be deleted', async () => {
    const api = await (await create({ identifier: 'urn:short-lived', scopes: [{ value: 'read:x' }] })).json();
    tenant().authorize(tenant().seeded.noGrant.client_id, ['read:x'], 'urn:short-lived');
    const removed = await callApi(tenant(), `/api/v2/resource-servers/${encodeURIComponent('urn:short-lived')}`, await explorerToken(), { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(tenant().records.resourceServers.some((server) => server.id === api.id)).toBe(false);
    expect(tenant().records.clientGrants.some((grant) => grant.audience === 'urn:short-lived')).toBe(false);
    const system = await callApi(tenant(), byAudience(), await explorerToken(), { method: 'DELETE' });
    expect(system.status).toBe(400);
    expect(await system.json()).toEqual(badBody('A system API such as the Auth0 Management API cannot be deleted (a Token Lab sandbox wording).'));
    const missing = await callApi(tenant(), '/api/v2/resource-servers/urn%3Anope', await explorerToken(), { method: 'DELETE' });
    expect(missing.status).toBe(404);
  });
});
