import { describe, expect, it } from 'vitest';
import { callApi, tokenFor, useTenantServer } from './hosts/testing.ts';

const tenant = useTenantServer();

describe('GET /api/v2/clients/{id}', () => {
  it('returns one application with the fields the scopes allow', async () => {
    const { reporting } = tenant().seeded;
    const response = await callApi(tenant(), `/api/v2/clients/${reporting.client_id}`, await tokenFor(tenant(), 'reporting', 'read:clients'));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ client_id: reporting.client_id, name: 'Reporting Service', app_type: 'non_interactive' });
    expect(body).not.toHaveProperty('client_secret');
  });

  it('honours fields on a single application', async () => {
    const { noGrant } = tenant().seeded;
    const response = await callApi(tenant(), `/api/v2/clients/${noGrant.client_id}?fields=name`, await tokenFor(tenant()));
    expect(await response.json()).toEqual({ name: 'Nightly Backup' });
  });

  it('answers 404 inexistent_client for an unknown id', async () => {
    const response = await callApi(tenant(), '/api/v2/clients/doesNotExist', await tokenFor(tenant()));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'The client does not exist', errorCode: 'inexistent_client' });
  });

  it('answers 404 for an id with broken percent-encoding', async () => {
    const response = await callApi(tenant(), '/api/v2/clients/%E0%A4%A', await tokenFor(tenant()));
    expect(response.status).toBe(404);
    expect((await response.json()).message).toBe('Not Found');
  });
});
