import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, importSPKI } from 'jose';
import { describe, expect, it } from 'vitest';
import { callApi, START, tokenFor, useTenantServer } from './hosts/testing.ts';
import { privateKeyJwtApp, register, requestWithAssertion, serviceKey, signAssertion, type ServiceKey } from './private-key-jwt-test-support.ts';
import type { Tenant } from './tenant.ts';
import { TenantError } from './tenant-error.ts';

const tenant = useTenantServer();

const credentialsPath = (clientId: string, credentialId?: string) => `/api/v2/clients/${encodeURIComponent(clientId)}/credentials${credentialId === undefined ? '' : `/${encodeURIComponent(credentialId)}`}`;

async function send(current: Tenant, method: string, path: string, body?: unknown): Promise<{ status: number; text: string; json: unknown }> {
  const init: RequestInit = { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
  const response = await callApi(current, path, await tokenFor(current, 'explorer'), init);
  const text = await response.text();
  return { status: response.status, text, json: text === '' ? undefined : JSON.parse(text) };
}

const createCredential = (current: Tenant, clientId: string, body: unknown) => send(current, 'POST', credentialsPath(clientId), body);
const reportingId = () => tenant().seeded.reporting.client_id;

describe('POST /api/v2/clients/{id}/credentials', () => {
  it('registers a public key and answers as Auth0 does: id, type, kid (the key\'s RFC 7638 thumbprint), alg, name, dates, and never the key', async () => {
    const key = await serviceKey();
    const { status, json, text } = await createCredential(tenant(), reportingId(), { credential_type: 'public_key', name: 'first key', pem: key.publicKeyPem });
    expect(status).toBe(201);
    const thumbprint = await calculateJwkThumbprint(await exportJWK(await importSPKI(key.publicKeyPem, 'RS256', { extractable: true })));
    const created = new Date(START).toISOString();
    expect(json).toEqual({ id: expect.stringMatching(/^cred_[A-Za-z0-9]{22}$/), credential_type: 'public_key', kid: thumbprint, alg: 'RS256', name: 'first key', created_at: created, updated_at: created });
    expect(Object.keys(json as object)).toEqual(['id', 'credential_type', 'kid', 'alg', 'name', 'created_at', 'updated_at']);
    expect(text).not.toContain('BEGIN');
    expect(text).not.toContain(key.publicKeyPem.split('\n')[1]!.slice(0, 20));
  });

  it('takes RS384 and PS256, a chosen kid, and an expiry date it writes the way Auth0 does', async () => {
    const rs384 = await createCredential(tenant(), reportingId(), { credential_type: 'public_key', pem: (await serviceKey('RS384')).publicKeyPem, alg: 'RS384', kid: 'my-key-2026-11', expires_at: '2027-01-01T00:00:00Z' });
    expect(rs384.json).toMatchObject({ alg: 'RS384', kid: 'my-key-2026-11', expires_at: '2027-01-01T00:00:00.000Z' });
    expect(rs384.json).not.toHaveProperty('name');
    const ps256 = await createCredential(tenant(), tenant().seeded.noGrant.client_id, { credential_type: 'public_key', pem: (await serviceKey('PS256')).publicKeyPem, alg: 'PS256' });
    expect(ps256).toMatchObject({ status: 201, json: { alg: 'PS256' } });
  });

  it('reads a PKCS#1 public key as well as SPKI, with the same kid', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pkcs1 = publicKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    expect(pkcs1).toContain('BEGIN RSA PUBLIC KEY');
    const fromPkcs1 = await createCredential(tenant(), reportingId(), { credential_type: 'public_key', pem: pkcs1 });
    expect(fromPkcs1.status).toBe(201);
    const spki = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    expect((fromPkcs1.json as { kid: string }).kid).toBe(await calculateJwkThumbprint(await exportJWK(await importSPKI(spki, 'RS256', { extractable: true }))));
  });

  it('refuses a private key sent by mistake, says so, stores nothing and repeats none of it', async () => {
    const key = await serviceKey();
    const pkcs1Private = createPrivateKey(key.privateKeyPem).export({ type: 'pkcs1', format: 'pem' }) as string;
    for (const pem of [key.privateKeyPem, pkcs1Private, `${key.publicKeyPem}\n${key.privateKeyPem}`]) {
      const { status, json, text } = await createCredential(tenant(), reportingId(), { credential_type: 'public_key', name: 'oops', pem });
      expect(status).toBe(400);
      expect(json).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'The pem holds a PRIVATE key, and nothing was stored. Send only the public key (-----BEGIN PUBLIC KEY-----); the private key stays with the service that signs assertions. It has now left that place, so treat it as exposed: generate a new key pair.',
        errorCode: 'invalid_body',
      });
      expect(text).not.toContain(pem.split('\n')[2]!);
    }
    expect(tenant().credentials(reportingId())).toEqual([]);
    expect(JSON.stringify(tenant().toJSON())).not.toContain('PRIVATE KEY');
  });

  it('refuses what is not an RSA public key of 2048 to 4096 bits', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const format = 'The pem must be an RSA public key in PEM format that fits the credential\'s alg: -----BEGIN PUBLIC KEY----- (SPKI), -----BEGIN RSA PUBLIC KEY----- (PKCS#1) or an X.509 certificate.';
    expect((await createCredential(tenant(), reportingId(), { credential_type: 'public_key', pem: ec })).json).toMatchObject({ statusCode: 400, message: format });
    expect((await createCredential(tenant(), reportingId(), { credential_type: 'public_key', pem: 'not a key' })).json).toMatchObject({ statusCode: 400, message: format });
    expect((await createCredential(tenant(), reportingId(), { credential_type: 'public_key', pem: small })).json).toMatchObject({ statusCode: 400, message: 'The RSA key has 1024 bits; credentials take RSA keys of 2048 to 4096 bits.' });
  });

  it('allows two credentials per application: a third is refused until one is deleted', async () => {
    const first = await createCredential(tenant(), reportingId(), { credential_type: 'public_key', pem: (await serviceKey()).publicKeyPem });
    expect((await createCredential(tenant(), reportingId(), { credential_type: 'public_key', pem: (await serviceKey()).publicKeyPem })).status).toBe(201);
    const third = await createCredential(tenant(), reportingId(), { credential_type: 'public_key', pem: (await serviceKey()).publicKeyPem });
    expect(third.json).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'An application can have at most 2 credentials: delete one it no longer uses before adding another (a Token Lab sandbox wording of Auth0\'s documented limit).',
      errorCode: 'operation_not_supported',
    });
    expect(tenant().credentials(reportingId())).toHaveLength(2);
    // Refused before the key is read, and by the tenant's own method too.
    expect((await createCredential(tenant(), reportingId(), { credential_type: 'public_key', pem: 'not a key' })).json).toMatchObject({ errorCode: 'operation_not_supported' });
    expect(await tenant().createCredential(reportingId(), { pem: (await serviceKey()).publicKeyPem })).toHaveProperty('code', 'credential_limit');
    expect((await send(tenant(), 'DELETE', credentialsPath(reportingId(), (first.json as { id: string }).id))).status).toBe(204);
    expect((await createCredential(tenant(), reportingId(), { credential_type: 'public_key', pem: (await serviceKey()).publicKeyPem })).status).toBe(201);
  });

  it('checks the body: a documented type the sandbox does not model, subject_dn, the certificate expiry flag, a missing pem, dates', async () => {
    const pem = (await serviceKey()).publicKeyPem;
    const messageOf = async (body: unknown) => ((await createCredential(tenant(), reportingId(), body)).json as { message: string }).message;
    expect(await messageOf({ credential_type: 'x509_cert', pem })).toMatch(/not modelled \(a Token Lab sandbox rule\)/);
    expect(await messageOf({ credential_type: 'public_key', pem, subject_dn: 'CN=x' })).toBe('subject_dn applies to cert_subject_dn credentials, not to public_key ones.');
    expect(await messageOf({ credential_type: 'public_key', pem, parse_expiry_from_cert: true })).toBe('parse_expiry_from_cert needs an X.509 certificate in pem, not a bare public key.');
    expect(await messageOf({ credential_type: 'public_key', pem, parse_expiry_from_cert: true, expires_at: '2030-01-01T00:00:00Z' })).toBe('parse_expiry_from_cert and expires_at are mutually exclusive.');
    expect(await messageOf({ credential_type: 'public_key' })).toBe("Payload validation error: 'Missing required property: pem'.");
    expect(await messageOf({ credential_type: 'public_key', pem, expires_at: 'next tuesday' })).toBe('expires_at must be an ISO 8601 date such as 2030-08-20T19:10:06.299Z.');
    expect(await messageOf({ credential_type: 'public_key', pem, expires_at: '2020-01-01T00:00:00Z' })).toBe('expires_at must be in the future.');
    expect(await messageOf({ credential_type: 'public_key', pem, alg: 'ES256' })).toBe("Payload validation error: 'No enum match for: \"ES256\"' on property alg.");
    expect(await messageOf({ pem })).toBe("Payload validation error: 'Missing required property: credential_type'.");
  });

  it('answers 404 for an application that does not exist', async () => {
    const { status, json } = await createCredential(tenant(), 'nobody', { credential_type: 'public_key', pem: (await serviceKey()).publicKeyPem });
    expect(status).toBe(404);
    expect(json).toMatchObject({ errorCode: 'inexistent_client' });
  });
});

