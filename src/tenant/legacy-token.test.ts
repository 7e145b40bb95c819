import { describe, expect, it } from 'vitest';
import { mintLegacyExplorerToken } from './legacy-token.ts';
import { callApi, useTenantServer } from './hosts/testing.ts';
import { decodeJwt, decodeProtectedHeader } from 'jose';

const tenant = useTenantServer();

const INVALID_SIGNATURE = {
  statusCode: 401,
  error: 'Unauthorized',
  message: 'Invalid signature received for JSON Web Token validation',
  attributes: { error: 'Invalid signature received for JSON Web Token validation' },
};

describe('legacy mode ("before the change")', () => {
  it('mints old explorer tokens: HS256, aud = Global Client id, every scope, no exp', async () => {
    const token = await mintLegacyExplorerToken(tenant());
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(Object.keys(claims)).toEqual(['iss', 'aud', 'scope', 'iat']);
    expect(claims.aud).toBe(tenant().globalClient.client_id);
    expect(String(claims.scope).split(' ')).toContain('delete:clients');
  });

  it('is off by default: an old explorer token gets the real 401', async () => {
    expect(tenant().legacyMode).toBe(false);
    const response = await callApi(tenant(), '/api/v2/clients', await mintLegacyExplorerToken(tenant()));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(INVALID_SIGNATURE);
  });

  it('accepts the old explorer token when on, even a year later (no exp)', async () => {
    tenant().setLegacyMode(true);
    const token = await mintLegacyExplorerToken(tenant(), { scope: 'read:clients' });
    tenant().clock.advance(365 * 86400);
    const response = await callApi(tenant(), '/api/v2/clients', token);
    expect(response.status).toBe(200);
  });

  it('still checks scopes for legacy tokens', async () => {
    tenant().setLegacyMode(true);
    const response = await callApi(tenant(), '/api/v2/clients', await mintLegacyExplorerToken(tenant(), { scope: ['read:users'] }));
    expect(response.status).toBe(403);
  });

  it('enforces exp when a legacy token has one', async () => {
    tenant().setLegacyMode(true);
    const token = await mintLegacyExplorerToken(tenant(), { lifetimeSeconds: 60 });
    tenant().clock.advance(60);
    const response = await callApi(tenant(), '/api/v2/clients', token);
    expect((await response.json()).message).toBe('Expired token received for JSON Web Token validation');
  });

  it('stops accepting old tokens once the Global Client Secret is rotated', async () => {
    tenant().setLegacyMode(true);
    const token = await mintLegacyExplorerToken(tenant());
    const before = tenant().globalClient.client_secret;
    expect(tenant().rotateGlobalSecret().client_secret).not.toBe(before);
    const response = await callApi(tenant(), '/api/v2/clients', token);
    expect(await response.json()).toEqual(INVALID_SIGNATURE);
    expect((await callApi(tenant(), '/api/v2/clients', await mintLegacyExplorerToken(tenant()))).status).toBe(200);
  });

  it('refuses the token again when legacy mode is switched back off', async () => {
    tenant().setLegacyMode(true);
    const token = await mintLegacyExplorerToken(tenant());
    expect((await callApi(tenant(), '/api/v2/clients', token)).status).toBe(200);
    tenant().setLegacyMode(false);
    expect((await callApi(tenant(), '/api/v2/clients', token)).status).toBe(401);
  });

  it('refuses a token with a non-positive lifetime at minting time', async () => {
    await expect(mintLegacyExplorerToken(tenant(), { lifetimeSeconds: 0 })).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
