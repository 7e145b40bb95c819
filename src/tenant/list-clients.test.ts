import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { callApi, START_SECONDS, tokenFor, useTenantServer } from './test-tenant.ts';

const tenant = useTenantServer();

/** A token with exactly these scopes, signed by the tenant (as a grant with them would yield). */
function tokenWithScopes(scope: string): Promise<string> {
  const key = tenant().signingKey;
  return new SignJWT({ iss: tenant().issuer, sub: 'x@clients', aud: tenant().managementAudience, iat: START_SECONDS, exp: START_SECONDS + 60, scope })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .sign(key.privateKey);
}

async function listWith(scope: string, query = ''): Promise<Array<Record<string, unknown>>> {
  const response = await callApi(tenant(), `/api/v2/clients${query}`, await tokenWithScopes(scope));
  expect(response.status).toBe(200);
  return response.json();
}

const SUMMARY = ['client_id', 'app_type', 'name', 'description'];
const SECRETS = ['client_secret', 'signing_keys'];

describe('GET /api/v2/clients', () => {
  it('returns every seeded application as a plain array', async () => {
    const clients = await listWith('read:clients');
    expect(clients.map((client) => client.name)).toEqual(['Reporting Service', 'Nightly Backup', 'Customer Portal', 'API Explorer Application']);
  });

  it('shows only the summary to read:client_summary', async () => {
    const [first] = await listWith('read:client_summary');
    expect(Object.keys(first!)).toEqual(SUMMARY);
  });

  it('adds the configuration but no secrets for read:clients', async () => {
    const [first] = await listWith('read:clients');
    expect(first).toMatchObject({ tenant: 'acme', global: false, grant_types: ['client_credentials'], token_endpoint_auth_method: 'client_secret_post' });
    for (const field of ['callbacks', 'allowed_origins', 'web_origins', 'jwt_configuration', 'is_first_party', 'oidc_conformant']) expect(first).toHaveProperty(field);
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

  it('pages with page and per_page and wraps the page with include_totals', async () => {
    const token = await tokenFor(tenant());
    const response = await callApi(tenant(), '/api/v2/clients?page=1&per_page=3&include_totals=true', token);
    const body = await response.json();
    expect(body).toMatchObject({ start: 3, limit: 3, total: 4 });
    expect(body.clients.map((client: { name: string }) => client.name)).toEqual(['API Explorer Application']);
  });

  it('answers the official SDK default query (page=0&per_page=50&include_totals=true)', async () => {
    const response = await callApi(tenant(), '/api/v2/clients?page=0&per_page=50&include_totals=true', await tokenFor(tenant()));
    const body = await response.json();
    expect(Object.keys(body)).toEqual(['start', 'limit', 'total', 'clients']);
    expect(body.clients).toHaveLength(4);
  });

  it('keeps only the requested fields, or drops them with include_fields=false', async () => {
    const only = await listWith('read:clients', '?fields=name,client_id');
    expect(Object.keys(only[0]!)).toEqual(['client_id', 'name']);
    const without = await listWith('read:clients', '?fields=description,callbacks&include_fields=false');
    expect(without[0]).not.toHaveProperty('description');
    expect(without[0]).toHaveProperty('name');
  });

  it('never lets fields reveal what the scopes hide', async () => {
    const clients = await listWith('read:clients', '?fields=client_secret,name');
    expect(Object.keys(clients[0]!)).toEqual(['name']);
  });

  it('refuses an out-of-range per_page with a query validation error', async () => {
    const response = await callApi(tenant(), '/api/v2/clients?per_page=101', await tokenFor(tenant()));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: "Query validation error: 'Value 101 is greater than maximum 100' on property per_page.",
      errorCode: 'invalid_query_string',
    });
  });

  it('refuses a non-numeric page and a repeated parameter', async () => {
    const token = await tokenFor(tenant());
    expect((await callApi(tenant(), '/api/v2/clients?page=abc', token)).status).toBe(400);
    expect((await callApi(tenant(), '/api/v2/clients?page=1&page=2', token)).status).toBe(400);
    expect((await callApi(tenant(), '/api/v2/clients?include_totals=yes', token)).status).toBe(400);
  });
});
