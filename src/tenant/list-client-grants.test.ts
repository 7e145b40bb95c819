import { describe, expect, it } from 'vitest';
import type { ClientGrant } from './model.ts';
import { addAuthorizedApp, callApi, callApiAsExplorer, tokenFor, useTenantServer } from './hosts/testing.ts';
import { TenantError } from './tenant-error.ts';

const tenant = useTenantServer();
const admin = (path: string, init?: RequestInit) => callApiAsExplorer(tenant(), path, init);

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

/** Makes `count` more applications, each with a grant; returns every grant id, sorted as checkpoints order them. */
function addGrants(count: number): string[] {
  for (let index = 0; index < count; index += 1) {
    addAuthorizedApp(tenant(), `Job ${index}`, ['read:users']);
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
    expect(tenant().revokeGrant(ids[2]!)).not.toBeInstanceOf(TenantError);
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
    ['take=1&take=2', 'take is given once', badQuery("'Expected type integer but found type array' on property take")],
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
