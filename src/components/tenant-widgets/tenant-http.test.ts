import { describe, expect, it } from 'vitest';
import { useTenantServer } from '../../tenant/hosts/testing.ts';
import { accessTokenOf, callManagementApi, requestToken } from './tenant-http.ts';

const currentTenant = useTenantServer();

function reportingCredentials() {
  const tenant = currentTenant();
  const { client_id, client_secret } = tenant.seeded.reporting;
  return { clientId: client_id, clientSecret: client_secret, audience: tenant.managementAudience };
}

describe('requestToken', () => {
  it('gets a 24-hour token for a seeded application', async () => {
    const outcome = await requestToken(currentTenant().domain, reportingCredentials(), fetch);
    expect(outcome.status).toBe(200);
    expect(outcome.body).toMatchObject({ expires_in: 86_400, token_type: 'Bearer', scope: 'read:clients read:client_keys' });
    expect(accessTokenOf(outcome)).toMatch(/^eyJ/);
  });

  it('returns the 401 body for a wrong secret instead of throwing', async () => {
    const outcome = await requestToken(currentTenant().domain, { ...reportingCredentials(), clientSecret: 'wrong' }, fetch);
    expect(outcome).toEqual({ status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } });
    expect(accessTokenOf(outcome)).toBeUndefined();
  });
});

describe('callManagementApi', () => {
  it('lists clients with a fresh token and reports 401 Expired a day later', async () => {
    const tenant = currentTenant();
    const token = accessTokenOf(await requestToken(tenant.domain, reportingCredentials(), fetch))!;
    const before = await callManagementApi(tenant.domain, 'GET', '/api/v2/clients', token, fetch);
    expect(before.status).toBe(200);
    expect(Array.isArray(before.body)).toBe(true);

    tenant.clock.advance(86_400);
    const after = await callManagementApi(tenant.domain, 'GET', '/api/v2/clients', token, fetch);
    expect(after).toEqual({
      status: 401,
      body: {
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Expired token received for JSON Web Token validation',
        attributes: { error: 'Expired token received for JSON Web Token validation' },
      },
    });
  });

  it('gives a null body for an empty 204 answer', async () => {
    const tenant = currentTenant();
    const { client_id, client_secret } = tenant.seeded.explorer;
    const token = accessTokenOf(await requestToken(tenant.domain, { clientId: client_id, clientSecret: client_secret, audience: tenant.managementAudience }, fetch))!;
    const outcome = await callManagementApi(tenant.domain, 'DELETE', '/api/v2/client-grants/cgr_sbxReporting000001', token, fetch);
    expect(outcome).toEqual({ status: 204, body: null });
  });
});
