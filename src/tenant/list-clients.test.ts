import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { SEEDED_GLOBAL_CLIENT } from './seed.ts';
import { callApi, START_SECONDS, tokenFor, useTenantServer } from './hosts/testing.ts';
import { TenantError } from './tenant-error.ts';

const tenant = useTenantServer();

/** A token with exactly these scopes, signed by the tenant (as a grant with them would yield). */
function tokenWithScopes(scope: string): Promise<string> {
  const key = tenant().signingKey;
  return new SignJWT({ iss: tenant().issuer, sub: 'x@clients', aud: tenant().managementAudience, iat: START_SECONDS, exp: START_SECONDS + 60, scope })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .sign(key.privateKey);
}

type Client = Record<string, unknown>;

async function listWith(scope: string, query = ''): Promise<Client[]> {
  const response = await callApi(tenant(), `/api/v2/clients${query}`, await tokenWithScopes(scope));
  expect(response.status).toBe(200);
  return response.json();
}

const SUMMARY = ['client_id', 'app_type', 'name', 'description'];
const SECRETS = ['client_secret', 'signing_keys'];

const APPS = ['Reporting Service', 'Nightly Backup', 'Customer Portal', 'API Explorer Application'];
const names = (clients: Client[]) => clients.map((client) => client.name);
const forbidden = (message: string) => ({ statusCode: 403, error: 'Forbidden', message, errorCode: 'insufficient_scope' });
const invalidQuery = (message: string) => ({ statusCode: 400, error: 'Bad Request', message: `Query validation error: ${message}.`, errorCode: 'invalid_query_string' });

async function refusal(query: string, scope = 'read:clients'): Promise<{ status: number; body: unknown }> {
  const response = await callApi(tenant(), `/api/v2/clients${query}`, await tokenWithScopes(scope));
  return { status: response.status, body: await response.json() };
}

describe('GET /api/v2/clients', () => {
  it('returns every seeded application, then the Global Client, as a plain array', async () => {
    expect(names(await listWith('read:clients'))).toEqual([...APPS, 'All Applications']);
  });

  it('shows only the summary to read:client_summary', async () => {
    const [first] = await listWith('read:client_summary');
    expect(Object.keys(first!)).toEqual(SUMMARY);
  });

  it('adds the configuration but no secrets for read:clients', async () => {
    const [first] = await listWith('read:clients');
    expect(first).toMatchObject({ tenant: 'acme', global: false, grant_types: ['client_credentials'], token_endpoint_auth_method: 'client_secret_post' });
    for (const field of ['callbacks', 'allowed_origins', 'web_origins', 'jwt_configuration', 'is_first_party', 'oidc_conformant', 'client_metadata']) expect(first).toHaveProperty(field);
    for (const field of SECRETS) expect(first).not.toHaveProperty(field);
  });

  it('reveals the secret to read:client_keys', async () => {
    const [first] = await listWith('read:client_keys');
    expect(first!.client_secret).toBe(tenant().seeded.reporting.client_secret);
    expect(first).toHaveProperty('grant_types');
  });

  it('reveals the secret but not the configuration to read:client_credentials alone', async () => {
    const [first] = await listWith('read:client_credentials');
    expect(Object.keys(first!)).toEqual([...SUMMARY, ...SECRETS]);
  });

  it('pages with page and per_page and wraps the page with include_totals, the Global Client counted', async () => {
    const token = await tokenFor(tenant());
    const response = await callApi(tenant(), '/api/v2/clients?page=1&per_page=3&include_totals=true', token);
    const body = await response.json();
    expect(body).toMatchObject({ start: 3, limit: 3, total: 5 });
    expect(names(body.clients)).toEqual(['API Explorer Application', 'All Applications']);
  });

  it('answers the official SDK default query (page=0&per_page=50&include_totals=true)', async () => {
    const response = await callApi(tenant(), '/api/v2/clients?page=0&per_page=50&include_totals=true', await tokenFor(tenant()));
    const body = await response.json();
    expect(Object.keys(body)).toEqual(['start', 'limit', 'total', 'clients']);
    expect(body.clients).toHaveLength(5);
  });

  it('keeps only the requested fields, or drops them with include_fields=false', async () => {
    const only = await listWith('read:clients', '?fields=name,client_id');
    expect(Object.keys(only[0]!)).toEqual(['client_id', 'name']);
    const without = await listWith('read:clients', '?fields=description,callbacks&include_fields=false');
    expect(without[0]).not.toHaveProperty('description');
    expect(without[0]).toHaveProperty('name');
  });

  it('refuses an out-of-range per_page with Auth0\'s query validation error, description included', async () => {
    const response = await callApi(tenant(), '/api/v2/clients?per_page=101', await tokenFor(tenant()));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(invalidQuery("'Value 101 is greater than maximum 100' on property per_page (Number of results per page. Defaults to 50)"));
  });

  it('gives page and per_page the descriptions Auth0 documents, include_totals none', async () => {
    expect(await refusal('?page=abc')).toEqual({ status: 400, body: invalidQuery("'Expected type integer but found type string' on property page (Page index of the results to return. First page is 0.)") });
    expect(await refusal('?include_totals=yes')).toEqual({ status: 400, body: invalidQuery("'Expected type boolean but found type string' on property include_totals") });
  });

  it('refuses a non-numeric page and a repeated parameter', async () => {
    const token = await tokenFor(tenant());
    expect((await callApi(tenant(), '/api/v2/clients?page=abc', token)).status).toBe(400);
    expect((await callApi(tenant(), '/api/v2/clients?page=1&page=2', token)).status).toBe(400);
    expect((await callApi(tenant(), '/api/v2/clients?include_totals=yes', token)).status).toBe(400);
  });
});

