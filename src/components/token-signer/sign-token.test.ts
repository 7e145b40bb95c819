import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { SEEDED_GLOBAL_CLIENT } from '../../tenant/index.ts';
import { callApi, useTenantServer } from '../../tenant/test-tenant.ts';
import { secretBytes, signHs256 } from './sign-token.ts';

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

describe('secretBytes', () => {
  it('decodes the sandbox secret to its tell-tale text', () => {
    expect(new TextDecoder().decode(secretBytes(SEEDED_GLOBAL_CLIENT.client_secret))).toMatch(/^NOT-A-REAL-SECRET: /);
  });
});
