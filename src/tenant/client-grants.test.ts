import { describe, expect, it } from 'vitest';
import type { ClientGrant } from './model.ts';
import { callApi, requestToken, tokenFor, useTenantServer } from './hosts/testing.ts';

const tenant = useTenantServer();

async function admin(path: string, init: RequestInit = {}): Promise<Response> {
  return callApi(tenant(), path, await tokenFor(tenant(), 'explorer'), init);
}

describe('GET /api/v2/client-grants', () => {
  it('lists the seeded grants', async () => {
    const response = await admin('/api/v2/client-grants');
    expect(response.status).toBe(200);
    const grants = await response.json();
    expect(grants.map((grant: { id: string }) => grant.id)).toEqual(['cgr_sbxReporting000001', 'cgr_sbxCustomerPortal3', 'cgr_sbxApiExplorer0004']);
    expect(grants[0]).toEqual({ id: 'cgr_sbxReporting000001', client_id: tenant().seeded.reporting.client_id, audience: 'https://acme.auth0.test/api/v2/', scope: ['read:clients', 'read:client_keys'] });
  });

  it('filters by client_id and wraps with include_totals', async () => {
    const response = await admin(`/api/v2/client-grants?client_id=${tenant().seeded.reporting.client_id}&include_totals=true`);
    const body = await response.json();
    expect(body).toMatchObject({ start: 0, limit: 50, total: 1 });
    expect(body.client_grants).toHaveLength(1);
  });

  it('filters by audience', async () => {
    const response = await admin('/api/v2/client-grants?audience=https://other.test/');
    expect(await response.json()).toEqual([]);
  });

  it('needs read:client_grants', async () => {
    const response = await callApi(tenant(), '/api/v2/client-grants', await tokenFor(tenant()));
    expect(response.status).toBe(403);
    expect((await response.json()).message).toBe('Insufficient scope, expected any of: read:client_grants');
  });
});

describe('POST /api/v2/client-grants', () => {
  it('authorizes an application, after which it gets tokens with exactly those scopes', async () => {
    const { noGrant } = tenant().seeded;
    const response = await admin('/api/v2/client-grants', {
      method: 'POST',
      body: JSON.stringify({ client_id: noGrant.client_id, audience: tenant().managementAudience, scope: ['read:users'] }),
    });
    expect(response.status).toBe(201);
    const grant = await response.json();
    expect(grant).toMatchObject({ client_id: noGrant.client_id, audience: tenant().managementAudience, scope: ['read:users'] });
    expect(grant.id).toMatch(/^cgr_[A-Za-z0-9]{16}$/);
    const token = await requestToken(tenant(), 'noGrant');
    expect((await token.json()).scope).toBe('read:users');
  });

  it('answers 409 for a second grant for the same application and API', async () => {
    const response = await admin('/api/v2/client-grants', {
      method: 'POST',
      body: JSON.stringify({ client_id: tenant().seeded.reporting.client_id, audience: tenant().managementAudience, scope: [] }),
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ statusCode: 409, error: 'Conflict', message: 'A client grant for this client and audience already exists', errorCode: 'client_grant_conflict' });
  });

  it('refuses scopes the Management API does not define', async () => {
    const response = await admin('/api/v2/client-grants', {
      method: 'POST',
      body: JSON.stringify({ client_id: tenant().seeded.noGrant.client_id, audience: tenant().managementAudience, scope: ['read:clients', 'read:everything'] }),
    });
    expect(response.status).toBe(400);
    // Auth0 itself accepts such scopes; the message says the refusal is the sandbox's own rule.
    expect(await response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: "Payload validation error: 'Scopes are not defined by the resource server: read:everything (a Token Lab sandbox rule; Auth0 itself accepts them)' on property scope.",
      errorCode: 'invalid_body',
    });
    expect(tenant().clientGrants).toHaveLength(3);
  });

  it('answers 404 for an unknown application or API', async () => {
    const unknownClient = await admin('/api/v2/client-grants', { method: 'POST', body: JSON.stringify({ client_id: 'nobody', audience: tenant().managementAudience, scope: [] }) });
    expect(unknownClient.status).toBe(404);
    expect((await unknownClient.json()).errorCode).toBe('inexistent_client');
    const unknownApi = await admin('/api/v2/client-grants', { method: 'POST', body: JSON.stringify({ client_id: tenant().seeded.noGrant.client_id, audience: 'https://api.acme.test/', scope: [] }) });
    expect(unknownApi.status).toBe(404);
    expect(await unknownApi.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'No resource server found by specified identifier', errorCode: 'inexistent_resource_server' });
  });

  it('refuses a body without scope', async () => {
    const response = await admin('/api/v2/client-grants', { method: 'POST', body: JSON.stringify({ client_id: 'x', audience: 'y' }) });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe("Payload validation error: 'Missing required property: scope'.");
  });
});

