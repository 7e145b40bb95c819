import { describe, expect, it } from 'vitest';
import { SEEDED_GLOBAL_CLIENT } from './seed.ts';
import { callApi, requestToken, tokenFor, useTenantServer } from './hosts/testing.ts';

const tenant = useTenantServer();

/** PATCHes a client with the all-scopes explorer app, narrowed to `scope` when given. */
async function patch(clientId: string, body: unknown, scope?: string): Promise<Response> {
  const token = await tokenFor(tenant(), 'explorer', scope);
  return callApi(tenant(), `/api/v2/clients/${encodeURIComponent(clientId)}`, token, { method: 'PATCH', body: typeof body === 'string' ? body : JSON.stringify(body) });
}

const mgmt = (status: number, error: string, message: string, errorCode?: string) => ({ statusCode: status, error, message, ...(errorCode === undefined ? {} : { errorCode }) });
const invalidBody = (detail: string) => mgmt(400, 'Bad Request', `Payload validation error: ${detail}.`, 'invalid_body');

describe('PATCH /api/v2/clients/{id}', () => {
  it('changes the fields sent and leaves the others, answering 200 with the whole client', async () => {
    const { reporting } = tenant().seeded;
    const response = await patch(reporting.client_id, { name: 'Audit Reports', callbacks: ['https://audit.example.test/cb'] }, 'update:clients');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ client_id: reporting.client_id, name: 'Audit Reports', callbacks: ['https://audit.example.test/cb'], app_type: 'non_interactive', global: false });
    expect(tenant().application(reporting.client_id)).toMatchObject({ name: 'Audit Reports', description: 'Nightly job that lists applications for an audit report.' });
  });

  it('stores a documented field it does not act on, and a null clears it where the SDK allows null', async () => {
    const { reporting } = tenant().seeded;
    const rotation = { rotation_type: 'rotating', expiration_type: 'expiring', token_lifetime: 86_400 };
    expect((await patch(reporting.client_id, { refresh_token: rotation, logo_uri: 'https://cdn.example/r.png' })).status).toBe(200);
    expect(tenant().application(reporting.client_id)).toMatchObject({ refresh_token: rotation, logo_uri: 'https://cdn.example/r.png' });
    expect((await patch(reporting.client_id, { refresh_token: null })).status).toBe(200);
    expect(tenant().application(reporting.client_id)).not.toHaveProperty('refresh_token');
    const refused = await patch(reporting.client_id, { logo_uri: null });
    expect(await refused.json()).toEqual(invalidBody("'Expected type string but found type null' on property logo_uri"));
  });

  it('sets token_endpoint_auth_method to null, as Auth0 does for an app that moves to Private Key JWT', async () => {
    const { reporting } = tenant().seeded;
    expect((await patch(reporting.client_id, { token_endpoint_auth_method: null })).status).toBe(200);
    expect(tenant().application(reporting.client_id)?.token_endpoint_auth_method).toBeNull();
  });

  // Issue 22 row 3 on PATCH: node-auth0's SigningAlgorithmEnum (HS256, RS256, RS512, PS256).
  it('takes every signing algorithm Auth0 documents on PATCH too, and returns it', async () => {
    const { reporting } = tenant().seeded;
    for (const alg of ['PS256', 'RS512', 'HS256', 'RS256']) {
      const response = await patch(reporting.client_id, { jwt_configuration: { alg } });
      expect(response.status, alg).toBe(200);
      expect((await response.json()).jwt_configuration.alg, alg).toBe(alg);
    }
    const refused = await patch(reporting.client_id, { jwt_configuration: { alg: 'ES256' } });
    expect(await refused.json()).toEqual(invalidBody('\'No enum match for: "ES256"\' on property jwt_configuration.alg'));
  });

  it('merges jwt_configuration field by field', async () => {
    const { reporting } = tenant().seeded;
    await patch(reporting.client_id, { jwt_configuration: { lifetime_in_seconds: 600 } });
    expect(tenant().application(reporting.client_id)?.jwt_configuration).toEqual({ alg: 'RS256', lifetime_in_seconds: 600, secret_encoded: false });
  });

  it('merges client_metadata: new keys are added, a null value deletes its key', async () => {
    const { noGrant } = tenant().seeded;
    await patch(noGrant.client_id, { client_metadata: { team: 'ops', tier: 'gold' } });
    const response = await patch(noGrant.client_id, { client_metadata: { tier: null, region: 'eu' } });
    expect((await response.json()).client_metadata).toEqual({ team: 'ops', region: 'eu' });
    expect(tenant().application(noGrant.client_id)?.client_metadata).toEqual({ team: 'ops', region: 'eu' });
  });

  it('refuses metadata that would exceed 10 keys once merged, and changes nothing', async () => {
    const { noGrant } = tenant().seeded;
    await patch(noGrant.client_id, { client_metadata: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, 'v'])) });
    const before = tenant().application(noGrant.client_id);
    const response = await patch(noGrant.client_id, { name: 'Renamed', client_metadata: { extra: 'x' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(invalidBody("'Too many properties defined (11), maximum 10' on property client_metadata"));
    expect(tenant().application(noGrant.client_id)).toEqual(before);
  });

  it('refuses a metadata value that is neither a string nor null', async () => {
    const response = await patch(tenant().seeded.noGrant.client_id, { client_metadata: { retries: 3 } });
    expect(await response.json()).toEqual(invalidBody("'Expected type string but found type integer' on property client_metadata.retries"));
  });

  it('refuses to make an M2M app public while it keeps client_credentials, and changes nothing', async () => {
    const { reporting } = tenant().seeded;
    const before = tenant().application(reporting.client_id);
    for (const change of [{ app_type: 'spa' }, { app_type: 'native' }, { token_endpoint_auth_method: 'none' }]) {
      const response = await patch(reporting.client_id, change);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual(mgmt(400, 'Bad Request', 'Invalid grant types: client_credentials', 'invalid_body'));
    }
    expect(tenant().application(reporting.client_id)).toEqual(before);
    expect((await requestToken(tenant())).status).toBe(200);
  });

  it('lets a public app drop client_credentials and change type in one request', async () => {
    const { noGrant } = tenant().seeded;
    const response = await patch(noGrant.client_id, { app_type: 'spa', token_endpoint_auth_method: 'none', grant_types: ['authorization_code'] });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ app_type: 'spa', grant_types: ['authorization_code'] });
  });

  it('refuses to add client_credentials to the single-page app it would make', async () => {
    const { noClientCredentials } = tenant().seeded;
    const response = await patch(noClientCredentials.client_id, { app_type: 'spa', grant_types: ['authorization_code', 'client_credentials'] });
    expect((await response.json()).message).toBe('Invalid grant types: client_credentials');
  });

  it('sets a chosen client_secret with update:client_keys: like a rotated one, it takes over from the old after 30 seconds', async () => {
    const { reporting } = tenant().seeded;
    const secret = 'a-secret-chosen-by-the-caller-0123456789-abcdefghijklmnopqrstuv';
    const response = await patch(reporting.client_id, { client_secret: secret }, 'update:client_keys');
    expect(response.status).toBe(200);
    expect((await response.json()).client_secret).toBe(secret);
    expect((await requestToken(tenant())).status).toBe(200);
    expect((await requestToken(tenant(), 'reporting', { client_secret: secret })).status).toBe(401);
    tenant().clock.advance(30);
    expect((await requestToken(tenant())).status).toBe(401);
    expect((await requestToken(tenant(), 'reporting', { client_secret: secret })).status).toBe(200);
  });

  it('needs update:client_keys to change client_secret, and update:clients for anything else', async () => {
    const { reporting } = tenant().seeded;
    const secretOnly = await patch(reporting.client_id, { client_secret: 'x'.repeat(64) }, 'update:clients');
    expect(secretOnly.status).toBe(403);
    expect(await secretOnly.json()).toEqual(mgmt(403, 'Forbidden', 'Insufficient scope, expected any of: update:client_keys', 'insufficient_scope'));
    const nameOnly = await patch(reporting.client_id, { name: 'Nope' }, 'update:client_keys');
    expect(await nameOnly.json()).toEqual(mgmt(403, 'Forbidden', 'Insufficient scope, expected any of: update:clients', 'insufficient_scope'));
    expect(tenant().application(reporting.client_id)).toMatchObject({ name: 'Reporting Service', client_secret: reporting.client_secret });
  });

  it('answers 403 listing both scopes to a token with neither', async () => {
    const response = await callApi(tenant(), `/api/v2/clients/${tenant().seeded.reporting.client_id}`, await tokenFor(tenant()), { method: 'PATCH', body: JSON.stringify({ name: 'x' }) });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual(mgmt(403, 'Forbidden', 'Insufficient scope, expected any of: update:clients, update:client_keys', 'insufficient_scope'));
  });

  it('answers 401 Missing authentication without a token', async () => {
    const response = await callApi(tenant(), `/api/v2/clients/${tenant().seeded.reporting.client_id}`, undefined, { method: 'PATCH', body: JSON.stringify({ name: 'x' }) });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(mgmt(401, 'Unauthorized', 'Missing authentication'));
  });

  it('answers 404 inexistent_client for an unknown id', async () => {
    const response = await patch('no-such-client', { name: 'x' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(mgmt(404, 'Not Found', 'The client does not exist', 'inexistent_client'));
  });

  const invalid: Array<[string, unknown, unknown]> = [
    ['broken JSON', '{"name":', mgmt(400, 'Bad Request', 'Invalid request payload JSON format')],
    ['a JSON array', [{ name: 'x' }], invalidBody("'Expected type object but found type array'")],
    ['a name of the wrong type', { name: 7 }, invalidBody("'Expected type string but found type integer' on property name")],
    ['an empty name', { name: '' }, invalidBody("'String is too short (0 chars), minimum 1' on property name")],
    // Issue 22 row 6 on PATCH: node-auth0's UpdateClientRequestContent.name "Does not allow '<' or '>'."
    ['a name with <', { name: '<b>' }, invalidBody("'String does not match pattern ^[^<>]+$: <b>' on property name")],
    ['a name with >', { name: 'a > b' }, invalidBody("'String does not match pattern ^[^<>]+$: a > b' on property name")],
    ['a description over 140 characters', { description: 'd'.repeat(141) }, invalidBody("'String is too long (141 chars), maximum 140' on property description")],
    ['a property a client does not have', { owner: 'me' }, invalidBody("'Additional properties not allowed: owner'")],
    ['a new client_id', { client_id: 'mine' }, invalidBody("'Additional properties not allowed: client_id'")],
    ['an unknown app_type', { app_type: 'robot' }, invalidBody('\'No enum match for: "robot"\' on property app_type')],
    ['an empty client_secret', { client_secret: '' }, invalidBody("'String is too short (0 chars), minimum 1' on property client_secret")],
    ['an unknown grant type', { grant_types: ['passwordless'] }, mgmt(400, 'Bad Request', 'Invalid grant types: passwordless', 'invalid_body')],
  ];
  for (const [what, body, expected] of invalid) {
    it(`refuses ${what} and changes nothing`, async () => {
      const before = tenant().applications;
      const response = await patch(tenant().seeded.reporting.client_id, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual(expected);
      expect(tenant().applications).toEqual(before);
    });
  }
});

describe('PATCH on the Global Client', () => {
  const newSecret = 'TmV3IHNhbmRib3ggZ2xvYmFsIHNlY3JldCwgZm9yIGEgdGVzdA==';

  it('sets its secret with update:client_keys, as an Auth0 engineer\'s note does it', async () => {
    const response = await patch(SEEDED_GLOBAL_CLIENT.client_id, { client_secret: newSecret }, 'update:clients update:client_keys');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ client_id: SEEDED_GLOBAL_CLIENT.client_id, name: 'All Applications', global: true, client_secret: newSecret });
    expect(tenant().globalClient.client_secret).toBe(newSecret);
  });

  it('refuses any other field with a message that says it is the sandbox\'s rule', async () => {
    const response = await patch(SEEDED_GLOBAL_CLIENT.client_id, { client_secret: newSecret, name: 'Renamed' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(mgmt(400, 'Bad Request', 'This sandbox lets PATCH change only the client_secret of the Global Client (All Applications), not name. A sandbox rule; Auth0 does not document this case.', 'invalid_body'));
    expect(tenant().globalClient).toEqual(SEEDED_GLOBAL_CLIENT);
  });

  it('refuses a secret that is not base64 of at least 16 bytes, since old explorer tokens are signed with its bytes', async () => {
    for (const secret of ['not base64 at all, not at all!', 'c2hvcnQ=', 'AAAAAAAAAAAAAAAAAAAAAAA*']) {
      const response = await patch(SEEDED_GLOBAL_CLIENT.client_id, { client_secret: secret });
      expect(response.status).toBe(400);
      expect((await response.json()).message).toBe('This sandbox needs the Global Client secret in base64, at least 16 bytes once decoded (24 to 500 characters): the old explorer tokens are signed with those bytes. A sandbox rule.');
    }
    expect(tenant().globalClient).toEqual(SEEDED_GLOBAL_CLIENT);
  });

  it('still needs update:client_keys for its secret', async () => {
    const response = await patch(SEEDED_GLOBAL_CLIENT.client_id, { client_secret: newSecret }, 'update:clients');
    expect(response.status).toBe(403);
    expect(tenant().globalClient).toEqual(SEEDED_GLOBAL_CLIENT);
  });
});
