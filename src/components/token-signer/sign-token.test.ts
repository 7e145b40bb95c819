import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEEDED_GLOBAL_CLIENT } from '../../tenant/index.ts';
import { callApi, useTenantServer } from '../../tenant/hosts/testing.ts';
import { createHs256Signer, secretBytes, signHs256 } from './sign-token.ts';

const tenant = useTenantServer();

async function seedStyleToken(scope = 'read:clients read:client_keys'): Promise<string> {
  const result = await signHs256(
    { alg: 'HS256', typ: 'JWT' },
    { iss: `https://${tenant().domain}/`, aud: SEEDED_GLOBAL_CLIENT.client_id, scope, iat: tenant().clock.nowSeconds() },
    SEEDED_GLOBAL_CLIENT.client_secret,
  );
  if (!result.ok) throw new Error(result.message);
  return result.token;
}

describe('signHs256', () => {
  it('keeps the header and payload exactly as written', async () => {
    const token = await seedStyleToken();
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodeJwt(token)).toMatchObject({ aud: SEEDED_GLOBAL_CLIENT.client_id, scope: 'read:clients read:client_keys' });
    expect(decodeJwt(token).exp).toBeUndefined();
  });

  it('makes a token the sandbox tenant accepts only in legacy mode', async () => {
    const token = await seedStyleToken();
    expect((await callApi(tenant(), '/api/v2/clients', token)).status).toBe(401);
    tenant().setLegacyMode(true);
    expect((await callApi(tenant(), '/api/v2/clients', token)).status).toBe(200);
  });

  it('refuses any algorithm but HS256', async () => {
    const result = await signHs256({ alg: 'none' }, {}, SEEDED_GLOBAL_CLIENT.client_secret);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^The header's alg must be "HS256" \(it is "none"\)/) });
  });

  it('refuses a secret that is not base64', async () => {
    expect(await signHs256({ alg: 'HS256' }, {}, 'not base64!')).toMatchObject({ ok: false, message: expect.stringMatching(/must be base64/) });
  });
});

describe('createHs256Signer', () => {
  const other = btoa('NOT-A-REAL-SECRET: another sandbox secret');
  const payload = { scope: 'read:clients' };

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('imports the key once for as long as the secret stays the same', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const sign = createHs256Signer();
    for (const scope of ['read:clients', 'read:clients read:users', 'read:users']) {
      expect(await sign({ alg: 'HS256' }, { scope }, SEEDED_GLOBAL_CLIENT.client_secret)).toMatchObject({ ok: true });
    }
    expect(importKey).toHaveBeenCalledTimes(1);
  });

  it('signs with the new secret as soon as it changes, and again with the old one when it comes back', async () => {
    const sign = createHs256Signer();
    for (const secret of [SEEDED_GLOBAL_CLIENT.client_secret, other, SEEDED_GLOBAL_CLIENT.client_secret]) {
      const result = await sign({ alg: 'HS256' }, payload, secret);
      if (!result.ok) throw new Error(result.message);
      await expect(jwtVerify(result.token, secretBytes(secret)!)).resolves.toMatchObject({ payload });
    }
  });

  it('shares one import between signatures asked for at the same time', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const sign = createHs256Signer();
    const results = await Promise.all([1, 2, 3].map((n) => sign({ alg: 'HS256' }, { n }, other)));
    expect(results.map((result) => result.ok)).toEqual([true, true, true]);
    expect(importKey).toHaveBeenCalledTimes(1);
  });

  it('tries the import again after one failed', async () => {
    const sign = createHs256Signer();
    vi.spyOn(crypto.subtle, 'importKey').mockRejectedValueOnce(new Error('no key today'));
    expect(await sign({ alg: 'HS256' }, payload, other)).toEqual({ ok: false, message: 'Could not sign: no key today' });
    expect(await sign({ alg: 'HS256' }, payload, other)).toMatchObject({ ok: true });
  });
});

describe('secretBytes', () => {
  it('decodes the sandbox secret to its tell-tale text', () => {
    expect(new TextDecoder().decode(secretBytes(SEEDED_GLOBAL_CLIENT.client_secret))).toMatch(/^NOT-A-REAL-SECRET: /);
  });
});
