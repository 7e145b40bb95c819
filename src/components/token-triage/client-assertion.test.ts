import { SignJWT, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { inventorySummary } from './inventory-summary.ts';
import { APP_CLIENT_ID, check, clientAssertion, DOMAIN, GLOBAL_CLIENT_ID, handSigned, managementToken, NOW, NOW_S } from './tokens-test-support.ts';

const DOCS = 'https://auth0.com/docs/get-started/authentication-and-authorization-flow/authenticate-with-private-key-jwt';
const JTI = '3f6c2a9e-8b1d-4c47-9e2a-5d0b7f1c4e88';

describe('triage: a client assertion pasted by mistake', () => {
  it('calls a Private Key JWT assertion (iss = sub = a client id, aud the tenant URL) a client assertion, not an access token', async () => {
    const { findings, summary } = check(await clientAssertion());
    const [finding] = findings;
    expect(finding!.kind).toBe('client-assertion');
    expect(finding!.title).toBe('Client assertion (Private Key JWT): not an access token');
    expect(summary).toBe('1 token found: 1 client assertion (Private Key JWT).');
    const why = finding!.reasons.join(' ');
    expect(why).toContain(`Its iss and sub are both ${APP_CLIENT_ID}`);
    expect(why).toContain('It is not an access token');
    expect(why).toContain('POST /oauth/token');
    expect(why).toContain('It holds no secret and no private key');
    expect(why).toContain('Auth0 accepts each jti once, and only until exp, at most 5 minutes');
    expect(why).toContain('This one lives 1 minute from iat to exp.');
    expect(finding!.uncertain).toEqual([]);
    expect(finding).toMatchObject({ clientId: APP_CLIENT_ID, jti: JTI, lifetime: 60, scopes: [] });
    expect(finding!.sources!.map((source) => source.href)).toContain(DOCS);
    // Not an access token: nothing it "opens", and no denylist to reach for.
    expect(finding!.reach).toBeUndefined();
    expect(finding!.nextSteps.map((step) => step.step)).toEqual(['inventory', 'replace']);
    expect(finding!.nextSteps[0]!.text).toMatch(/^If you found it in a log, that log records the bodies of requests to \/oauth\/token/);
    expect(finding!.nextSteps[0]!.text).toContain('client secrets');
    expect(finding!.nextSteps.some((step) => step.text.includes('denylist'))).toBe(false);
  });

  it('recognises one addressed to the token endpoint, and says Auth0 documents the tenant URL instead', async () => {
    const [finding] = check(await clientAssertion({ aud: `https://${DOMAIN}/oauth/token` })).findings;
    expect(finding!.kind).toBe('client-assertion');
    expect(finding!.reasons.join(' ')).toContain(`its aud is the tenant itself (https://${DOMAIN}/oauth/token)`);
    expect(finding!.uncertain).toEqual([
      `Auth0's docs ask for the tenant URL with its trailing slash as aud (https://{domain}/); whether a tenant also takes https://${DOMAIN}/oauth/token is not documented there.`,
    ]);
  });

  it('recognises one addressed to a custom domain, found in a logged JSON request body', async () => {
    const assertion = await clientAssertion({ aud: 'https://login.example-corp.example/' });
    const log = JSON.stringify({ msg: 'POST /oauth/token', body: { grant_type: 'client_credentials', client_assertion: assertion } });
    const [finding] = check(log).findings;
    expect(finding!.kind).toBe('client-assertion');
    expect(finding!.places).toEqual(['value of key client_assertion, line 1']);
  });

  it('keeps its own next steps once expired, not the 401 steps of an expired access token', async () => {
    const { findings, summary } = check(await clientAssertion({}, 2 * 3600 + 60));
    const [finding] = findings;
    expect(finding!.kind).toBe('client-assertion');
    expect(finding!.title).toBe('Client assertion (Private Key JWT): not an access token (expired)');
    expect(summary).toBe('1 token found: 1 client assertion (Private Key JWT) (expired).');
    expect(finding!.expiry).toMatchObject({ state: 'expired', relative: '2 hours ago' });
    expect(finding!.nextSteps.map((step) => step.step)).toEqual(['inventory', 'replace']);
    expect(finding!.nextSteps.some((step) => step.text.includes('401'))).toBe(false);
  });

  it('says what a tenant would refuse: a life longer than 5 minutes, no jti, no exp', async () => {
    const [long] = check(await clientAssertion({ exp: NOW_S + 3600 })).findings;
    expect(long!.kind).toBe('client-assertion');
    expect(long!.uncertain.join(' ')).toContain('longer than the 5 minutes Auth0 allows');
    const [bare] = check(await clientAssertion({ jti: undefined, exp: undefined })).findings;
    expect(bare!.kind).toBe('client-assertion');
    expect(bare!.uncertain).toEqual([
      'It has no exp, which Auth0 requires in an assertion, so a tenant would refuse it.',
      'It has no jti, which Auth0 requires in an assertion (a new one each time), so a tenant would refuse it.',
    ]);
  });

  it('puts its lifetime, jti, client id and source in the copied summary, and no token text', async () => {
    const assertion = await clientAssertion();
    const summary = inventorySummary(check(`client_assertion=${assertion}`), { now: NOW, origin: 'https://token-lab.example' })!;
    expect(summary).toContain('Token 1: Client assertion (Private Key JWT): not an access token\n');
    expect(summary).toContain('- Lifetime: 1 minute\n');
    expect(summary).toContain(`- jti: ${JTI}\n`);
    expect(summary).toContain(`- Client id: ${APP_CLIENT_ID}\n`);
    expect(summary).toContain('- Next step: If you found it in a log, that log records the bodies of requests to /oauth/token');
    expect(summary).toContain(`- Source: Auth0 docs: Authenticate with Private Key JWT (${DOCS})`);
    for (const part of [assertion, ...assertion.split('.')]) expect(summary.includes(part)).toBe(false);
    expect(summary).not.toMatch(/eyJ/);
  });
});

describe('triage: near misses that are not client assertions', () => {
  it('keeps an ordinary client-credentials token ordinary', async () => {
    const [finding] = check(await managementToken(86_400)).findings;
    expect(finding!.kind).toBe('client-credentials');
    expect(finding!.clientId).toBeUndefined();
  });

  it('keeps an ID token (aud the client id, iss the tenant URL) not a Management API token', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const idToken = await new SignJWT({ nonce: 'n-1' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(`https://${DOMAIN}/`)
      .setSubject('auth0|123')
      .setAudience(APP_CLIENT_ID)
      .setIssuedAt(NOW_S)
      .setExpirationTime(NOW_S + 36_000)
      .sign(privateKey);
    const [finding] = check(idToken).findings;
    expect(finding!.kind).toBe('not-management');
    expect(finding!.reasons.join(' ')).toContain('ID token');
  });

  it('keeps an old hand-signed explorer token hand-signed', async () => {
    const [finding] = check(await handSigned()).findings;
    expect(finding!.kind).toBe('hand-signed');
  });

  it('does not call a token shaped like an assertion one when it is signed with a shared secret', async () => {
    const [finding] = check(await clientAssertion({}, 10, 'HS256')).findings;
    expect(finding!.kind).toBe('not-management');
  });

  it('does not call it an assertion when iss and sub differ, when iss is a URL, or when sub ends in @clients', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['iss and sub differ', { sub: GLOBAL_CLIENT_ID }],
      ['iss the tenant URL', { iss: `https://${DOMAIN}/` }],
      ['sub …@clients', { iss: `${APP_CLIENT_ID}@clients`, sub: `${APP_CLIENT_ID}@clients` }],
    ];
    for (const [label, claims] of cases) expect(check(await clientAssertion(claims)).findings[0]!.kind, label).not.toBe('client-assertion');
  });

  it('does not call it an assertion when it carries scope or gty, as access tokens do', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['scope', { scope: 'read:clients' }],
      ['permissions', { permissions: ['read:clients'] }],
      ['gty', { gty: 'client-credentials' }],
    ];
    for (const [label, claims] of cases) expect(check(await clientAssertion(claims)).findings[0]!.kind, label).not.toBe('client-assertion');
  });

  it('does not call it an assertion when its aud is an API, the Management API included, or missing', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['the Management API', { aud: `https://${DOMAIN}/api/v2/` }],
      ['another API', { aud: 'https://orders.example/api' }],
      ['the tenant and an API', { aud: [`https://${DOMAIN}/`, 'https://orders.example/api'] }],
      ['an http URL', { aud: `http://${DOMAIN}/` }],
      ['no aud', { aud: undefined }],
    ];
    for (const [label, claims] of cases) expect(check(await clientAssertion(claims)).findings[0]!.kind, label).not.toBe('client-assertion');
  });
});