describe('GET, PATCH and DELETE /api/v2/clients/{id}/credentials[/{credential_id}]', () => {
  it('lists an application\'s credentials as a plain array, reads one, and finds no other application\'s', async () => {
    const mine = await register(tenant(), reportingId(), await serviceKey(), 'mine');
    const theirs = await register(tenant(), tenant().seeded.noGrant.client_id, await serviceKey(), 'theirs');
    const listed = await send(tenant(), 'GET', `${credentialsPath(reportingId())}?include_totals=true&per_page=50`);
    expect(listed.status).toBe(200);
    expect((listed.json as Array<{ id: string }>).map((credential) => credential.id)).toEqual([mine.id]);
    expect(await send(tenant(), 'GET', credentialsPath(reportingId(), mine.id))).toMatchObject({ status: 200, json: { id: mine.id, name: 'mine' } });
    const foreign = await send(tenant(), 'GET', credentialsPath(reportingId(), theirs.id));
    expect(foreign).toMatchObject({ status: 404, json: { message: 'The credential does not exist', errorCode: 'inexistent_credential' } });
    expect((await send(tenant(), 'GET', credentialsPath('nobody'))).status).toBe(404);
  });

  it('changes only expires_at: sets it, clears it with null, refuses any other field', async () => {
    const { id } = await register(tenant(), reportingId(), await serviceKey());
    tenant().clock.advance(60);
    const set = await send(tenant(), 'PATCH', credentialsPath(reportingId(), id), { expires_at: '2030-08-20T19:10:06.299Z' });
    expect(set).toMatchObject({ status: 200, json: { expires_at: '2030-08-20T19:10:06.299Z', updated_at: new Date(START.getTime() + 60_000).toISOString() } });
    const cleared = await send(tenant(), 'PATCH', credentialsPath(reportingId(), id), { expires_at: null });
    expect(cleared.json).not.toHaveProperty('expires_at');
    const renamed = await send(tenant(), 'PATCH', credentialsPath(reportingId(), id), { name: 'new name' });
    expect(renamed).toMatchObject({ status: 400, json: { message: "Payload validation error: 'Additional properties not allowed: name'." } });
  });

  it('refuses to delete a credential the application still uses for Private Key JWT, and deletes it once unlisted', async () => {
    const first = await serviceKey();
    const { app, credential } = await privateKeyJwtApp(tenant(), first);
    const second = await register(tenant(), app.client_id, await serviceKey());
    const refused = await send(tenant(), 'DELETE', credentialsPath(app.client_id, credential.id));
    expect(refused).toMatchObject({ status: 400, json: { errorCode: 'operation_not_supported', message: expect.stringMatching(/^The credential is enabled for Private Key JWT on its application/) } });
    const switched = tenant().usePrivateKeyJwt(app.client_id, [second.id]);
    expect(switched).not.toBeInstanceOf(TenantError);
    expect(await send(tenant(), 'DELETE', credentialsPath(app.client_id, credential.id))).toMatchObject({ status: 204, text: '' });
    expect((await send(tenant(), 'DELETE', credentialsPath(app.client_id, credential.id))).status).toBe(404);
  });

  it('deletes an application\'s credentials with the application', async () => {
    const { app } = await privateKeyJwtApp(tenant(), await serviceKey());
    expect((await send(tenant(), 'DELETE', `/api/v2/clients/${app.client_id}`)).status).toBe(204);
    expect(tenant().records.credentials.filter((credential) => credential.client_id === app.client_id)).toEqual([]);
  });
});

