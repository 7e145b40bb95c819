import { describe, expect, it } from 'vitest';
import { callApi, requestToken, tokenFor, useTenantServer } from './hosts/testing.ts';
import { TenantError } from './tenant-error.ts';

const tenant = useTenantServer();

describe('POST /api/v2/clients/{id}/rotate-secret', () => {
  it('replaces the secret: the old one is refused, the new one works, old tokens stay valid', async () => {
    const { reporting } = tenant().seeded;
    const oldToken = await tokenFor(tenant());
    const response = await callApi(tenant(), `/api/v2/clients/${reporting.client_id}/rotate-secret`, await tokenFor(tenant(), 'explorer'), { method: 'POST' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.client_id).toBe(reporting.client_id);
    expect(body.client_secret).not.toBe(reporting.client_secret);

    expect((await requestToken(tenant())).status).toBe(401);
    expect((await requestToken(tenant(), 'reporting', { client_secret: body.client_secret })).status).toBe(200);
    expect((await callApi(tenant(), '/api/v2/clients', oldToken)).status).toBe(200);
  });

  it('needs update:client_keys', async () => {
    const { reporting } = tenant().seeded;
    const response = await callApi(tenant(), `/api/v2/clients/${reporting.client_id}/rotate-secret`, await tokenFor(tenant()), { method: 'POST' });
    expect(response.status).toBe(403);
    expect((await response.json()).message).toBe('Insufficient scope, expected any of: update:client_keys');
  });

  it('answers 404 inexistent_client for an unknown application', async () => {
    const response = await callApi(tenant(), '/api/v2/clients/nobody/rotate-secret', await tokenFor(tenant(), 'explorer'), { method: 'POST' });
    expect(response.status).toBe(404);
    expect((await response.json()).errorCode).toBe('inexistent_client');
  });

  it('reports an unknown application from the tenant method as a value', () => {
    const result = tenant().rotateClientSecret('nobody');
    expect(result).toBeInstanceOf(TenantError);
    expect(result).toHaveProperty('code', 'inexistent_client');
  });
});
