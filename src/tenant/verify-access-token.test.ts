import { exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { callApi, START_SECONDS, tokenFor, useTenantServer } from './hosts/testing.ts';

const tenant = useTenantServer();

function validClaims(overrides: JWTPayload = {}): JWTPayload {
  const clientId = tenant().seeded.reporting.client_id;
  return {
    iss: tenant().issuer,
    sub: `${clientId}@clients`,
    aud: tenant().managementAudience,
    iat: START_SECONDS,
    exp: START_SECONDS + 86400,
    scope: 'read:clients',
    gty: 'client-credentials',
    azp: clientId,
    ...overrides,
  };
}

/** Signs claims with the tenant's own private key, as only the tenant could. */
function signWithTenantKey(claims: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
  const key = tenant().signingKey;
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header }).sign(key.privateKey);
}

function unauthorized(message: string) {
  return { statusCode: 401, error: 'Unauthorized', message, attributes: { error: message } };
}

async function expectRefusal(token: string | undefined, body: unknown, headers: Record<string, string> = {}): Promise<void> {
  const response = await callApi(tenant(), '/api/v2/clients', undefined, token === undefined ? {} : { headers: { authorization: token, ...headers } });
  expect(response.status).toBe(401);
  expect(await response.json()).toEqual(body);
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
}

describe('Management API token verification', () => {
  it('accepts a token from /oauth/token', async () => {
    const response = await callApi(tenant(), '/api/v2/clients', await tokenFor(tenant()));
    expect(response.status).toBe(200);
  });

  it('refuses a request without an Authorization header: Missing authentication', async () => {
    const response = await callApi(tenant(), '/api/v2/clients', undefined);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' });
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('treats another authentication scheme as missing authentication', async () => {
    await expectRefusal('Basic dXNlcjpwYXNz', { statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' });
  });

  it('refuses a Bearer header without exactly one token: Bad HTTP authentication header format', async () => {
    await expectRefusal('Bearer', unauthorized('Bad HTTP authentication header format'));
    await expectRefusal('Bearer a b', unauthorized('Bad HTTP authentication header format'));
  });

  it('refuses a malformed token: Invalid token', async () => {
    await expectRefusal('Bearer not-a-jwt', unauthorized('Invalid token'));
    await expectRefusal('Bearer a.b.c', unauthorized('Invalid token'));
  });

  it('puts the reason in the WWW-Authenticate challenge', async () => {
    const response = await callApi(tenant(), '/api/v2/clients', 'not-a-jwt');
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="Invalid token"');
  });

  it('refuses an unsigned token (alg none): Invalid token', async () => {
    await expectRefusal(`Bearer ${new UnsecuredJWT(validClaims()).encode()}`, unauthorized('Invalid token'));
  });

  it('refuses HS256 signed with the RSA public key (key confusion): Invalid signature', async () => {
    const pem = await exportSPKI(tenant().signingKey.publicKey);
    const forged = await new SignJWT(validClaims({ scope: 'read:clients delete:clients' }))
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: tenant().signingKey.kid })
      .sign(new TextEncoder().encode(pem));
    await expectRefusal(`Bearer ${forged}`, unauthorized('Invalid signature received for JSON Web Token validation'));
  });

  it('refuses a token whose payload was changed after signing: Invalid signature', async () => {
    const [header, , signature] = (await tokenFor(tenant())).split('.');
    const payload = btoa(JSON.stringify(validClaims({ scope: 'read:clients delete:clients' }))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    await expectRefusal(`Bearer ${header}.${payload}.${signature}`, unauthorized('Invalid signature received for JSON Web Token validation'));
  });

  it('refuses a token signed by a key that is not in the JWKS (unknown kid): Invalid signature', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const foreign = await new SignJWT(validClaims()).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'someone-elses-key' }).sign(privateKey);
    await expectRefusal(`Bearer ${foreign}`, unauthorized('Invalid signature received for JSON Web Token validation'));
  });

  it('refuses a token without a kid: Invalid signature', async () => {
    const key = tenant().signingKey;
    const token = await new SignJWT(validClaims()).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(key.privateKey);
    await expectRefusal(`Bearer ${token}`, unauthorized('Invalid signature received for JSON Web Token validation'));
  });

  it('refuses a token once 86400 seconds of tenant time have passed, with the exact expired body', async () => {
    const token = await tokenFor(tenant());
    tenant().clock.advance(86399);
    expect((await callApi(tenant(), '/api/v2/clients', token)).status).toBe(200);
    tenant().clock.advance(1);
    const response = await callApi(tenant(), '/api/v2/clients', token);
    expect(response.status).toBe(401);
    expect(await response.text()).toBe(
      '{"statusCode":401,"error":"Unauthorized","message":"Expired token received for JSON Web Token validation","attributes":{"error":"Expired token received for JSON Web Token validation"}}',
    );
  });

  it('refuses a token whose nbf is in the future: Not yet valid', async () => {
    await expectRefusal(`Bearer ${await signWithTenantKey(validClaims({ nbf: START_SECONDS + 60 }))}`, unauthorized('Not yet valid token received for JSON Web Token validation'));
  });

  it('refuses a token issued in the future: Not yet valid', async () => {
    await expectRefusal(`Bearer ${await signWithTenantKey(validClaims({ iat: START_SECONDS + 60 }))}`, unauthorized('Not yet valid token received for JSON Web Token validation'));
  });

  it('refuses a token for another API: Bad audience', async () => {
    await expectRefusal(`Bearer ${await signWithTenantKey(validClaims({ aud: 'https://api.acme.test/' }))}`, unauthorized('Bad audience: https://api.acme.test/'));
  });

  it('refuses a token from another issuer: Bad issuer', async () => {
    await expectRefusal(`Bearer ${await signWithTenantKey(validClaims({ iss: 'https://evil.test/' }))}`, unauthorized('Bad issuer: https://evil.test/'));
  });

  it('refuses a correctly signed token without exp: Invalid token', async () => {
    const claims = validClaims();
    delete claims.exp;
    await expectRefusal(`Bearer ${await signWithTenantKey(claims)}`, unauthorized('Invalid token'));
  });

  it('refuses a token whose scope claim is not a string: Invalid token', async () => {
    await expectRefusal(`Bearer ${await signWithTenantKey(validClaims({ scope: ['read:clients'] }))}`, unauthorized('Invalid token'));
  });

  it('answers 403 Insufficient scope, listing every scope that would do', async () => {
    const token = await signWithTenantKey(validClaims({ scope: 'read:users' }));
    const response = await callApi(tenant(), '/api/v2/clients', token);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Insufficient scope, expected any of: read:clients, read:client_keys, read:client_credentials, read:client_summary',
      errorCode: 'insufficient_scope',
    });
  });

  it('answers 403 with the single expected scope for a create route', async () => {
    const response = await callApi(tenant(), '/api/v2/clients', await tokenFor(tenant()), { method: 'POST', body: JSON.stringify({ name: 'x' }) });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Insufficient scope, expected any of: create:clients', errorCode: 'insufficient_scope' });
  });
});
