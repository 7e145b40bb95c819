import { describe, expect, it } from 'vitest';
import { callApi, tokenFor, useTenantServer } from './hosts/testing.ts';
import { privateKeyJwtApp, requestWithAssertion, serviceKey, signAssertion, type ServiceKey } from './private-key-jwt-test-support.ts';
import type { Tenant } from './tenant.ts';

/*
 * A key rotation as Auth0's "Rotate Credentials" describes it, driven over the Management API
 * while a small fleet keeps asking /oauth/token for tokens between every step: register the new
 * key, enable both, move the signers one by one, disable the old key, delete it. Not one request
 * may fail; the same moves in the wrong order lose requests.
 */

const tenant = useTenantServer();
const FLEET = 3;

/** A fleet of services of one application, each signing with the key it was last deployed with. */
class Fleet {
  readonly signers: ServiceKey[];
  readonly #current: () => Tenant;
  readonly #clientId: string;
  failures = 0;
  requests = 0;
  constructor(current: () => Tenant, clientId: string, key: ServiceKey) {
    this.#current = current;
    this.#clientId = clientId;
    this.signers = Array.from({ length: FLEET }, () => key);
  }

  /** Every service asks for a token once, a second of tenant time apart. */
  async tick(): Promise<void> {
    for (const signer of this.signers) {
      const response = await requestWithAssertion(this.#current(), await signAssertion(this.#current(), this.#clientId, signer));
      this.requests += 1;
      if (response.status !== 200) this.failures += 1;
      this.#current().clock.advance(1);
    }
  }
}

async function admin(current: Tenant, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await callApi(current, path, await tokenFor(current, 'explorer'), { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, json: text === '' ? {} : JSON.parse(text) };
}

const enable = (ids: string[]) => ({ client_authentication_methods: { private_key_jwt: { credentials: ids.map((id) => ({ id })) } } });

describe('rotating a Private Key JWT key', () => {
  it('loses no request: add key 2, enable both, move every signer to key 2, disable key 1, delete it', async () => {
    const [key1, key2] = await Promise.all([serviceKey(), serviceKey()]);
    const { app, credential: first } = await privateKeyJwtApp(tenant(), key1);
    const fleet = new Fleet(tenant, app.client_id, key1);
    await fleet.tick();

    const added = await admin(tenant(), 'POST', `/api/v2/clients/${app.client_id}/credentials`, { credential_type: 'public_key', name: 'key 2', pem: key2.publicKeyPem, alg: 'RS256' });
    expect(added.status).toBe(201);
    const second = added.json.id as string;
    await fleet.tick();
    expect((await admin(tenant(), 'PATCH', `/api/v2/clients/${app.client_id}`, enable([first.id, second]))).status).toBe(200);
    await fleet.tick();
    for (let index = 0; index < FLEET; index += 1) {
      fleet.signers[index] = key2;
      await fleet.tick();
    }
    expect((await admin(tenant(), 'PATCH', `/api/v2/clients/${app.client_id}`, enable([second]))).status).toBe(200);
    await fleet.tick();
    expect((await admin(tenant(), 'DELETE', `/api/v2/clients/${app.client_id}/credentials/${first.id}`)).status).toBe(204);
    await fleet.tick();

    expect(fleet.requests).toBe(FLEET * (4 + FLEET + 1));
    expect(fleet.failures).toBe(0);
    // And the old key is dead at the end.
    expect((await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key1))).status).toBe(401);
    expect((await admin(tenant(), 'GET', `/api/v2/clients/${app.client_id}/credentials`)).json).toEqual([expect.objectContaining({ id: second })]);
  });

  it('loses requests when key 1 is disabled before the signers have moved', async () => {
    const [key1, key2] = await Promise.all([serviceKey(), serviceKey()]);
    const { app } = await privateKeyJwtApp(tenant(), key1);
    const fleet = new Fleet(tenant, app.client_id, key1);
    const added = await admin(tenant(), 'POST', `/api/v2/clients/${app.client_id}/credentials`, { credential_type: 'public_key', pem: key2.publicKeyPem });
    expect((await admin(tenant(), 'PATCH', `/api/v2/clients/${app.client_id}`, enable([added.json.id as string]))).status).toBe(200);
    for (let index = 0; index < FLEET; index += 1) {
      await fleet.tick();
      fleet.signers[index] = key2;
    }
    await fleet.tick();
    expect(fleet.failures).toBe(FLEET + (FLEET - 1) + (FLEET - 2));
  });
});
