import { describe, expect, it } from 'vitest';
import { callApi, tokenFor, useTenantServer } from './test-tenant.ts';

const tenant = useTenantServer();

async function create(body: unknown): Promise<Response> {
  return callApi(tenant(), '/api/v2/clients', await tokenFor(tenant(), 'explorer'), { method: 'POST', body: JSON.stringify(body) });
}

describe('POST /api/v2/clients', () => {
  it('creates an M2M application with a fresh id and secret and returns it whole', async () => {
    const response = await create({ name: 'Billing Sync', app_type: 'non_interactive' });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.client_id).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(body.client_secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(body).toMatchObject({ name: 'Billing Sync', grant_types: ['client_credentials'], token_endpoint_auth_method: 'client_secret_post', tenant: 'acme' });
    expect(tenant().application(body.client_id)?.name).toBe('Billing Sync');
  });

  it('gives a single-page app no secret-based grant types by default', async () => {
    const body = await (await create({ name: 'Dashboard', app_type: 'spa' })).json();
    expect(body.grant_types).toEqual(['authorization_code', 'implicit', 'refresh_token']);
    expect(body.token_endpoint_auth_method).toBe('none');
  });

  it('lets the new application get a token once it is authorized', async () => {
    const created = await (await create({ name: 'Late Bloomer', app_type: 'non_interactive' })).json();
    const grant = tenant().authorize(created.client_id, ['read:clients']);
    expect(grant.ok).toBe(true);
    const response = await fetch(`https://${tenant().domain}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: created.client_id, client_secret: created.client_secret, audience: tenant().managementAudience }),
    });
    expect(response.status).toBe(200);
  });

  const invalid: Array<[string, unknown, string]> = [
    ['a missing name', { app_type: 'spa' }, "Payload validation error: 'Missing required property: name'."],
    ['a name of the wrong type', { name: 7 }, "Payload validation error: 'Expected type string but found type integer' on property name."],
    ['an unknown app_type', { name: 'x', app_type: 'robot' }, `Payload validation error: 'No enum match for: "robot"' on property app_type.`],
    ['an unknown property', { name: 'x', is_admin: true }, "Payload validation error: 'Additional properties not allowed: is_admin'."],
    ['repeated grant types', { name: 'x', grant_types: ['implicit', 'client_credentials', 'implicit'] }, "Payload validation error: 'Array items are not unique (indexes 0 and 2)' on property grant_types."],
    ['a description over 140 characters', { name: 'x', description: 'd'.repeat(141) }, "Payload validation error: 'String is too long (141 chars), maximum 140' on property description."],
    ['an empty name', { name: '' }, "Payload validation error: 'String is too short (0 chars), minimum 1' on property name."],
  ];
  for (const [what, body, message] of invalid) {
    it(`refuses ${what} with 400 invalid_body`, async () => {
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ statusCode: 400, error: 'Bad Request', message, errorCode: 'invalid_body' });
    });
  }

  it('refuses a body that is not an object', async () => {
    const response = await create(['name']);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe("Payload validation error: 'Expected type object but found type array'.");
  });

  it('creates through the tenant method too, with the same validation', () => {
    expect(tenant().createApplication({ name: 'Direct' }).ok).toBe(true);
    const refused = tenant().createApplication({ name: '' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('invalid_body');
  });
});
