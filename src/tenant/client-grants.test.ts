import { describe, expect, it } from 'vitest';
import { callApi, requestToken, tokenFor, useTenantServer } from './test-tenant.ts';

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
    expect((await response.json()).message).toBe("Payload validation error: 'Scopes are not defined by the resource server: read:everything' on property scope.");
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
