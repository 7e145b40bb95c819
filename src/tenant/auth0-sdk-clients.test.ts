import { describe, expect, it } from 'vitest';
import { SEEDED_CREDENTIALS, SEEDED_GLOBAL_CLIENT } from './seed.ts';
import { rejectionOf, requestLine, useSdkTenant } from './sdk-test-support.ts';

/*
 * The official Auth0 Node SDK (`auth0` v7), unmodified, on the /clients family through msw/node:
 * the Global Client in `clients.list`, paging, `is_global`, `update`, `delete`, and the 400 for a
 * public client that asks for client_credentials. Time is not faked: no test here outlives a token.
 */

const { reporting, explorer } = SEEDED_CREDENTIALS;

const { tenant, requests: seen, clientFor } = useSdkTenant();

describe('the official SDK on /api/v2/clients', () => {
  it('lists the Global Client with global: true, its secret shown to read:client_keys', async () => {
    const page = await clientFor(reporting).clients.list();
    expect(page.response).toMatchObject({ total: 5 });
    const global = page.data.find((client) => client.global === true);
    expect(global).toMatchObject({ client_id: SEEDED_GLOBAL_CLIENT.client_id, name: 'All Applications', client_secret: SEEDED_GLOBAL_CLIENT.client_secret });
    expect(page.data.filter((client) => client.global === false)).toHaveLength(4);
  });

  it('pages through every client, the Global Client last', async () => {
    let page = await clientFor(reporting).clients.list({ per_page: 2 });
    const names = page.data.map((client) => client.name);
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      names.push(...page.data.map((client) => client.name));
    }
    expect(names).toEqual(['Reporting Service', 'Nightly Backup', 'Customer Portal', 'API Explorer Application', 'All Applications']);
    expect(seen().map(requestLine).filter((request) => request.startsWith('GET /api/v2/clients'))).toEqual([
      'GET /api/v2/clients?page=0&per_page=2&include_totals=true',
      'GET /api/v2/clients?page=1&per_page=2&include_totals=true',
      'GET /api/v2/clients?page=2&per_page=2&include_totals=true',
    ]);
  });

  it('leaves the Global Client out with is_global: false', async () => {
    const page = await clientFor(reporting).clients.list({ is_global: false });
    expect(page.data.map((client) => client.name)).toEqual(['Reporting Service', 'Nightly Backup', 'Customer Portal', 'API Explorer Application']);
    expect(seen().map(requestLine)).toContain('GET /api/v2/clients?page=0&per_page=50&include_totals=true&is_global=false');
  });

  it('updates a client, and the tenant keeps the change', async () => {
    const updated = await clientFor(explorer).clients.update(reporting.client_id, { description: 'Weekly now.', client_metadata: { owner: 'audit' } });
    expect(updated).toMatchObject({ client_id: reporting.client_id, description: 'Weekly now.', client_metadata: { owner: 'audit' } });
    expect(tenant().application(reporting.client_id)).toMatchObject({ description: 'Weekly now.', client_metadata: { owner: 'audit' } });
  });

  it('deletes a client: 204, then a 404 for the same id', async () => {
    const admin = clientFor(explorer);
    await admin.clients.delete(SEEDED_CREDENTIALS.noGrant.client_id);
    expect(tenant().application(SEEDED_CREDENTIALS.noGrant.client_id)).toBeUndefined();
    const error = await rejectionOf(admin.clients.get(SEEDED_CREDENTIALS.noGrant.client_id));
    expect(error.statusCode).toBe(404);
  });

  it('gets a ManagementError with status 400 when a single-page app asks for client_credentials', async () => {
    const before = tenant().applications.length;
    const error = await rejectionOf(clientFor(explorer).clients.create({ name: 'Leaky SPA', app_type: 'spa', token_endpoint_auth_method: 'none', grant_types: ['client_credentials'] }));
    expect(error.statusCode).toBe(400);
    expect(error.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Invalid grant types: client_credentials', errorCode: 'invalid_body' });
    expect(tenant().applications).toHaveLength(before);
  });

  it('gets a 403 naming client_secret when it asks for it without a secret-reading scope', async () => {
    tenant().authorize(SEEDED_CREDENTIALS.noGrant.client_id, ['read:clients']);
    const error = await rejectionOf(clientFor(SEEDED_CREDENTIALS.noGrant).clients.list({ fields: 'client_id,client_secret' }));
    expect(error.statusCode).toBe(403);
    expect(error.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'You cannot read the following fields: client_secret', errorCode: 'insufficient_scope' });
  });
});