describe('asking for a field the scopes hide', () => {
  it('is a 403 naming the field: client_secret without read:client_keys or read:client_credentials', async () => {
    expect(await refusal('?fields=client_id,client_secret')).toEqual({ status: 403, body: forbidden('You cannot read the following fields: client_secret') });
  });

  it('names every hidden field asked for, in the order asked', async () => {
    const { body } = await refusal('?fields=callbacks,name,client_secret', 'read:client_summary');
    expect(body).toEqual(forbidden('You cannot read the following fields: callbacks, client_secret'));
  });

  it('is refused on GET /api/v2/clients/{id} too', async () => {
    const response = await callApi(tenant(), `/api/v2/clients/${tenant().seeded.reporting.client_id}?fields=client_secret`, await tokenWithScopes('read:clients'));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual(forbidden('You cannot read the following fields: client_secret'));
  });

  it('is allowed with a scope that reveals the field', async () => {
    const clients = await listWith('read:client_credentials', '?fields=client_id,client_secret');
    expect(clients[0]).toEqual({ client_id: tenant().seeded.reporting.client_id, client_secret: tenant().seeded.reporting.client_secret });
  });

  it('leaves the secret out silently when it is not asked for, and when include_fields=false excludes it', async () => {
    const [plain] = await listWith('read:clients');
    expect(plain).not.toHaveProperty('client_secret');
    const [excluded] = await listWith('read:clients', '?fields=client_secret&include_fields=false');
    expect(excluded).toHaveProperty('name');
    expect(excluded).not.toHaveProperty('client_secret');
  });

  it('ignores names that are no field of a client', async () => {
    const clients = await listWith('read:clients', '?fields=name,no_such_field');
    expect(Object.keys(clients[0]!)).toEqual(['name']);
  });
});

