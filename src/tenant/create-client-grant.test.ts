import { describe, expect, it } from 'vitest';
import { callApiAsExplorer, requestToken, useTenantServer } from './hosts/testing.ts';
import { TenantError } from './tenant-error.ts';

const tenant = useTenantServer();
const admin = (path: string, init?: RequestInit) => callApiAsExplorer(tenant(), path, init);

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

  it('creates a grant without scope, allowing none, since Auth0 documents scope as optional', async () => {
    const app = tenant().createApplication({ name: 'No scopes yet', app_type: 'non_interactive' });
    if (app instanceof TenantError) throw app;
    const response = await admin('/api/v2/client-grants', { method: 'POST', body: JSON.stringify({ client_id: app.client_id, audience: tenant().managementAudience }) });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ client_id: app.client_id, scope: [] });
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
});
