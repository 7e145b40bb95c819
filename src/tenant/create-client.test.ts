import { describe, expect, it } from 'vitest';
import { callApi, tokenFor, useTenantServer } from './hosts/testing.ts';
import { TenantError } from './tenant-error.ts';

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
    expect(grant).not.toBeInstanceOf(TenantError);
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

  it('refuses client_credentials on a single-page app: 400 Invalid grant types, nothing created', async () => {
    const before = tenant().applications.length;
    const response = await create({ name: 'Leaky SPA', app_type: 'spa', grant_types: ['client_credentials'], token_endpoint_auth_method: 'none' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Invalid grant types: client_credentials', errorCode: 'invalid_body' });
    expect(tenant().applications).toHaveLength(before);
  });

  const publicClients: Array<[string, Record<string, unknown>]> = [
    ['a native app', { app_type: 'native', grant_types: ['authorization_code', 'client_credentials'] }],
    ['a single-page app that claims client_secret_post', { app_type: 'spa', token_endpoint_auth_method: 'client_secret_post', grant_types: ['client_credentials'] }],
    ['an M2M app with token_endpoint_auth_method none', { app_type: 'non_interactive', token_endpoint_auth_method: 'none', grant_types: ['client_credentials'] }],
    ['an app whose type defaults to regular_web, with no client authentication', { token_endpoint_auth_method: 'none', grant_types: ['implicit', 'client_credentials'] }],
  ];
  for (const [what, fields] of publicClients) {
    it(`refuses client_credentials on ${what}`, async () => {
      const response = await create({ name: 'Public', ...fields });
      expect(response.status).toBe(400);
      expect((await response.json()).message).toBe('Invalid grant types: client_credentials');
    });
  }

  it('accepts a public client without client_credentials, and a confidential one with it', async () => {
    expect((await create({ name: 'Browser App', app_type: 'spa', grant_types: ['authorization_code', 'refresh_token'] })).status).toBe(201);
    expect((await create({ name: 'Worker', app_type: 'non_interactive', token_endpoint_auth_method: 'client_secret_basic', grant_types: ['client_credentials'] })).status).toBe(201);
  });

  it('names grant types Auth0 does not know in the same error, in the order sent', async () => {
    const response = await create({ name: 'Old App', app_type: 'spa', grant_types: ['passwordless', 'client_credentials', 'http://auth0.com/oauth/legacy/grant-type/ro'] });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe('Invalid grant types: passwordless, client_credentials, http://auth0.com/oauth/legacy/grant-type/ro');
  });

  it('refuses client_credentials on a public client through the tenant method too', () => {
    const refused = tenant().createApplication({ name: 'SPA', app_type: 'spa', grant_types: ['client_credentials'] });
    expect(refused).toBeInstanceOf(TenantError);
    expect(refused).toHaveProperty('code', 'invalid_grant_types');
  });

  it('stores client_metadata and shows it to read:clients', async () => {
    const created = await (await create({ name: 'Tagged', app_type: 'non_interactive', client_metadata: { team: 'billing', 'cost center': '42' } })).json();
    expect(created.client_metadata).toEqual({ team: 'billing', 'cost center': '42' });
    const response = await callApi(tenant(), `/api/v2/clients/${created.client_id}?fields=client_metadata`, await tokenFor(tenant(), 'reporting', 'read:clients'));
    expect(await response.json()).toEqual({ client_metadata: { team: 'billing', 'cost center': '42' } });
  });

  const badMetadata: Array<[string, unknown, string]> = [
    ['more than 10 keys', Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])), "'Too many properties defined (11), maximum 10' on property client_metadata"],
    ['a value over 255 characters', { note: 'n'.repeat(256) }, "'String is too long (256 chars), maximum 255' on property client_metadata.note"],
    ['a value that is not a string', { retries: 3 }, "'Expected type string but found type integer' on property client_metadata.retries"],
    ['a key with a dot', { 'a.b': 'x' }, "'Additional properties not allowed: a.b' on property client_metadata"],
    ['a key with a dollar sign', { $where: 'x' }, "'Additional properties not allowed: $where' on property client_metadata"],
    ['a key over 255 characters', { ['k'.repeat(256)]: 'x' }, `'Additional properties not allowed: ${'k'.repeat(100)}' on property client_metadata`],
    ['metadata that is a list', ['a'], "'Expected type object but found type array' on property client_metadata"],
  ];
  for (const [what, metadata, detail] of badMetadata) {
    it(`refuses client_metadata with ${what}`, async () => {
      const response = await create({ name: 'x', client_metadata: metadata });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: `Payload validation error: ${detail}.`, errorCode: 'invalid_body' });
    });
  }

  it('accepts the special characters Auth0 allows in client_metadata keys', async () => {
    const keys = { 'a:b,c-d+e=f_g*h?i"j/k(l)m<n>o@p': 'x', 'tab\there': 'y', 'with space': 'z' };
    expect((await create({ name: 'Keys', client_metadata: keys })).status).toBe(201);
  });

  it('refuses a body that is not an object', async () => {
    const response = await create(['name']);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe("Payload validation error: 'Expected type object but found type array'.");
  });

  it('creates through the tenant method too, with the same validation', () => {
    expect(tenant().createApplication({ name: 'Direct' })).not.toBeInstanceOf(TenantError);
    const refused = tenant().createApplication({ name: '' });
    expect(refused).toBeInstanceOf(TenantError);
    expect(refused).toHaveProperty('code', 'invalid_body');
  });
});
