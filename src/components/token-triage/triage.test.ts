import { CompactEncrypt, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { MANAGEMENT_ROUTES } from '../../tenant/index.ts';
import { MAX_TOKENS } from './find-tokens.ts';
import { RUNBOOK_PATH, triage } from './triage.ts';

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const NOW_S = NOW / 1000;
const DOMAIN = 'example-corp.eu.auth0.com';
const GLOBAL_CLIENT_ID = 'Xq3sV9aLk2Pz7RtB1nC4dE6fG8hJ0mQw';
const { privateKey } = await generateKeyPair('RS256');
const globalSecret = new TextEncoder().encode('a-global-client-secret-for-tests-only');

function handSigned(claims: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({ scope: 'read:clients read:client_keys', ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(`https://${DOMAIN}/`)
    .setAudience(GLOBAL_CLIENT_ID)
    .setIssuedAt(NOW_S - 3600)
    .sign(globalSecret);
}

function managementToken(lifetime: number, claims: Record<string, unknown> = {}, issuedAgo = 3600): Promise<string> {
  return new SignJWT({ scope: 'read:clients', gty: 'client-credentials', azp: 'svcClient000000000000000000000001', ...claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'key-1' })
    .setIssuer(`https://${DOMAIN}/`)
    .setSubject(typeof claims.sub === 'string' ? claims.sub : 'svcClient000000000000000000000001@clients')
    .setAudience(`https://${DOMAIN}/api/v2/`)
    .setIssuedAt(NOW_S - issuedAgo)
    .setExpirationTime(NOW_S - issuedAgo + lifetime)
    .sign(privateKey);
}

const check = (text: string) => triage(text, MANAGEMENT_ROUTES, NOW);

describe('triage: kinds of token', () => {
  it('calls an HS256 token with a client id as aud and scopes hand-signed, never expiring', async () => {
    const { findings } = check(`AUTH0_TOKEN=${await handSigned()}\n`);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.kind).toBe('hand-signed');
    expect(finding!.expiry).toEqual({ state: 'never' });
    expect(finding!.scopes).toEqual(['read:clients', 'read:client_keys']);
    expect(finding!.reach!.risks.map((risk) => risk.scope)).toEqual(['read:client_keys']);
    expect(finding!.reach!.opens.map((route) => route.label)).toContain('GET /api/v2/clients');
    expect(finding!.nextSteps.map((step) => step.href)).toEqual([
      `${RUNBOOK_PATH}#inventory`,
      `${RUNBOOK_PATH}#replace`,
      `${RUNBOOK_PATH}#decommission`,
    ]);
  });

  it('calls an RS256 Management API token living longer than 24 hours one from a raised Token Expiration', async () => {
    const [finding] = check(await managementToken(30 * 86_400)).findings;
    expect(finding!.kind).toBe('raised-expiration');
    expect(finding!.reasons.join(' ')).toContain('30 days');
    expect(finding!.expiry).toMatchObject({ state: 'valid', utc: '2027-01-02 11:00 UTC' });
    expect(finding!.nextSteps.some((step) => step.step === 'decommission')).toBe(true);
  });

  it('doubts a lifetime beyond the documented 30-day maximum', async () => {
    const [finding] = check(await managementToken(365 * 86_400)).findings;
    expect(finding!.kind).toBe('raised-expiration');
    expect(finding!.uncertain.join(' ')).toContain('30 days');
  });

  it('calls a 24-hour RS256 client-credentials token ordinary, with its expiry absolute and relative', async () => {
    const [finding] = check(`Authorization: Bearer ${await managementToken(86_400)}`).findings;
    expect(finding!.kind).toBe('client-credentials');
    expect(finding!.uncertain).toEqual([]);
    expect(finding!.expiry).toEqual({ state: 'valid', utc: '2026-12-04 11:00 UTC', relative: 'in 23 hours' });
    expect(finding!.nextSteps.map((step) => step.step)).toEqual(['verify', 'watch']);
  });

  it('knows a client-credentials token by gty in either spelling, with a sub that does not say @clients', async () => {
    for (const gty of ['client-credentials', 'client_credentials']) {
      const [finding] = check(await managementToken(86_400, { gty, sub: 'svcClient000000000000000000000001' })).findings;
      expect(finding!.kind, gty).toBe('client-credentials');
      expect(finding!.reasons.join(' '), gty).toContain('came from the client-credentials grant');
      expect(finding!.uncertain, gty).toEqual([]);
    }
    const [neither] = check(await managementToken(86_400, { gty: 'password', sub: 'auth0|user' })).findings;
    expect(neither!.uncertain.join(' ')).toContain('Neither gty nor sub says client credentials');
  });

  it('says an ordinary token with dangerous scopes should have its grant narrowed', async () => {
    const [finding] = check(await managementToken(86_400, { scope: 'read:clients create:client_grants delete:clients' })).findings;
    expect(finding!.reach!.risks.map((risk) => risk.scope)).toEqual(['create:client_grants', 'delete:clients']);
    expect(finding!.nextSteps[0]!.step).toBe('replace');
  });

  it('says when a Management API token was not issued by client credentials', async () => {
    const [finding] = check(await managementToken(86_400, { gty: undefined, sub: 'auth0|user-1' })).findings;
    expect(finding!.kind).toBe('client-credentials');
    expect(finding!.uncertain.join(' ')).toContain('user');
  });

  it('reports an expired token as expired and sends the reader to find its source', async () => {
    const [finding] = check(await managementToken(86_400, {}, 3 * 86_400)).findings;
    expect(finding!.expiry).toMatchObject({ state: 'expired', relative: '2 days ago' });
    expect(finding!.nextSteps[0]!.step).toBe('inventory');
  });

  it('calls an RS256 token whose aud is a client id an ID token, not a Management API token', async () => {
    const idToken = await new SignJWT({ email: 'jane@example.com', nonce: 'n-1' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(`https://${DOMAIN}/`)
      .setSubject('auth0|123')
      .setAudience('AppClientId000000000000000000001')
      .setIssuedAt(NOW_S)
      .setExpirationTime(NOW_S + 36_000)
      .sign(privateKey);
    const [finding] = check(`{"id_token": "${idToken}"}`).findings;
    expect(finding!.kind).toBe('not-management');
    expect(finding!.reasons.join(' ')).toContain('ID token');
    expect(finding!.reach).toBeUndefined();
  });

  it('calls a token for another API not a Management API token', async () => {
    const token = await new SignJWT({ scope: 'read:orders' })
      .setProtectedHeader({ alg: 'RS256' })
      .setAudience(['https://orders.example.com', `https://${DOMAIN}/userinfo`])
      .setExpirationTime(NOW_S + 600)
      .sign(privateKey);
    const [finding] = check(token).findings;
    expect(finding!.kind).toBe('not-management');
    expect(finding!.reasons.join(' ')).toContain('another API');
  });

  it('says an unsigned token (alg none) is accepted by no API', () => {
    const token = new UnsecuredJWT({ scope: 'read:clients' }).setAudience(`https://${DOMAIN}/api/v2/`).encode();
    const [finding] = check(`token: ${token}`).findings;
    expect(finding!.kind).toBe('not-management');
    expect(finding!.reasons.join(' ')).toContain('not signed');
  });

  it('mentions the denylist only for a token that carries a jti, and never as a sure remedy', async () => {
    const withJti = check(await handSigned({ jti: 'abc-123' })).findings[0]!;
    const without = check(await handSigned()).findings[0]!;
    expect(withJti.jti).toBe('abc-123');
    const denylistStep = withJti.nextSteps.find((step) => step.text.includes('denylist'));
    expect(denylistStep?.text).toMatch(/Auth0 says API v2 tokens cannot be denylisted .*unconfirmed: don't count on it\.$/);
    expect(without.nextSteps.some((step) => step.text.includes('denylist'))).toBe(false);
  });

  it('never keeps the signature in what it shows', async () => {
    const token = await handSigned();
    const finding = check(token).findings[0]!;
    const signature = token.split('.')[2]!;
    expect(JSON.stringify(finding)).not.toContain(signature);
    expect(finding.preview).toBe(`${token.slice(0, 12)}…`);
  });
});

describe('triage: finding tokens in config files', () => {
  it('finds every token in env, JSON, YAML, Terraform, header and URL text, once each, with its lines', async () => {
    const hand = await handSigned();
    const raised = await managementToken(7 * 86_400);
    const ordinary = await managementToken(86_400);
    const text = [
      `AUTH0_TOKEN=${hand}`,
      `{"token": "${raised}"}`,
      `auth0:\n  api_token: ${ordinary}`,
      `provider "auth0" {\n  api_token = "${hand}"\n}`,
      `curl -H "Authorization: Bearer ${raised}" https://${DOMAIN}/api/v2/clients`,
      `https://app.example.com/callback#access_token=${ordinary}&token_type=Bearer.`,
    ].join('\n');
    const { findings, summary } = check(text);
    expect(findings.map((finding) => finding.kind)).toEqual(['hand-signed', 'raised-expiration', 'client-credentials']);
    expect(findings.map((finding) => finding.lines)).toEqual([[1, 6], [2, 8], [4, 9]]);
    expect(summary).toBe('3 tokens found: 1 hand-signed; 1 from a raised Token Expiration; 1 ordinary client-credentials.');
  });

  it('ignores a dot that ends a sentence after a token', async () => {
    const token = await handSigned();
    expect(check(`The token was ${token}.`).findings[0]!.kind).toBe('hand-signed');
  });
});

describe('triage: bad input gets a plain answer', () => {
  it('answers empty input with an invitation', () => {
    expect(check('  \n').summary).toMatch(/^Paste a token/);
  });

  it('says no token was found in text without one', () => {
    const report = check('DATABASE_URL=postgres://localhost/db\nAPI_KEY=abc');
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatch(/^No token found\./);
  });

  it('says binary junk is binary', () => {
    const junk = String.fromCharCode(...Array.from({ length: 600 }, (_, index) => (index * 37) % 32));
    expect(check(junk).summary).toMatch(/binary data/);
  });

  it('says a token cut after its header and payload looks cut off', async () => {
    const token = await handSigned();
    const cut = token.split('.').slice(0, 2).join('.');
    const [finding] = check(cut).findings;
    expect(finding!.state).toBe('unreadable');
    expect(finding!.problem).toMatch(/cut off/);
  });

  it('says a token cut inside its payload is damaged', async () => {
    const token = await handSigned();
    const [header, payload] = token.split('.');
    const [finding] = check(`${header}.${payload!.slice(0, 7)}.sig`).findings;
    expect(finding!.state).toBe('unreadable');
    expect(finding!.problem).toMatch(/claims/);
  });

  it('says a header that is not base64url JSON is not a JWT header', () => {
    const [finding] = check('eyJub3QganNvbg.eyJhIjoxfQ.sig').findings;
    expect(finding!.state).toBe('unreadable');
    expect(finding!.problem).toMatch(/header/);
  });

  it('says a JWE is encrypted and cannot be read', async () => {
    const { publicKey } = await generateKeyPair('RSA-OAEP-256');
    const jwe = await new CompactEncrypt(new TextEncoder().encode('{"scope":"read:clients"}'))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
      .encrypt(publicKey);
    const [finding] = check(`TOKEN=${jwe}`).findings;
    expect(finding!.state).toBe('encrypted');
    expect(finding!.header).toMatchObject({ enc: 'A256GCM' });
    expect(finding!.problem).toMatch(/encrypted/);
  });

  it('says an exp that is not a number cannot be read', async () => {
    const token = await handSigned({ exp: 'tomorrow' });
    expect(check(token).findings[0]!.expiry).toMatchObject({ state: 'unreadable' });
  });

  it('answers a megabyte of text full of tokens with a capped report instead of hanging or throwing', async () => {
    const tokens = await Promise.all(Array.from({ length: MAX_TOKENS + 5 }, (_, index) => handSigned({ n: index })));
    const filler = 'x'.repeat(500_000);
    const report = check(`${filler}\n${tokens.join('\n')}\n${filler}`);
    expect(report.findings).toHaveLength(MAX_TOKENS);
    expect(report.notes).toEqual([`5 more tokens found beyond the first ${MAX_TOKENS} and not analysed: paste them in smaller parts.`]);
    expect(report.findings[0]!.lines).toEqual([2]);
  });

  it('searches only the first two million characters and says so', () => {
    const report = check('y'.repeat(2_500_000));
    expect(report.notes[0]).toMatch(/Only the first 2,000,000 characters/);
    expect(report.summary).toMatch(/^No token found/);
  });
});
