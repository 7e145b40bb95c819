import { describe, expect, it } from 'vitest';
import { mintLegacyExplorerToken } from './legacy-token.ts';
import { SEEDED_GLOBAL_CLIENT } from './seed.ts';
import { callApi, tokenFor, useTenantServer } from './hosts/testing.ts';

const tenant = useTenantServer();

describe('POST /api/v2/clients/{global id}/rotate-secret', () => {
  it('gives the Global Client a new base64 secret and answers with it, global: true', async () => {
    const response = await callApi(tenant(), `/api/v2/clients/${SEEDED_GLOBAL_CLIENT.client_id}/rotate-secret`, await tokenFor(tenant(), 'explorer', 'update:client_keys'), { method: 'POST' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ client_id: SEEDED_GLOBAL_CLIENT.client_id, name: 'All Applications', global: true });
    expect(body.client_secret).toBe(tenant().globalClient.client_secret);
    expect(body.client_secret).not.toBe(SEEDED_GLOBAL_CLIENT.client_secret);
    expect(body.client_secret).toMatch(/^[A-Za-z0-9+/]{64}$/);
  });

  it('retires the old explorer tokens, as tenant.rotateGlobalSecret() does', async () => {
    tenant().setLegacyMode(true);
    const old = await mintLegacyExplorerToken(tenant(), { scope: 'read:clients' });
    expect((await callApi(tenant(), '/api/v2/clients', old)).status).toBe(200);
    await callApi(tenant(), `/api/v2/clients/${SEEDED_GLOBAL_CLIENT.client_id}/rotate-secret`, await tokenFor(tenant(), 'explorer'), { method: 'POST' });
    expect((await callApi(tenant(), '/api/v2/clients', old)).status).toBe(401);
    expect((await callApi(tenant(), '/api/v2/clients', await mintLegacyExplorerToken(tenant(), { scope: 'read:clients' }))).status).toBe(200);
  });

  it('needs update:client_keys, like any rotation', async () => {
    const response = await callApi(tenant(), `/api/v2/clients/${SEEDED_GLOBAL_CLIENT.client_id}/rotate-secret`, await tokenFor(tenant()), { method: 'POST' });
    expect(response.status).toBe(403);
    expect(tenant().globalClient).toEqual(SEEDED_GLOBAL_CLIENT);
  });
});
