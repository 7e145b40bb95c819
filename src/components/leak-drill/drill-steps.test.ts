import { describe, expect, it } from 'vitest';
import { useTenantServer } from '../../tenant/test-tenant.ts';
import { applyRemedy, leakToken, resetDrill, type Leak } from './drill-steps.ts';

const currentTenant = useTenantServer();
const EXPIRED = 'Expired token received for JSON Web Token validation';

async function leak(): Promise<Leak> {
  const tenant = currentTenant();
  const leaked = await leakToken(tenant, tenant.seeded.reporting.client_id);
  if (!('token' in leaked)) throw new Error(`no token: ${JSON.stringify(leaked)}`);
  return leaked;
}

describe('leakToken', () => {
  it('issues a real token and remembers the secret the app had then', async () => {
    const leaked = await leak();
    expect(leaked.token).toMatch(/^eyJ/);
    expect(leaked.secretAtLeak).toBe(currentTenant().seeded.reporting.client_secret);
  });

  it('returns the refusal for an app without a grant', async () => {
    const tenant = currentTenant();
    expect(await leakToken(tenant, tenant.seeded.noGrant.client_id)).toMatchObject({ status: 403, body: { error: 'access_denied' } });
  });
});

describe('applyRemedy', () => {
  it('delete-grant: the leaked token still works, new token requests get 403 access_denied', async () => {
    const result = await applyRemedy(currentTenant(), 'delete-grant', await leak());
    expect(result.oldToken.outcome.status).toBe(200);
    expect(result.newRequests).toHaveLength(1);
    expect(result.newRequests[0]!.outcome).toMatchObject({ status: 403, body: { error: 'access_denied' } });
  });

  it('rotate-secret: the old secret gets 401, the new one a token, and the leaked token still works', async () => {
    const result = await applyRemedy(currentTenant(), 'rotate-secret', await leak());
    expect(result.oldToken.outcome.status).toBe(200);
    expect(result.newRequests.map((attempt) => [attempt.label, attempt.outcome.status])).toEqual([
      ['with the leaked (old) secret', 401],
      ['with the new secret', 200],
    ]);
    expect(result.newRequests[0]!.outcome.body).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });
    expect(JSON.stringify(result.newRequests[1]!.outcome.body)).toContain('… (a new token)');
  });

  it('wait-out-exp: after 24 hours the leaked token gets 401 Expired while a new request still works', async () => {
    const result = await applyRemedy(currentTenant(), 'wait-out-exp', await leak());
    expect(result.oldToken.outcome).toMatchObject({ status: 401, body: { message: EXPIRED } });
    expect(result.newRequests[0]!.outcome.status).toBe(200);
  });
});

describe('resetDrill', () => {
  it('restores the grant with its scopes and puts the clock back', async () => {
    const tenant = currentTenant();
    const start = tenant.clock.now();
    const leaked = await leak();
    await applyRemedy(tenant, 'delete-grant', leaked);
    await applyRemedy(tenant, 'wait-out-exp', leaked);
    resetDrill(tenant, leaked.clientId, ['read:clients', 'read:client_keys'], start);
    expect(tenant.clock.now()).toBe(start);
    const again = await leakToken(tenant, leaked.clientId);
    expect('token' in again).toBe(true);
  });
});