describe('the Global Client in the list', () => {
  const globalOf = (clients: Client[]) => clients.find((client) => client.global === true);

  it('is "All Applications" with global: true and the tenant\'s Global Client id; its secret goes to read:client_keys', async () => {
    const global = globalOf(await listWith('read:client_keys'));
    expect(global).toMatchObject({ client_id: SEEDED_GLOBAL_CLIENT.client_id, name: 'All Applications', global: true, tenant: 'acme', client_secret: SEEDED_GLOBAL_CLIENT.client_secret });
  });

  it('hides its secret from read:clients like any client\'s', async () => {
    const global = globalOf(await listWith('read:clients'));
    expect(global).toMatchObject({ name: 'All Applications', global: true });
    expect(global).not.toHaveProperty('client_secret');
  });

  it('shows the new secret after tenant.rotateGlobalSecret()', async () => {
    const rotated = tenant().rotateGlobalSecret();
    expect(globalOf(await listWith('read:client_keys'))?.client_secret).toBe(rotated.client_secret);
    expect(rotated.client_secret).not.toBe(SEEDED_GLOBAL_CLIENT.client_secret);
  });

  it('is the only client with global: true', async () => {
    const clients = await listWith('read:clients');
    expect(clients.filter((client) => client.global !== false).map((client) => client.name)).toEqual(['All Applications']);
  });

  it('is read by its id on GET /api/v2/clients/{id}', async () => {
    const response = await callApi(tenant(), `/api/v2/clients/${SEEDED_GLOBAL_CLIENT.client_id}?fields=client_id,name,global`, await tokenWithScopes('read:clients'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ client_id: SEEDED_GLOBAL_CLIENT.client_id, name: 'All Applications', global: true });
  });
});

describe('list filters', () => {
  it('is_global=false leaves the Global Client out; is_global=true keeps only it', async () => {
    expect(names(await listWith('read:clients', '?is_global=false'))).toEqual(APPS);
    expect(names(await listWith('read:clients', '?is_global=true'))).toEqual(['All Applications']);
  });

  it('is_first_party filters on the field', async () => {
    const created = tenant().createApplication({ name: 'Partner Portal', is_first_party: false });
    expect(created).not.toBeInstanceOf(TenantError);
    expect(names(await listWith('read:clients', '?is_first_party=false'))).toEqual(['Partner Portal']);
    expect(names(await listWith('read:clients', '?is_first_party=true&is_global=false'))).toEqual(APPS);
  });

  it('app_type takes a comma-separated list and never matches the Global Client', async () => {
    expect(names(await listWith('read:clients', '?app_type=regular_web'))).toEqual(['Customer Portal']);
    expect(names(await listWith('read:clients', '?app_type=regular_web,non_interactive'))).toEqual(APPS);
    expect(await listWith('read:clients', '?app_type=sso_integration')).toEqual([]);
  });

  it('client_ids takes a comma-separated list of ids, the Global Client\'s included', async () => {
    const { reporting, explorer } = tenant().seeded;
    const query = `?client_ids=${explorer.client_id},${SEEDED_GLOBAL_CLIENT.client_id},nobody,${reporting.client_id}`;
    expect(names(await listWith('read:clients', query))).toEqual(['Reporting Service', 'API Explorer Application', 'All Applications']);
  });

  it('filters before paging, so the totals count what matched', async () => {
    const response = await callApi(tenant(), '/api/v2/clients?is_global=false&per_page=2&include_totals=true', await tokenWithScopes('read:clients'));
    expect(await response.json()).toMatchObject({ start: 0, limit: 2, total: 4 });
  });

  const invalid: Array<[string, string, string]> = [
    ['a non-boolean is_global', '?is_global=yes', "'Expected type boolean but found type string' on property is_global"],
    ['a non-boolean is_first_party', '?is_first_party=1', "'Expected type boolean but found type string' on property is_first_party"],
    ['an unknown app_type', '?app_type=spa,robot', '\'No enum match for: "robot"\' on property app_type'],
    ['is_global sent twice', '?is_global=true&is_global=false', "'Expected type boolean but found type array' on property is_global"],
    ['client_ids sent twice', '?client_ids=a&client_ids=b', "'Expected type string but found type array' on property client_ids"],
  ];
  for (const [what, query, message] of invalid) {
    it(`refuses ${what} with 400 invalid_query_string`, async () => {
      expect(await refusal(query)).toEqual({ status: 400, body: invalidQuery(message) });
    });
  }
});

