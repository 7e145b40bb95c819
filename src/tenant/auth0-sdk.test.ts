import { Management } from 'auth0';
import { describe, expect, it } from 'vitest';
import { SEEDED_CREDENTIALS } from './seed.ts';
import { rejectionOf, useSdkTenant } from './sdk-test-support.ts';
import { START } from './hosts/testing.ts';

/*
 * The official Auth0 Node SDK (`auth0` v7), unmodified, against the mocked tenant through msw/node.
 *
 * Time: the tenant's clock is virtual and frozen, but the SDK's token cache reads the system clock
 * (`Date.now()` when it stores `expires_in` and when it checks `expiresAt - 10 s` before each call).
 * Only `Date` is faked, and it is moved together with the tenant clock, so "a day later" holds
 * for both sides; timers stay real because msw and fetch need them.
 */

const { reporting, explorer } = SEEDED_CREDENTIALS;

// Set-up in sdk-test-support.ts; fakeDate gives the Date-with-the-tenant-clock described above.
const { tenant, requests: seen, clientFor, advanceBoth } = useSdkTenant({ fakeDate: true });

const tokenRequests = () => seen().filter((request) => request.method === 'POST' && request.path === '/oauth/token');
const apiRequests = () => seen().filter((request) => request.path.startsWith('/api/v2/'));

describe('the official Auth0 Node SDK against the mocked tenant', () => {
  it('starts with Date following the tenant clock, as the token cache needs', () => {
    expect(Date.now()).toBe(START.getTime());
  });

  it('gets a token with client credentials and lists the clients', async () => {
    const management = clientFor(reporting);
    const page = await management.clients.list();
    // The Global Client is listed too, after the applications (issue 13).
    expect(page.data.map((client) => client.name)).toEqual(['Reporting Service', 'Nightly Backup', 'Customer Portal', 'API Explorer Application', 'All Applications']);
    expect(page.response).toMatchObject({ start: 0, limit: 50, total: 5 });
    // read:client_keys lets the Reporting Service see secrets, as on a real tenant.
    expect(page.data[0]?.client_secret).toBe(reporting.client_secret);
    expect(seen().map(({ method, path, query }) => ({ method, path, query }))).toEqual([
      { method: 'POST', path: '/oauth/token', query: '' },
      { method: 'GET', path: '/api/v2/clients', query: '?page=0&per_page=50&include_totals=true' },
    ]);
  });

  it('reads one client by id with the cached token', async () => {
    const management = clientFor(reporting);
    const client = await management.clients.get(explorer.client_id);
    expect(client).toMatchObject({ client_id: explorer.client_id, name: 'API Explorer Application', app_type: 'non_interactive' });
    await management.clients.get(reporting.client_id);
    expect(tokenRequests()).toHaveLength(1);
    expect(apiRequests()).toHaveLength(2);
  });

  it('sees a 403 with the tenant body when the token lacks the scope', async () => {
    const error = await rejectionOf(clientFor(reporting).clientGrants.list());
    expect(error).toBeInstanceOf(Management.ForbiddenError);
    expect(error.statusCode).toBe(403);
    expect(error.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Insufficient scope, expected any of: read:client_grants', errorCode: 'insufficient_scope' });
    expect(apiRequests()).toHaveLength(1);
  });

  it('sees a 404 for an unknown client id', async () => {
    const error = await rejectionOf(clientFor(reporting).clients.get('no-such-client'));
    expect(error).toBeInstanceOf(Management.NotFoundError);
    expect(error.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'The client does not exist', errorCode: 'inexistent_client' });
  });

  it('reports a refused token request with the Authentication API body', async () => {
    const error = await rejectionOf(clientFor({ client_id: reporting.client_id, client_secret: 'wrong' }).clients.list());
    expect(error.statusCode).toBe(401);
    expect(error.body).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });
    expect(apiRequests()).toEqual([]);
  });

  it('gets a new token once the old one has expired, and the new one works', async () => {
    const management = clientFor(reporting);
    await management.clients.list();
    advanceBoth(86_400);
    const page = await management.clients.list();
    expect(page.data).toHaveLength(5);
    expect(seen().map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /oauth/token',
      'GET /api/v2/clients',
      'POST /oauth/token',
      'GET /api/v2/clients',
    ]);
  });

  it('refreshes 10 s before exp, as the SDK leeway says, and not earlier', async () => {
    const management = clientFor(reporting);
    await management.clients.list();
    advanceBoth(86_400 - 11);
    await management.clients.list();
    expect(tokenRequests()).toHaveLength(1);
    advanceBoth(2);
    await management.clients.list();
    expect(tokenRequests()).toHaveLength(2);
  });

  it('gets the tenant 401 Expired token when only the tenant clock moves (why Date must follow it)', async () => {
    const management = clientFor(reporting);
    await management.clients.list();
    tenant().clock.advance(86_400);
    const error = await rejectionOf(management.clients.list());
    expect(error).toBeInstanceOf(Management.UnauthorizedError);
    expect(error.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Expired token received for JSON Web Token validation',
      attributes: { error: 'Expired token received for JSON Web Token validation' },
    });
    expect(tokenRequests()).toHaveLength(1);
  });

  it('creates a client and a grant with the all-scopes explorer app, then the new app gets a token', async () => {
    const admin = clientFor(explorer);
    const created = await admin.clients.create({ name: 'SDK Job', app_type: 'non_interactive' });
    expect(created).toMatchObject({ name: 'SDK Job', app_type: 'non_interactive', grant_types: ['client_credentials'] });
    const clientId = created.client_id ?? '';
    const clientSecret = created.client_secret ?? '';
    await admin.clientGrants.create({ client_id: clientId, audience: tenant().managementAudience, scope: ['read:client_summary'] });
    const page = await clientFor({ client_id: clientId, client_secret: clientSecret }).clients.list();
    // read:client_summary shows the summary fields only.
    expect(Object.keys(page.data[0] ?? {}).sort()).toEqual(['app_type', 'client_id', 'description', 'name']);
  });
});