describe('switching an application to Private Key JWT (PATCH /api/v2/clients/{id})', () => {
  const patchClient = (clientId: string, body: unknown) => send(tenant(), 'PATCH', `/api/v2/clients/${clientId}`, body);
  const pkjwt = (...ids: string[]) => ({ token_endpoint_auth_method: null, client_authentication_methods: { private_key_jwt: { credentials: ids.map((id) => ({ id })) } } });

  it('takes one or two of the application\'s own credentials, then shows them and hides the secret', async () => {
    const a = await register(tenant(), reportingId(), await serviceKey());
    const b = await register(tenant(), reportingId(), await serviceKey());
    const { status, json } = await patchClient(reportingId(), pkjwt(a.id, b.id));
    expect(status).toBe(200);
    expect(json).toMatchObject({ token_endpoint_auth_method: null, client_authentication_methods: { private_key_jwt: { credentials: [{ id: a.id }, { id: b.id }] } } });
    expect(json).not.toHaveProperty('client_secret');
    const back = await patchClient(reportingId(), { client_authentication_methods: null, token_endpoint_auth_method: 'client_secret_post' });
    expect(back.json).toMatchObject({ client_secret: tenant().seeded.reporting.client_secret, token_endpoint_auth_method: 'client_secret_post' });
    expect(back.json).not.toHaveProperty('client_authentication_methods');
  });

  it('refuses ids that are not the application\'s own, more than two, none, twice the same, a secret method beside them, and HS256 tokens', async () => {
    const mine = await register(tenant(), reportingId(), await serviceKey());
    const other = await register(tenant(), reportingId(), await serviceKey());
    const theirs = await register(tenant(), tenant().seeded.noGrant.client_id, await serviceKey());
    const messageOf = async (body: unknown) => {
      const answer = await patchClient(reportingId(), body);
      expect(answer.status).toBe(400);
      return (answer.json as { message: string }).message;
    };
    expect(await messageOf(pkjwt(theirs.id))).toMatch(new RegExp(`^${theirs.id} is not a credential of this application`));
    expect(await messageOf(pkjwt('cred_1234567890'))).toMatch(/^cred_1234567890 is not a credential of this application/);
    expect(await messageOf(pkjwt(mine.id, other.id, mine.id))).toMatch(/at most 2 credentials/);
    expect(await messageOf(pkjwt(mine.id, mine.id))).toMatch(/listed twice/);
    expect(await messageOf(pkjwt())).toMatch(/needs at least one credential id/);
    expect(await messageOf({ client_authentication_methods: { private_key_jwt: { credentials: [{ id: mine.id }] } } })).toMatch(/needs token_endpoint_auth_method null/);
    expect(await messageOf({ ...pkjwt(mine.id), jwt_configuration: { alg: 'HS256' } })).toMatch(/needs jwt_configuration.alg RS256/);
    // Nothing was stored along the way: the app still uses its secret.
    expect(tenant().application(reportingId())?.client_authentication_methods).toBeUndefined();
    expect(tenant().application(reportingId())?.token_endpoint_auth_method).toBe('client_secret_post');
  });
});

