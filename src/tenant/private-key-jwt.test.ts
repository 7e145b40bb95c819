import { decodeJwt, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { handleTenantRequest } from './handle-request.ts';
import { callApi, requestToken, tokenFor, useTenantServer } from './hosts/testing.ts';
import type { Application } from './model.ts';
import { privateKeyJwtApp, register, requestWithAssertion, serviceKey, signAssertion, type ServiceKey } from './private-key-jwt-test-support.ts';
import { restoreTenant } from './restore-tenant.ts';
import { TenantError } from './tenant-error.ts';
import { CLIENT_ASSERTION_TYPE } from './verify-client-assertion.ts';

/*
 * POST /oauth/token with a client assertion: one test per rule of Auth0's "Authenticate with
 * Private Key JWT", each a valid assertion changed in one spot.
 */

const tenant = useTenantServer();
let key: ServiceKey;
let otherKey: ServiceKey;

beforeAll(async () => {
  [key, otherKey] = await Promise.all([serviceKey(), serviceKey()]);
});

/** The app under test, switched to Private Key JWT with `key`, granted read:clients. */
async function signer(): Promise<{ app: Application; credential: { id: string; kid: string } }> {
  return privateKeyJwtApp(tenant(), key);
}

async function refusal(response: Response): Promise<unknown> {
  return { status: response.status, body: await response.json() };
}

const invalidClient = (description: string) => ({ status: 401, body: { error: 'invalid_client', error_description: description } });

describe('POST /oauth/token with a client assertion (Private Key JWT)', () => {
  it('issues a token for a valid assertion: iss = sub = client id, aud the tenant URL with its slash, a minute to live, a fresh jti', async () => {
    const { app } = await signer();
    const response = await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; scope: string };
    expect(body.scope).toBe('read:clients');
    expect(decodeJwt(body.access_token)).toMatchObject({ sub: `${app.client_id}@clients`, azp: app.client_id, aud: tenant().managementAudience });
  });

  it('takes the assertion with or without client_id, and with the kid of its credential', async () => {
    const { app, credential } = await signer();
    expect((await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key), { client_id: app.client_id })).status).toBe(200);
    expect((await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key, { header: { kid: credential.kid } }))).status).toBe(200);
    // As JSON too, the way Auth0's own curl example could be sent.
    const json = await fetch(`https://${tenant().domain}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: await signAssertion(tenant(), app.client_id, key), audience: tenant().managementAudience }),
    });
    expect(json.status).toBe(200);
  });

  it('refuses a replayed assertion: a jti is good once', async () => {
    const { app } = await signer();
    const assertion = await signAssertion(tenant(), app.client_id, key);
    expect((await requestWithAssertion(tenant(), assertion)).status).toBe(200);
    expect(await refusal(await requestWithAssertion(tenant(), assertion))).toEqual(invalidClient('The client_assertion was already used (its jti was seen before): sign a new one for every request.'));
    // A new assertion with the same jti is a replay too.
    const sameJti = await signAssertion(tenant(), app.client_id, key, { claims: { jti: decodeJwt(assertion).jti, iat: tenant().clock.nowSeconds() + 1 } });
    expect((await requestWithAssertion(tenant(), sameJti)).status).toBe(401);
  });

  it('still refuses the replay after the tenant was saved and restored', async () => {
    const { app } = await signer();
    const assertion = await signAssertion(tenant(), app.client_id, key);
    expect((await requestWithAssertion(tenant(), assertion)).status).toBe(200);
    const { tenant: restored, restored: ok } = await restoreTenant(JSON.stringify(tenant().toJSON()));
    expect(ok).toBe(true);
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion, audience: restored.managementAudience });
    const replay = await handleTenantRequest(restored, new Request(`https://${restored.domain}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }));
    expect(await refusal(replay)).toEqual(invalidClient('The client_assertion was already used (its jti was seen before): sign a new one for every request.'));
    const fresh = new URLSearchParams({ ...Object.fromEntries(body), client_assertion: await signAssertion(restored, app.client_id, key) });
    const accepted = await handleTenantRequest(restored, new Request(`https://${restored.domain}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fresh }));
    expect(accepted.status).toBe(200);
  });

  it('forgets a jti once its assertion has expired, so the store stays small', async () => {
    const { app } = await signer();
    expect((await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key))).status).toBe(200);
    expect(tenant().records.usedAssertionIds).toHaveLength(1);
    tenant().clock.advance(61);
    expect((await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key))).status).toBe(200);
    expect(tenant().records.usedAssertionIds).toHaveLength(1);
  });

  it('refuses the wrong audience, and the tenant URL without its trailing slash', async () => {
    const { app } = await signer();
    const withAud = async (aud: unknown) => refusal(await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key, { claims: { aud } })));
    expect(await withAud(tenant().managementAudience)).toEqual(invalidClient(`The client_assertion's aud must be the tenant's URL with its trailing slash, https://acme.auth0.test/, not https://acme.auth0.test/api/v2/.`));
    expect(await withAud('https://acme.auth0.test')).toEqual(invalidClient(`The client_assertion's aud must be the tenant's URL with its trailing slash, https://acme.auth0.test/, not https://acme.auth0.test.`));
    expect(await withAud('https://other.auth0.test/')).toMatchObject({ status: 401 });
    expect(await withAud(undefined)).toMatchObject({ status: 401 });
  });

  it('takes the tenant URL in an aud array, and the token endpoint\'s URL, as Auth0\'s support article builds it', async () => {
    const { app } = await signer();
    for (const aud of [[tenant().issuer, 'https://elsewhere.example/'], `${tenant().issuer}oauth/token`]) {
      expect((await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key, { claims: { aud } }))).status).toBe(200);
    }
  });

  it('refuses an exp more than 5 minutes after iat, with the words of Auth0\'s logs, and takes exactly 5 minutes', async () => {
    const { app } = await signer();
    const now = tenant().clock.nowSeconds();
    const tooFar = await signAssertion(tenant(), app.client_id, key, { claims: { iat: now, exp: now + 301 } });
    expect(await refusal(await requestWithAssertion(tenant(), tooFar))).toEqual(invalidClient("'exp' claim must specify a time that is no more than 5 minutes after 'iat'"));
    const earlyIat = await signAssertion(tenant(), app.client_id, key, { claims: { iat: now - 250, exp: now + 60 } });
    expect((await requestWithAssertion(tenant(), earlyIat)).status).toBe(401);
    expect((await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key, { claims: { iat: now, exp: now + 300 } }))).status).toBe(200);
  });

  it('without iat, counts the 5 minutes from the tenant\'s clock', async () => {
    const { app } = await signer();
    const now = tenant().clock.nowSeconds();
    const tooFar = await signAssertion(tenant(), app.client_id, key, { claims: { iat: undefined, exp: now + 301 } });
    expect(await refusal(await requestWithAssertion(tenant(), tooFar))).toEqual(invalidClient("'exp' claim must specify a time that is no more than 5 minutes from now"));
    expect((await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key, { claims: { iat: undefined, exp: now + 120 } }))).status).toBe(200);
  });

  it('refuses an expired assertion, and one without exp, on the tenant\'s clock', async () => {
    const { app } = await signer();
    const assertion = await signAssertion(tenant(), app.client_id, key);
    tenant().clock.advance(60);
    expect(await refusal(await requestWithAssertion(tenant(), assertion))).toEqual(invalidClient('The client_assertion has expired.'));
    expect(await refusal(await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key, { claims: { exp: undefined } })))).toEqual(invalidClient('The client_assertion has no valid exp claim.'));
  });

  it('allows iat and nbf 10 seconds ahead of its clock, no more', async () => {
    const { app } = await signer();
    const now = tenant().clock.nowSeconds();
    const at = (claims: Record<string, unknown>) => signAssertion(tenant(), app.client_id, key, { claims: { exp: now + 60, ...claims } });
    expect((await requestWithAssertion(tenant(), await at({ iat: now + 10, nbf: now + 10 }))).status).toBe(200);
    expect(await refusal(await requestWithAssertion(tenant(), await at({ iat: now + 11 })))).toEqual(invalidClient("The client_assertion's iat is more than 10 seconds in the future."));
    expect(await refusal(await requestWithAssertion(tenant(), await at({ nbf: now + 11 })))).toEqual(invalidClient("The client_assertion's nbf is more than 10 seconds in the future."));
  });

  it('refuses an assertion signed by a key the application never registered', async () => {
    const { app } = await signer();
    const unknown = await signAssertion(tenant(), app.client_id, otherKey);
    expect(await refusal(await requestWithAssertion(tenant(), unknown))).toEqual(invalidClient('The client_assertion\'s signature does not verify with any credential enabled for Private Key JWT on this application.'));
    const unknownKid = await signAssertion(tenant(), app.client_id, key, { header: { kid: 'no-such-kid' } });
    expect(await refusal(await requestWithAssertion(tenant(), unknownKid))).toEqual(invalidClient('No credential enabled for Private Key JWT on this application has kid no-such-kid.'));
  });

  it('refuses an assertion signed by the key of a credential that is not enabled for the application, or of another application', async () => {
    const { app } = await signer();
    const registeredOnly = await register(tenant(), app.client_id, otherKey, 'registered, not enabled');
    expect((await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, otherKey))).status).toBe(401);
    expect(await refusal(await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, otherKey, { header: { kid: registeredOnly.kid } })))).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    // The other key is another application's credential, enabled there: it still cannot sign for this one.
    const { app: neighbour } = await privateKeyJwtApp(tenant(), otherKey);
    expect((await requestWithAssertion(tenant(), await signAssertion(tenant(), neighbour.client_id, otherKey))).status).toBe(200);
    expect((await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, otherKey))).status).toBe(401);
  });

  it('refuses an alg other than its credential\'s, and algorithms credentials never use', async () => {
    const { app } = await signer();
    const ps256 = await serviceKey('PS256');
    expect(await refusal(await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, ps256)))).toEqual(invalidClient('No credential enabled for Private Key JWT on this application uses PS256: the assertion\'s alg must be its credential\'s.'));
    const now = tenant().clock.nowSeconds();
    const hs256 = await new SignJWT({ iss: app.client_id, sub: app.client_id, aud: tenant().issuer, iat: now, exp: now + 60, jti: 'hs' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(app.client_secret));
    expect(await refusal(await requestWithAssertion(tenant(), hs256))).toEqual(invalidClient('The client_assertion is signed with HS256; credentials use RS256, RS384 or PS256.'));
  });

  it('verifies RS384 and PS256 credentials with their own algorithm', async () => {
    for (const alg of ['RS384', 'PS256'] as const) {
      const own = await serviceKey(alg);
      const { app } = await privateKeyJwtApp(tenant(), own);
      expect((await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, own))).status, alg).toBe(200);
    }
  });

  it('refuses iss different from sub, and a sub that is not the client_id sent', async () => {
    const { app } = await signer();
    const { app: neighbour } = await privateKeyJwtApp(tenant(), key);
    expect(await refusal(await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key, { claims: { iss: neighbour.client_id } })))).toEqual(invalidClient('The client_assertion\'s iss and sub must both be the application\'s client_id.'));
    expect(await refusal(await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key), { client_id: neighbour.client_id }))).toEqual(invalidClient('The client_assertion\'s sub is not the client_id sent with it.'));
  });

  it('refuses an assertion without jti, or over Auth0\'s limits (64-character claims, 2048 bytes)', async () => {
    const { app } = await signer();
    expect(await refusal(await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key, { claims: { jti: undefined } })))).toEqual(invalidClient('The client_assertion has no valid jti claim.'));
    expect(await refusal(await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key, { claims: { jti: 'j'.repeat(65) } })))).toEqual(invalidClient('The client_assertion\'s jti is longer than 64 characters.'));
    expect(await refusal(await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key, { claims: { note: 'x'.repeat(1_500) } })))).toEqual(invalidClient('The client_assertion is longer than 2048 bytes.'));
  });

  it('refuses a credential past its expires_at', async () => {
    const { app, credential } = await signer();
    const expiresAt = new Date(tenant().clock.now() + 120_000).toISOString();
    const patched = await callApi(tenant(), `/api/v2/clients/${app.client_id}/credentials/${credential.id}`, await tokenFor(tenant(), 'explorer'), { method: 'PATCH', body: JSON.stringify({ expires_at: expiresAt }) });
    expect(patched.status).toBe(200);
    expect((await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key))).status).toBe(200);
    tenant().clock.advance(120);
    expect(await refusal(await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key)))).toEqual(invalidClient('The credential that would verify this client_assertion has expired.'));
  });

  it('no longer takes the secret of an application that uses Private Key JWT, and takes it again after switching back', async () => {
    const { app } = await signer();
    const withSecret = await fetch(`https://${tenant().domain}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, audience: tenant().managementAudience }),
    });
    expect(await refusal(withSecret)).toEqual(invalidClient('This application authenticates with Private Key JWT: send a client_assertion, not a client secret.'));
    expect(tenant().useClientSecret(app.client_id)).not.toBeInstanceOf(TenantError);
    const again = await fetch(`https://${tenant().domain}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, audience: tenant().managementAudience }),
    });
    expect(again.status).toBe(200);
    expect(await refusal(await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key)))).toEqual(invalidClient('This application does not use Private Key JWT: enable a credential in its client_authentication_methods.private_key_jwt, or send its client secret.'));
  });

  it('refuses an assertion for an application that uses its secret, and for a client the tenant does not know', async () => {
    const { reporting } = tenant().seeded;
    expect((await requestWithAssertion(tenant(), await signAssertion(tenant(), reporting.client_id, key))).status).toBe(401);
    expect(await refusal(await requestWithAssertion(tenant(), await signAssertion(tenant(), 'ghost', key)))).toEqual(invalidClient('Unknown client: ghost'));
    expect((await requestToken(tenant())).status).toBe(200);
  });

  it('refuses an assertion that cannot be read when nothing else names the application', async () => {
    expect(await refusal(await requestWithAssertion(tenant(), 'not.a.jwt'))).toEqual(invalidClient('The client_assertion is not a signed JWT.'));
    const { app } = await signer();
    expect(await refusal(await requestWithAssertion(tenant(), 'not.a.jwt', { client_id: app.client_id }))).toEqual(invalidClient('The client_assertion is not a signed JWT.'));
  });

  it('refuses a client assertion sent with a secret', async () => {
    const { app } = await signer();
    const response = await requestWithAssertion(tenant(), await signAssertion(tenant(), app.client_id, key), { client_secret: app.client_secret });
    expect(await refusal(response)).toEqual({ status: 400, body: { error: 'invalid_request', error_description: 'Send either a client_assertion or a client secret, not both.' } });
  });
});
