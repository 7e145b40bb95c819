import { describe, expect, it } from 'vitest';
import { callApiAsExplorer, useTenantServer } from '../../tenant/hosts/testing.ts';
import { applyRemedy, describeWait, leakToken, resetDrill, secondsUntilExpired, type Leak } from './drill-steps.ts';

const currentTenant = useTenantServer();
const EXPIRED = 'Expired token received for JSON Web Token validation';

async function leak(): Promise<Leak> {
  const tenant = currentTenant();
  const leaked = await leakToken(tenant, tenant.seeded.reporting.client_id, fetch);
  if (!('token' in leaked)) throw new Error(`no token: ${JSON.stringify(leaked)}`);
  return leaked;
}

/** Deletes an app the way playground code on the same page could: through the Management API. */
async function deleteApp(clientId: string): Promise<void> {
  const response = await callApiAsExplorer(currentTenant(), `/api/v2/clients/${clientId}`, { method: 'DELETE' });
  expect(response.status).toBe(204);
}

describe('leakToken', () => {
  it('issues a real token and remembers the secret the app had then', async () => {
    const leaked = await leak();
    expect(leaked.token).toMatch(/^eyJ/);
    expect(leaked.secretAtLeak).toBe(currentTenant().seeded.reporting.client_secret);
  });

  it('uses the secret the tenant still accepts while a rotation made elsewhere switches', async () => {
    const tenant = currentTenant();
    const before = tenant.seeded.reporting.client_secret;
    tenant.rotateClientSecret(tenant.seeded.reporting.client_id);
    const leaked = await leak();
    expect(leaked.secretAtLeak).toBe(before);
  });

  it('returns the refusal for an app without a grant', async () => {
    const tenant = currentTenant();
    expect(await leakToken(tenant, tenant.seeded.noGrant.client_id, fetch)).toMatchObject({ status: 403, body: { error: 'access_denied' } });
  });
});

describe('applyRemedy', () => {
  it('delete-grant: the leaked token still works, new token requests get 403 access_denied', async () => {
    const result = await applyRemedy(currentTenant(), 'delete-grant', await leak(), fetch);
    expect(result.oldToken.outcome.status).toBe(200);
    expect(result.newRequests).toHaveLength(1);
    expect(result.newRequests[0]!.outcome).toMatchObject({ status: 403, body: { error: 'access_denied' } });
  });

  it('rotate-secret: the old secret gets 401, the new one a token, and the leaked token still works', async () => {
    const result = await applyRemedy(currentTenant(), 'rotate-secret', await leak(), fetch);
    expect(result.oldToken.outcome.status).toBe(200);
    expect(result.newRequests.map((attempt) => [attempt.label, attempt.outcome.status])).toEqual([
      ['with the leaked (old) secret', 401],
      ['with the new secret', 200],
    ]);
    expect(result.newRequests[0]!.outcome.body).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });
    expect(JSON.stringify(result.newRequests[1]!.outcome.body)).toContain('… (a new token)');
    // The instant switch is the drill's choice, and the page says so beside Auth0's delay.
    expect(result.done).toMatch(/The drill switches it at once, its own choice .* on Auth0 a new secret can take up to about 30 seconds to take effect \(Auth0 docs, "Rotate Client Secret"\), and elsewhere this sandbox keeps the old one working for 30 seconds of its clock\.$/);
    expect(currentTenant().secretSwitch(currentTenant().seeded.reporting.client_id)).toBeUndefined();
  });

  it('wait-out-exp: past the token\'s exp (24 hours by default) the leaked token gets 401 Expired while a new request still works', async () => {
    const result = await applyRemedy(currentTenant(), 'wait-out-exp', await leak(), fetch);
    expect(result.oldToken.outcome).toMatchObject({ status: 401, body: { message: EXPIRED } });
    expect(result.newRequests[0]!.outcome.status).toBe(200);
    expect(result.done).toBe('Moved the tenant clock forward 1 day and 1 second, read from the token\'s exp: the leaked token is past it.');
  });

  it('wait-out-exp reads exp from the token, so a raised Token Expiration makes the wait longer', async () => {
    const tenant = currentTenant();
    tenant.setTokenLifetime(7 * 86_400);
    const leaked = await leak();
    const start = tenant.clock.nowSeconds();
    const result = await applyRemedy(tenant, 'wait-out-exp', leaked, fetch);
    expect(tenant.clock.nowSeconds() - start).toBe(7 * 86_400 + 1);
    expect(result.oldToken.outcome).toMatchObject({ status: 401, body: { message: EXPIRED } });
    expect(result.done).toMatch(/^Moved the tenant clock forward 7 days and 1 second/);
  });
});

describe('secondsUntilExpired and describeWait', () => {
  it('counts from now to one second past exp, and never backwards', () => {
    const token = (claims: object) => `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;
    expect(secondsUntilExpired(token({ exp: 1_000 }), 400)).toBe(601);
    expect(secondsUntilExpired(token({ exp: 1_000 }), 5_000)).toBe(0);
    expect(secondsUntilExpired(token({}), 5_000)).toBe(0);
    expect(secondsUntilExpired('not a token', 5_000)).toBe(0);
  });

  it('says the jump in days, hours, minutes and seconds', () => {
    expect(describeWait(86_401)).toBe('1 day and 1 second');
    expect(describeWait(2 * 86_400 + 3 * 3_600)).toBe('2 days and 3 hours');
    expect(describeWait(0)).toBe('0 seconds');
    // Issue 24 item 8: a wait a few seconds short of a day read "23 hours and 3595 seconds".
    expect(describeWait(86_395)).toBe('23 hours, 59 minutes and 55 seconds');
    expect(describeWait(90 * 60)).toBe('1 hour and 30 minutes');
  });
});

describe('resetDrill', () => {
  it('restores the grant with its scopes and puts the clock back', async () => {
    const tenant = currentTenant();
    const start = tenant.clock.now();
    const leaked = await leak();
    await applyRemedy(tenant, 'delete-grant', leaked, fetch);
    await applyRemedy(tenant, 'wait-out-exp', leaked, fetch);
    resetDrill(tenant, leaked.clientId, ['read:clients', 'read:client_keys'], start);
    expect(tenant.clock.now()).toBe(start);
    const again = await leakToken(tenant, leaked.clientId, fetch);
    expect('token' in again).toBe(true);
  });

  it('returns the refusal, and leaves the clock reset, when the app itself is gone', async () => {
    const tenant = currentTenant();
    const start = tenant.clock.now();
    const leaked = await leak();
    await applyRemedy(tenant, 'wait-out-exp', leaked, fetch);
    await deleteApp(leaked.clientId);
    const refused = resetDrill(tenant, leaked.clientId, ['read:clients'], start);
    expect(refused).toMatchObject({ code: 'inexistent_client' });
    expect(tenant.clock.now()).toBe(start);
  });
});

describe('applyRemedy when the app was deleted meanwhile', () => {
  it('says the secret could not be rotated instead of claiming it was', async () => {
    const tenant = currentTenant();
    const leaked = await leak();
    await deleteApp(leaked.clientId);
    const result = await applyRemedy(tenant, 'rotate-secret', leaked, fetch);
    expect(result.done).toBe('Could not rotate the secret: The client does not exist');
  });
});
