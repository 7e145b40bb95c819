import { describe, expect, it } from 'vitest';
import { callApi, callApiAsExplorer, tokenFor, useTenantServer } from './hosts/testing.ts';

const tenant = useTenantServer();
const admin = (path: string, init?: RequestInit) => callApiAsExplorer(tenant(), path, init);

describe('GET /api/v2/client-grants/{id}', () => {
  it('returns one grant', async () => {
    const response = await admin('/api/v2/client-grants/cgr_sbxApiExplorer0004');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(tenant().clientGrants[2]);
  });

  it('answers 404 inexistent_client_grant for an unknown id, including an over-long one', async () => {
    for (const id of ['cgr_nothing', 'x'.repeat(5000), encodeURIComponent('cgr_a|b')]) {
      const response = await admin(`/api/v2/client-grants/${id}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'The client grant does not exist', errorCode: 'inexistent_client_grant' });
    }
  });

  it('answers 401 Missing authentication without a token, and 403 without read:client_grants', async () => {
    const anonymous = await callApi(tenant(), '/api/v2/client-grants/cgr_sbxApiExplorer0004', undefined);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' });
    const reporting = await callApi(tenant(), '/api/v2/client-grants/cgr_sbxApiExplorer0004', await tokenFor(tenant()));
    expect(reporting.status).toBe(403);
    expect(await reporting.json()).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Insufficient scope, expected any of: read:client_grants', errorCode: 'insufficient_scope' });
  });
});

describe('tenant.managementGrant(clientId)', () => {
  it('finds the application\'s Management API grant, as a copy', () => {
    const { reporting } = tenant().seeded;
    const grant = tenant().managementGrant(reporting.client_id);
    expect(grant).toMatchObject({ id: 'cgr_sbxReporting000001', client_id: reporting.client_id, audience: tenant().managementAudience });
    grant!.scope.push('delete:clients');
    expect(tenant().managementGrant(reporting.client_id)!.scope).not.toContain('delete:clients');
  });

  it('is undefined for an application without one', () => {
    expect(tenant().managementGrant(tenant().seeded.noGrant.client_id)).toBeUndefined();
    expect(tenant().managementGrant('no-such-client')).toBeUndefined();
  });
});
