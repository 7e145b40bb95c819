import { describe, expect, it } from 'vitest';
import { callApi, requestToken, tokenFor, useTenantServer } from './hosts/testing.ts';
import { privateKeyJwtApp, serviceKey } from './private-key-jwt-test-support.ts';
import { restoreTenant } from './restore-tenant.ts';
import { SECRET_SWITCH_SECONDS } from './secret-switch.ts';
import type { Tenant } from './tenant.ts';
import { TenantError } from './tenant-error.ts';

const tenant = useTenantServer();

/** Rotates the Reporting Service's secret over HTTP, as a learner's code would; returns the new secret. */
async function rotateOverHttp(current: Tenant): Promise<string> {
  const response = await callApi(current, `/api/v2/clients/${current.seeded.reporting.client_id}/rotate-secret`, await tokenFor(current, 'explorer'), { method: 'POST' });
  expect(response.status).toBe(200);
  return ((await response.json()) as { client_secret: string }).client_secret;
}

/** The statuses of a token request with the old (seeded) secret and with `secret`, in that order. */
async function statuses(current: Tenant, secret: string): Promise<[number, number]> {
  const old = await requestToken(current);
  const fresh = await requestToken(current, 'reporting', { client_secret: secret });
  return [old.status, fresh.status];
}

describe('POST /api/v2/clients/{id}/rotate-secret', () => {
  it('answers the new secret at once, and old tokens stay valid', async () => {
    const { reporting } = tenant().seeded;
    const oldToken = await tokenFor(tenant());
    const response = await callApi(tenant(), `/api/v2/clients/${reporting.client_id}/rotate-secret`, await tokenFor(tenant(), 'explorer'), { method: 'POST' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.client_id).toBe(reporting.client_id);
    expect(body.client_secret).not.toBe(reporting.client_secret);
    expect(tenant().application(reporting.client_id)?.client_secret).toBe(body.client_secret);
    expect((await callApi(tenant(), '/api/v2/clients', oldToken)).status).toBe(200);
  });

  it('keeps the old secret working, and refuses the new one, for 30 seconds of sandbox time; then the other way round', async () => {
    const secret = await rotateOverHttp(tenant());
    expect(SECRET_SWITCH_SECONDS).toBe(30);
    expect(await statuses(tenant(), secret)).toEqual([200, 401]);
    tenant().clock.advance(29.9);
    expect(await statuses(tenant(), secret)).toEqual([200, 401]);
    tenant().clock.advance(0.1);
    expect(await statuses(tenant(), secret)).toEqual([401, 200]);
    const refused = await requestToken(tenant());
    expect(await refused.json()).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });
  });

  it('lets a service that tries the old secret and then the new one through every moment of the switch, and one that knows only the new one fail', async () => {
    const secret = await rotateOverHttp(tenant());
    const failures = { fallback: 0, newOnly: 0 };
    for (let second = 0; second <= 40; second += 1) {
      const first = await requestToken(tenant());
      const fallback = first.status === 200 ? first : await requestToken(tenant(), 'reporting', { client_secret: secret });
      if (fallback.status !== 200) failures.fallback += 1;
      if ((await requestToken(tenant(), 'reporting', { client_secret: secret })).status !== 200) failures.newOnly += 1;
      tenant().clock.advance(1);
    }
    expect(failures).toEqual({ fallback: 0, newOnly: 30 });
  });

  it('tells a lesson when the switch happens', async () => {
    const { reporting } = tenant().seeded;
    expect(tenant().secretSwitch(reporting.client_id)).toBeUndefined();
    await rotateOverHttp(tenant());
    expect(tenant().secretSwitch(reporting.client_id)).toEqual({ previousSecret: reporting.client_secret, switchesAt: tenant().clock.now() + 30_000 });
    tenant().clock.advance(30);
    expect(tenant().secretSwitch(reporting.client_id)).toBeUndefined();
  });

  it('keeps the secret that works when a second rotation comes within the window, and restarts the wait', async () => {
    const first = await rotateOverHttp(tenant());
    tenant().clock.advance(20);
    const second = await rotateOverHttp(tenant());
    tenant().clock.advance(20);
    expect((await requestToken(tenant())).status).toBe(200);
    expect((await requestToken(tenant(), 'reporting', { client_secret: first })).status).toBe(401);
    expect((await requestToken(tenant(), 'reporting', { client_secret: second })).status).toBe(401);
    tenant().clock.advance(10);
    expect(await statuses(tenant(), second)).toEqual([401, 200]);
    expect((await requestToken(tenant(), 'reporting', { client_secret: first })).status).toBe(401);
  });

  it('survives a save and a restore in the middle of the window', async () => {
    const secret = await rotateOverHttp(tenant());
    tenant().clock.advance(10);
    const { tenant: restored, restored: ok, problem } = await restoreTenant(JSON.stringify(tenant().toJSON()));
    expect(problem).toBeUndefined();
    expect(ok).toBe(true);
    const { reporting } = restored.seeded;
    expect(restored.secretSwitch(reporting.client_id)).toEqual({ previousSecret: reporting.client_secret, switchesAt: restored.clock.now() + 20_000 });
    restored.clock.advance(19);
    expect(restored.secretSwitch(reporting.client_id)?.previousSecret).toBe(reporting.client_secret);
    restored.clock.advance(1);
    expect(restored.secretSwitch(reporting.client_id)).toBeUndefined();
    expect(restored.application(reporting.client_id)?.client_secret).toBe(secret);
  });

  it('switches at once when a lesson asks for it with { immediate: true }', async () => {
    const rotated = tenant().rotateClientSecret(tenant().seeded.reporting.client_id, { immediate: true });
    if (rotated instanceof TenantError) throw rotated;
    expect(await statuses(tenant(), rotated.client_secret)).toEqual([401, 200]);
    expect(tenant().secretSwitch(rotated.client_id)).toBeUndefined();
  });

  it('refuses an application that uses Private Key JWT, as Auth0 documents, and leaves its secret alone', async () => {
    const { app } = await privateKeyJwtApp(tenant(), await serviceKey());
    const response = await callApi(tenant(), `/api/v2/clients/${app.client_id}/rotate-secret`, await tokenFor(tenant(), 'explorer'), { method: 'POST' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'This endpoint cannot be used with clients configured with Private Key JWT authentication method (client_authentication_methods configured with private_key_jwt).',
      errorCode: 'operation_not_supported',
    });
    expect(tenant().application(app.client_id)?.client_secret).toBe(app.client_secret);
    expect(tenant().rotateClientSecret(app.client_id)).toHaveProperty('code', 'rotate_private_key_jwt_client');
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
