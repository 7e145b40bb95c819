import { ManagementClient, ManagementError } from 'auth0';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { SEEDED_CREDENTIALS } from './seed.ts';
import { rejectionOf, requestLine, useSdkTenant } from './sdk-test-support.ts';
import { serviceKey, type ServiceKey } from './private-key-jwt-test-support.ts';
import { addAuthorizedApp } from './hosts/testing.ts';

/*
 * The official Auth0 Node SDK (`auth0` v7), unmodified, through msw/node: its credentials manager
 * registers a key and switches an application to Private Key JWT, then a ManagementClient built
 * with `clientAssertionSigningKey` signs its own assertions (iat now, exp three minutes later, a
 * UUID jti, no kid: node-auth0's token-provider.js) and the tenant accepts them. The SDK reads the
 * system clock for iat and exp, so Date follows the tenant clock here.
 */

const { explorer } = SEEDED_CREDENTIALS;
const { tenant, requests: seen, clientFor, advanceBoth } = useSdkTenant({ fakeDate: true });

/** Registers `key` and switches a new application to it, all through the SDK, as the Explorer. */
async function switchedApp(key: ServiceKey): Promise<string> {
  const app = addAuthorizedApp(tenant(), 'Signs its own assertions', ['read:clients']);
  const admin = clientFor(explorer);
  const credential = await admin.clients.credentials.create(app.client_id, { credential_type: 'public_key', name: 'deploy key', pem: key.publicKeyPem, alg: key.alg });
  expect(credential).not.toHaveProperty('pem');
  expect(credential).toMatchObject({ credential_type: 'public_key', alg: key.alg, name: 'deploy key' });
  const updated = await admin.clients.update(app.client_id, { token_endpoint_auth_method: null, client_authentication_methods: { private_key_jwt: { credentials: [{ id: credential.id! }] } } });
  expect(updated.client_authentication_methods).toEqual({ private_key_jwt: { credentials: [{ id: credential.id }] } });
  expect(await admin.clients.credentials.list(app.client_id)).toEqual([expect.objectContaining({ id: credential.id })]);
  expect(await admin.clients.credentials.get(app.client_id, credential.id!)).toMatchObject({ id: credential.id, kid: credential.kid });
  return app.client_id;
}

const signingClient = (clientId: string, key: ServiceKey) =>
  new ManagementClient({ domain: tenant().domain, clientId, clientAssertionSigningKey: key.privateKeyPem, clientAssertionSigningAlg: key.alg, maxRetries: 0 });

describe('the official SDK with Private Key JWT', () => {
  it('gets a token with clientAssertionSigningKey and calls the Management API with it', async () => {
    const key = await serviceKey();
    const clientId = await switchedApp(key);
    const before = seen().length;
    const page = await signingClient(clientId, key).clients.list();
    expect(page.data.map((client) => client.client_id)).toContain(clientId);
    expect(seen().slice(before).map(requestLine)).toEqual(['POST /oauth/token', 'GET /api/v2/clients?page=0&per_page=50&include_totals=true']);
    const token = seen().at(-1)!.bearer!;
    expect(decodeJwt(token)).toMatchObject({ sub: `${clientId}@clients`, scope: 'read:clients' });
  });

  it('signs a new assertion (a new jti) each time its token needs renewing', async () => {
    const key = await serviceKey();
    const clientId = await switchedApp(key);
    const client = signingClient(clientId, key);
    const before = seen().length;
    await client.clients.list();
    await client.clients.list();
    advanceBoth(86_400);
    await client.clients.list();
    expect(seen().slice(before).filter((request) => request.path === '/oauth/token')).toHaveLength(2);
    // The first assertion's jti was dropped once it had expired; the second one's is kept.
    expect(tenant().records.usedAssertionIds.filter((entry) => entry.client_id === clientId)).toHaveLength(1);
  });

  it('signs with RS384 when clientAssertionSigningAlg asks for it', async () => {
    const key = await serviceKey('RS384');
    const clientId = await switchedApp(key);
    expect((await signingClient(clientId, key).clients.list()).data.length).toBeGreaterThan(0);
  });

  it('surfaces the tenant\'s 401 invalid_client when the SDK signs with a key the application does not have', async () => {
    const clientId = await switchedApp(await serviceKey());
    const error = await rejectionOf(signingClient(clientId, await serviceKey()).clients.list());
    expect(error).toBeInstanceOf(ManagementError);
    expect(error.statusCode).toBe(401);
    expect(error.body).toEqual({ error: 'invalid_client', error_description: 'The client_assertion\'s signature does not verify with any credential enabled for Private Key JWT on this application.' });
  });

  it('refuses the SDK\'s rotateSecret for an application that uses Private Key JWT', async () => {
    const clientId = await switchedApp(await serviceKey());
    const error = await rejectionOf(clientFor(explorer).clients.rotateSecret(clientId));
    expect(error.statusCode).toBe(400);
  });
});
