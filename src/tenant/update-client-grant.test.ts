import { describe, expect, it } from 'vitest';
import { callApiAsExplorer, requestToken, useTenantServer } from './hosts/testing.ts';

const tenant = useTenantServer();
const admin = (path: string, init?: RequestInit) => callApiAsExplorer(tenant(), path, init);

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

describe('client grants with the Organizations fields', () => {
  const audience = () => tenant().managementAudience;

  it('changes organization_usage and allow_any_organization with PATCH, and removes them with null', async () => {
    const path = '/api/v2/client-grants/cgr_sbxReporting000001';
    const set = await admin(path, { method: 'PATCH', body: JSON.stringify({ organization_usage: 'allow', allow_any_organization: false }) });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ organization_usage: 'allow', allow_any_organization: false, scope: ['read:clients', 'read:client_keys'] });
    const cleared = await (await admin(path, { method: 'PATCH', body: JSON.stringify({ organization_usage: null, allow_any_organization: null }) })).json();
    expect(cleared).toEqual({ id: 'cgr_sbxReporting000001', client_id: tenant().seeded.reporting.client_id, audience: audience(), scope: ['read:clients', 'read:client_keys'] });
  });

  it('refuses subject_type and bad values on PATCH, leaving the grant as it was', async () => {
    const path = '/api/v2/client-grants/cgr_sbxReporting000001';
    const before = tenant().clientGrants[0];
    const subject = await admin(path, { method: 'PATCH', body: JSON.stringify({ subject_type: 'user' }) });
    expect(await subject.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: "Payload validation error: 'Additional properties not allowed: subject_type'.", errorCode: 'invalid_body' });
    const usage = await admin(path, { method: 'PATCH', body: JSON.stringify({ scope: ['read:users'], organization_usage: 'always' }) });
    expect(await usage.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Payload validation error: \'No enum match for: "always"\' on property organization_usage.', errorCode: 'invalid_body' });
    const unknownScope = await admin(path, { method: 'PATCH', body: JSON.stringify({ organization_usage: 'allow', scope: ['read:nothing'] }) });
    expect(unknownScope.status).toBe(400);
    expect(tenant().clientGrants[0]).toEqual(before);
  });
});