// Issue 22 row 5: q, from and take are documented parameters (node-auth0 v4 GetClientsRequest,
// v7 ListClientsRequestParameters.q), so a filtered audit must not act on every client.
describe('GET /api/v2/clients with checkpoint paging and q', () => {
  async function page(query: string): Promise<{ clients: Client[]; next?: string }> {
    const response = await callApi(tenant(), `/api/v2/clients${query}`, await tokenWithScopes('read:clients'));
    expect(response.status, query).toBe(200);
    return response.json();
  }

  it('walks every client, the Global Client included, in client id order, each once', async () => {
    const seen: string[] = [];
    let body = await page('?take=2');
    seen.push(...body.clients.map((client) => client.client_id as string));
    while (body.next !== undefined) {
      expect(body.clients).toHaveLength(2);
      body = await page(`?take=2&from=${encodeURIComponent(body.next)}`);
      seen.push(...body.clients.map((client) => client.client_id as string));
    }
    expect(seen).toHaveLength(5);
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : 1)));
    expect(seen).toContain(SEEDED_GLOBAL_CLIENT.client_id);
  });

  it('answers {clients, next} even when page, per_page and include_totals come too (node-auth0 v7 always sends them)', async () => {
    const body = await page('?page=0&per_page=50&include_totals=true&take=3');
    expect(Object.keys(body).sort()).toEqual(['clients', 'next']);
    expect(body.clients).toHaveLength(3);
  });

  it('pages by client id even when fields leaves client_id out', async () => {
    const first = await page('?take=4&fields=name');
    expect(first.clients.every((client) => Object.keys(client).join() === 'name')).toBe(true);
    const rest = await page(`?take=4&fields=name&from=${encodeURIComponent(first.next!)}`);
    expect(names([...first.clients, ...rest.clients]).sort()).toEqual([...APPS, 'All Applications'].sort());
  });

  it('finds only the clients with a grant that allows any organization, for q=client_grant.allow_any_organization:true', async () => {
    const grantId = tenant().records.clientGrants.find((grant) => grant.client_id === tenant().seeded.reporting.client_id)!.id;
    const patched = await callApi(tenant(), `/api/v2/client-grants/${grantId}`, await tokenFor(tenant(), 'explorer'), { method: 'PATCH', body: JSON.stringify({ allow_any_organization: true }) });
    expect(patched.status).toBe(200);
    const body = await page(`?q=${encodeURIComponent('client_grant.allow_any_organization:true')}&take=50`);
    expect(names(body.clients)).toEqual(['Reporting Service']);
  });

  it('finds nothing for an organization id: the sandbox has no organizations', async () => {
    const body = await page(`?q=${encodeURIComponent('client_grant.organization_id:org_abc')}&take=50`);
    expect(body.clients).toEqual([]);
  });

  it('filters by external_client_id, which no sandbox client has', async () => {
    expect(await listWith('read:clients', '?external_client_id=https%3A%2F%2Fapp.example%2Fcimd.json')).toEqual([]);
  });

  const refused: Array<[string, string, string]> = [
    ['q without checkpoint paging', '?q=client_grant.allow_any_organization:true', "'q requires the from and take paging parameters (checkpoint pagination)' on property q"],
    ['q with another filter', '?q=client_grant.allow_any_organization:true&take=5&app_type=spa', "'q cannot be used in combination with other filters (app_type)' on property q"],
    ['a q Auth0 does not permit', '?q=name:Reporting&take=5', '\'Only client_grant.organization_id:{organization_id} and client_grant.allow_any_organization:true are permitted, not "name:Reporting"\' on property q'],
    // Only ":true" is permitted (node-auth0's ListClientsRequestParameters.q): ":false" would otherwise list every client.
    ['q asking for allow_any_organization:false', '?q=client_grant.allow_any_organization:false&take=5', '\'Only client_grant.organization_id:{organization_id} and client_grant.allow_any_organization:true are permitted, not "client_grant.allow_any_organization:false"\' on property q'],
    ['a take over 100', '?take=101', "'Value 101 is greater than maximum 100' on property take"],
    ['a take of 0', '?take=0', "'Value 0 is less than minimum 1' on property take"],
    ['a negative take', '?take=-1', "'Value -1 is less than minimum 1' on property take"],
    ['a take that is no number', '?take=ten', "'Expected type integer but found type string' on property take"],
    ['a from this tenant never issued', '?take=5&from=%00%00', "'Invalid checkpoint' on property from"],
  ];
  for (const [what, query, message] of refused) {
    it(`refuses ${what}`, async () => {
      expect(await refusal(query)).toEqual({ status: 400, body: invalidQuery(message) });
    });
  }
});
