import { describe, expect, it } from 'vitest';
import { callApi, callApiAsExplorer, requestToken, tokenFor, useTenantServer } from './hosts/testing.ts';
import { TenantError } from './tenant-error.ts';

const tenant = useTenantServer();
const admin = (path: string, init?: RequestInit) => callApiAsExplorer(tenant(), path, init);

describe('DELETE /api/v2/client-grants/{id}', () => {
  it('revokes the grant with 204: no new tokens, but issued tokens stay valid until exp', async () => {
    const issued = await tokenFor(tenant());
    const response = await admin('/api/v2/client-grants/cgr_sbxReporting000001', { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect((await requestToken(tenant())).status).toBe(403);
    expect((await callApi(tenant(), '/api/v2/clients', issued)).status).toBe(200);
  });

  it('answers 404 for a grant that does not exist', async () => {
    expect((await admin('/api/v2/client-grants/cgr_nothing', { method: 'DELETE' })).status).toBe(404);
  });

  it('revokes through the tenant method as well', async () => {
    expect(tenant().revokeGrant('cgr_sbxReporting000001')).not.toBeInstanceOf(TenantError);
    expect((await requestToken(tenant())).status).toBe(403);
    const again = tenant().revokeGrant('cgr_sbxReporting000001');
    expect(again).toBeInstanceOf(TenantError);
    expect(again).toHaveProperty('code', 'inexistent_client_grant');
  });
});