describe('PATCH /api/v2/client-grants/{id}', () => {
  it('replaces the scopes of a grant; new tokens carry the new scopes', async () => {
    const response = await admin('/api/v2/client-grants/cgr_sbxReporting000001', { method: 'PATCH', body: JSON.stringify({ scope: ['read:client_summary'] }) });
    expect(response.status).toBe(200);
    expect((await response.json()).scope).toEqual(['read:client_summary']);
    expect((await (await requestToken(tenant())).json()).scope).toBe('read:client_summary');
  });

  it('answers 404 inexistent_client_grant for an unknown grant', async () => {
    const response = await admin('/api/v2/client-grants/cgr_nothing', { method: 'PATCH', body: JSON.stringify({ scope: [] }) });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'The client grant does not exist', errorCode: 'inexistent_client_grant' });
  });

  it('refuses unknown scopes and unknown properties', async () => {
    expect((await admin('/api/v2/client-grants/cgr_sbxReporting000001', { method: 'PATCH', body: JSON.stringify({ scope: ['read:nothing'] }) })).status).toBe(400);
    expect((await admin('/api/v2/client-grants/cgr_sbxReporting000001', { method: 'PATCH', body: JSON.stringify({ audience: 'x' }) })).status).toBe(400);
  });
});

describe('DELETE /api/v2/client-grants/{id}', () => {
  it('revokes the grant with 204: no new tokens, but issued tokens stay valid until exp', async () => {
    const issued = await tokenFor(tenant());
    const response = await admin('/api/v2/client-grants/cgr_sbxReporting000001', { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect((await requestToken(tenant())).status).toBe(403);
    expect((await callApi(tenant(), '/api/v2/clients', issued)).status).toBe(200);
  });

  it('answers 404 for a grant that does not exist', async () => {
    expect((await admin('/api/v2/client-grants/cgr_nothing', { method: 'DELETE' })).status).toBe(404);
  });

  it('revokes through the tenant method as well', async () => {
    expect(tenant().revokeGrant('cgr_sbxReporting000001').ok).toBe(true);
    expect((await requestToken(tenant())).status).toBe(403);
    const again = tenant().revokeGrant('cgr_sbxReporting000001');
    expect(again.ok ? undefined : again.error.code).toBe('inexistent_client_grant');
  });
});

/** Makes `count` more applications, each with a grant; returns every grant id, sorted as checkpoints order them. */
function addGrants(count: number): string[] {
  for (let index = 0; index < count; index += 1) {
    const app = tenant().createApplication({ name: `Job ${index}`, app_type: 'non_interactive' });
    if (!app.ok) throw new Error('test set-up: no application');
    if (!tenant().authorize(app.value.client_id, ['read:users']).ok) throw new Error('test set-up: no grant');
  }
  return tenant().clientGrants.map((grant) => grant.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const badQuery = (message: string) => ({ statusCode: 400, error: 'Bad Request', message: `Query validation error: ${message}.`, errorCode: 'invalid_query_string' });

describe('GET /api/v2/client-grants with checkpoint paging (take, from)', () => {
  it('pages by id with take, hands out next for the following page, and leaves next out on the last one', async () => {
    const ids = addGrants(5);
    const seen: string[] = [];
    let query = 'take=3';
    const nexts: Array<string | undefined> = [];
    for (let round = 0; round < 5; round += 1) {
      const body = await (await admin(`/api/v2/client-grants?${query}`)).json();
      expect(Object.keys(body).sort()).toEqual(body.next === undefined ? ['client_grants'] : ['client_grants', 'next']);
      seen.push(...body.client_grants.map((grant: ClientGrant) => grant.id));
      nexts.push(body.next);
      if (body.next === undefined) break;
      expect(body.next).toMatch(/^[A-Za-z0-9_-]+$/);
      query = `take=3&from=${encodeURIComponent(body.next)}`;
    }
    expect(seen).toEqual(ids);
    expect(nexts.map((next) => next === undefined)).toEqual([false, false, true]);
  });

  it('answers in the checkpoint shape even with include_totals=true, as the v7 SDK sends both', async () => {
    const body = await (await admin('/api/v2/client-grants?include_totals=true&take=50')).json();
    expect(body).toEqual({ client_grants: expect.any(Array) });
    expect(body.client_grants).toHaveLength(3);
  });

  it('starts at from alone with 50 per page, and ignores page and per_page in checkpoint mode', async () => {
    const ids = addGrants(3);
    const first = await (await admin('/api/v2/client-grants?take=2')).json();
    const rest = await (await admin(`/api/v2/client-grants?from=${first.next}&page=3&per_page=1`)).json();
    expect(rest.client_grants.map((grant: ClientGrant) => grant.id)).toEqual(ids.slice(2));
    expect(rest.next).toBeUndefined();
  });

  it('keeps its place when the grant a checkpoint points at is deleted in between', async () => {
    const ids = addGrants(3);
    // One token for both calls: the grant deleted may be the explorer's own.
    const token = await tokenFor(tenant(), 'explorer');
    const first = await (await callApi(tenant(), '/api/v2/client-grants?take=2', token)).json();
    expect(tenant().revokeGrant(ids[2]!).ok).toBe(true);
    const rest = await (await callApi(tenant(), `/api/v2/client-grants?take=2&from=${first.next}`, token)).json();
    expect(rest.client_grants.map((grant: ClientGrant) => grant.id)).toEqual(ids.slice(3, 5));
  });

  it('still applies the filters', async () => {
    addGrants(2);
    const body = await (await admin(`/api/v2/client-grants?take=1&client_id=${tenant().seeded.explorer.client_id}`)).json();
    expect(body).toEqual({ client_grants: [expect.objectContaining({ id: 'cgr_sbxApiExplorer0004' })] });
  });

  const refusals: Array<[string, string, unknown]> = [
    ['take=0', 'take is at least 1', badQuery("'Value 0 is less than minimum 1' on property take")],
    ['take=101', 'take is at most 100', badQuery("'Value 101 is greater than maximum 100' on property take")],
    ['take=ten', 'take is an integer', badQuery("'Expected type integer but found type string' on property take")],
    ['take=1&take=2', 'take is given once', badQuery("'Expected type string but found type array' on property take")],
    ['from=%25%25%25', 'from is a checkpoint the tenant issued', badQuery("'Invalid checkpoint' on property from")],
    ['from=AAAA', 'from does not decode to an id', badQuery("'Invalid checkpoint' on property from")],
  ];
  for (const [query, rule, body] of refusals) {
    it(`refuses ${query}: ${rule}`, async () => {
      const response = await admin(`/api/v2/client-grants?${query}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual(body);
    });
  }
});

describe('GET /api/v2/client-grants filters', () => {
  async function grantIds(query: string): Promise<string[]> {
    const response = await admin(`/api/v2/client-grants?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()).map((grant: ClientGrant) => grant.id);
  }

  it('filters on allow_any_organization and subject_type (a grant made without one counts as a client grant)', async () => {
    const created = await admin('/api/v2/client-grants', {
      method: 'POST',
      body: JSON.stringify({ client_id: tenant().seeded.noGrant.client_id, audience: tenant().managementAudience, scope: [], allow_any_organization: true, subject_type: 'user' }),
    });
    const { id } = await created.json();
    expect(await grantIds('allow_any_organization=true')).toEqual([id]);
    expect(await grantIds('allow_any_organization=false')).toHaveLength(3);
    expect(await grantIds('subject_type=user')).toEqual([id]);
    expect(await grantIds('subject_type=client')).toEqual(['cgr_sbxReporting000001', 'cgr_sbxCustomerPortal3', 'cgr_sbxApiExplorer0004']);
    expect(await grantIds('subject_type=anonymous_user')).toEqual([]);
  });

  it('finds no default grants for third-party applications: the sandbox has none', async () => {
    expect(await grantIds('default_for=third_party_clients')).toEqual([]);
  });

  it('refuses filter values Auth0 does not define', async () => {
    const subject = await admin('/api/v2/client-grants?subject_type=robot');
    expect(subject.status).toBe(400);
    expect(await subject.json()).toEqual(badQuery('\'No enum match for: "robot"\' on property subject_type'));
    expect(await (await admin('/api/v2/client-grants?allow_any_organization=yes')).json()).toEqual(badQuery("'Expected type boolean but found type string' on property allow_any_organization"));
    expect(await (await admin('/api/v2/client-grants?default_for=everyone')).json()).toEqual(badQuery('\'No enum match for: "everyone"\' on property default_for'));
  });
});

describe('client grants with the Organizations fields', () => {
  const audience = () => tenant().managementAudience;

  it('stores organization_usage, allow_any_organization and subject_type on create and shows them', async () => {
    const response = await admin('/api/v2/client-grants', {
      method: 'POST',
      body: JSON.stringify({ client_id: tenant().seeded.noGrant.client_id, audience: audience(), scope: ['read:users'], organization_usage: 'require', allow_any_organization: true, subject_type: 'client' }),
    });
    expect(response.status).toBe(201);
    const grant = await response.json();
    expect(grant).toEqual({ id: grant.id, client_id: tenant().seeded.noGrant.client_id, audience: audience(), scope: ['read:users'], organization_usage: 'require', allow_any_organization: true, subject_type: 'client' });
    expect(await (await admin(`/api/v2/client-grants/${grant.id}`)).json()).toEqual(grant);
  });

  it('refuses values outside the documented ones and changes nothing', async () => {
    const base = { client_id: tenant().seeded.noGrant.client_id, audience: audience(), scope: [] };
    const rows: Array<[Record<string, unknown>, string]> = [
      [{ organization_usage: 'sometimes' }, '\'No enum match for: "sometimes"\' on property organization_usage'],
      [{ allow_any_organization: 'yes' }, "'Expected type boolean but found type string' on property allow_any_organization"],
      [{ subject_type: 'robot' }, '\'No enum match for: "robot"\' on property subject_type'],
    ];
    for (const [extra, message] of rows) {
      const response = await admin('/api/v2/client-grants', { method: 'POST', body: JSON.stringify({ ...base, ...extra }) });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: `Payload validation error: ${message}.`, errorCode: 'invalid_body' });
    }
    expect(tenant().clientGrants).toHaveLength(3);
  });

  it('changes organization_usage and allow_any_organization with PATCH, and removes them with null', async () => {
    const path = '/api/v2/client-grants/cgr_sbxReporting000001';
    const set = await admin(path, { method: 'PATCH', body: JSON.stringify({ organization_usage: 'allow', allow_any_organization: false }) });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ organization_usage: 'allow', allow_any_organization: false, scope: ['read:clients', 'read:client_keys'] });
    const cleared = await (await admin(path, { method: 'PATCH', body: JSON.stringify({ organization_usage: null, allow_any_organization: null }) })).json();
    expect(cleared).toEqual({ id: 'cgr_sbxReporting000001', client_id: tenant().seeded.reporting.client_id, audience: audience(), scope: ['read:clients', 'read:client_keys'] });
  });

  it('refuses subject_type and bad values on PATCH, leaving the grant as it was', async () => {
    const path = '/api/v2/client-grants/cgr_sbxReporting000001';
    const before = tenant().clientGrants[0];
    const subject = await admin(path, { method: 'PATCH', body: JSON.stringify({ subject_type: 'user' }) });
    expect(await subject.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: "Payload validation error: 'Additional properties not allowed: subject_type'.", errorCode: 'invalid_body' });
    const usage = await admin(path, { method: 'PATCH', body: JSON.stringify({ scope: ['read:users'], organization_usage: 'always' }) });
    expect(await usage.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Payload validation error: \'No enum match for: "always"\' on property organization_usage.', errorCode: 'invalid_body' });
    const unknownScope = await admin(path, { method: 'PATCH', body: JSON.stringify({ organization_usage: 'allow', scope: ['read:nothing'] }) });
    expect(unknownScope.status).toBe(400);
    expect(tenant().clientGrants[0]).toEqual(before);
  });
});

describe('GET /api/v2/client-grants/{id}', () => {
  it('returns one grant', async () => {
    const response = await admin('/api/v2/client-grants/cgr_sbxApiExplorer0004');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(tenant().clientGrants[2]);
  });

  it('answers 404 inexistent_client_grant for an unknown id, including an over-long one', async () => {
    for (const id of ['cgr_nothing', 'x'.repeat(5000), encodeURIComponent('cgr_a|b')]) {
      const response = await admin(`/api/v2/client-grants/${id}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'The client grant does not exist', errorCode: 'inexistent_client_grant' });
    }
  });

  it('answers 401 Missing authentication without a token, and 403 without read:client_grants', async () => {
    const anonymous = await callApi(tenant(), '/api/v2/client-grants/cgr_sbxApiExplorer0004', undefined);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' });
    const reporting = await callApi(tenant(), '/api/v2/client-grants/cgr_sbxApiExplorer0004', await tokenFor(tenant()));
    expect(reporting.status).toBe(403);
    expect(await reporting.json()).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Insufficient scope, expected any of: read:client_grants', errorCode: 'insufficient_scope' });
  });
});
