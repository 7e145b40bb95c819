import { describe, expect, it } from 'vitest';
import { SEEDED_GLOBAL_CLIENT } from './seed.ts';
import { callApi, requestToken, tokenFor, useTenantServer } from './hosts/testing.ts';

const tenant = useTenantServer();

async function remove(clientId: string, token?: string): Promise<Response> {
  return callApi(tenant(), `/api/v2/clients/${encodeURIComponent(clientId)}`, token, { method: 'DELETE' });
}

const mgmt = (status: number, error: string, message: string, errorCode?: string) => ({ statusCode: status, error, message, ...(errorCode === undefined ? {} : { errorCode }) });

describe('DELETE /api/v2/clients/{id}', () => {
  it('deletes the application and its client grants with delete:clients: 204, no body', async () => {
    const { reporting } = tenant().seeded;
    const response = await remove(reporting.client_id, await tokenFor(tenant(), 'explorer', 'delete:clients'));
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(tenant().application(reporting.client_id)).toBeUndefined();
    expect(tenant().clientGrants.map((grant) => grant.id)).toEqual(['cgr_sbxCustomerPortal3', 'cgr_sbxApiExplorer0004']);
  });

  it('leaves the deleted app without new tokens, while a token it already had lives until exp', async () => {
    const { reporting } = tenant().seeded;
    const issued = await tokenFor(tenant());
    await remove(reporting.client_id, await tokenFor(tenant(), 'explorer'));
    expect((await requestToken(tenant())).status).toBe(401);
    expect((await callApi(tenant(), '/api/v2/clients', issued)).status).toBe(200);
    expect((await callApi(tenant(), `/api/v2/clients/${reporting.client_id}`, issued)).status).toBe(404);
  });

  it('answers 404 inexistent_client for an unknown id, and for a second delete', async () => {
    const token = await tokenFor(tenant(), 'explorer');
    const before = tenant().applications;
    const unknown = await remove('no-such-client', token);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual(mgmt(404, 'Not Found', 'The client does not exist', 'inexistent_client'));
    expect(tenant().applications).toEqual(before);
    const { noGrant } = tenant().seeded;
    expect((await remove(noGrant.client_id, token)).status).toBe(204);
    expect((await remove(noGrant.client_id, token)).status).toBe(404);
  });

  it('needs delete:clients', async () => {
    const before = tenant().applications;
    const response = await remove(tenant().seeded.noGrant.client_id, await tokenFor(tenant(), 'explorer', 'update:clients'));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual(mgmt(403, 'Forbidden', 'Insufficient scope, expected any of: delete:clients', 'insufficient_scope'));
    expect(tenant().applications).toEqual(before);
  });

  it('answers 401 Missing authentication without a token', async () => {
    const response = await remove(tenant().seeded.noGrant.client_id);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(mgmt(401, 'Unauthorized', 'Missing authentication'));
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('refuses the Global Client with a message that says it is the sandbox\'s rule', async () => {
    const response = await remove(SEEDED_GLOBAL_CLIENT.client_id, await tokenFor(tenant(), 'explorer'));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual(mgmt(403, 'Forbidden', 'This sandbox does not delete the Global Client (All Applications): it is the tenant\'s legacy client, not an application. A sandbox rule; Auth0 does not document this case.', 'operation_not_supported'));
    expect(tenant().globalClient).toEqual(SEEDED_GLOBAL_CLIENT);
  });
});