describe('POST /api/v2/clients with its credentials inline', () => {
  it('creates the application and its credentials, lists their ids, and the key then signs for it', async () => {
    const key: ServiceKey = await serviceKey();
    const { status, json, text } = await send(tenant(), 'POST', '/api/v2/clients', {
      name: 'Made with a key',
      app_type: 'non_interactive',
      client_authentication_methods: { private_key_jwt: { credentials: [{ credential_type: 'public_key', name: 'k1', pem: key.publicKeyPem, alg: 'RS256' }] } },
    });
    expect(status).toBe(201);
    expect(text).not.toContain('BEGIN PUBLIC KEY');
    const app = json as { client_id: string; token_endpoint_auth_method: unknown; client_authentication_methods: { private_key_jwt: { credentials: Array<{ id: string }> } } };
    expect(app.token_endpoint_auth_method).toBeNull();
    const [listed] = tenant().credentials(app.client_id) as Array<{ id: string; name: string }>;
    expect(app.client_authentication_methods.private_key_jwt.credentials).toEqual([{ id: listed!.id }]);
    expect(listed!.name).toBe('k1');
    tenant().authorize(app.client_id, ['read:clients']);
    expect((await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key))).status).toBe(200);
  });

  it('refuses a private key inline, and a tenant.createApplication() call with keys to read', async () => {
    const key = await serviceKey();
    const refused = await send(tenant(), 'POST', '/api/v2/clients', { name: 'Oops', client_authentication_methods: { private_key_jwt: { credentials: [{ credential_type: 'public_key', pem: key.privateKeyPem }] } } });
    expect(refused).toMatchObject({ status: 400, json: { message: expect.stringMatching(/^The pem holds a PRIVATE key/) } });
    expect(tenant().applications.map((app) => app.name)).not.toContain('Oops');
    const direct = tenant().createApplication({ name: 'Direct', client_authentication_methods: { private_key_jwt: { credentials: [{ credential_type: 'public_key', pem: key.publicKeyPem }] } } });
    expect(direct).toHaveProperty('code', 'credential_rule');
  });
});
