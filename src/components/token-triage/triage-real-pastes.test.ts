import { describe, expect, it } from 'vitest';
import { base64Of, check, handSigned, managementToken, NOW_S } from './tokens-test-support.ts';

describe('triage: tokens base64-encoded once more', () => {
  it('decodes a Kubernetes Secret data: value and says where the token was found', async () => {
    const token = await managementToken(30 * 86_400);
    const secret = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: auth0-mgmt', 'type: Opaque', 'data:', `  AUTH0_TOKEN: ${base64Of(token)}`].join('\n');
    const { findings, summary } = check(secret);
    expect(summary).toBe('1 token found: 1 from a raised Token Expiration.');
    expect(findings[0]).toMatchObject({ kind: 'raised-expiration', lines: [7] });
    expect(findings[0]!.places).toEqual(['base64-encoded value of key AUTH0_TOKEN in the Kubernetes Secret auth0-mgmt, line 7']);
  });

  it('decodes a standalone ZXlK… run, and counts a token pasted plain and encoded once', async () => {
    const token = await handSigned();
    const { findings } = check(`${base64Of(`${token}\n`)}\n\nAUTH0_TOKEN=${token}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.kind).toBe('hand-signed');
    expect(findings[0]!.places).toEqual(['base64-encoded text, line 1', 'value of AUTH0_TOKEN, line 3']);
  });
});

describe('triage: secrets named, not pasted', () => {
  it('answers a GitHub Actions file that names secrets.AUTH0_MGMT_TOKEN with where to look, not "No token found"', () => {
    const workflow = 'on: push\njobs:\n  sync:\n    runs-on: ubuntu-latest\n    env:\n      AUTH0_TOKEN: ${{ secrets.AUTH0_MGMT_TOKEN }}\n';
    const report = check(workflow);
    expect(report.summary).not.toMatch(/No token found|whole token was pasted/);
    expect(report.summary).toBe('No token in the text, but it names where a token is kept. A token is stored in secret AUTH0_MGMT_TOKEN: look there.');
    expect(report.references[0]).toMatchObject({ number: 1, store: 'github-actions-secret', lines: [6] });
    expect(report.references[0]!.look).toContain('GitHub never shows a saved secret again');
  });

  it('lists a Kubernetes secretKeyRef, a Terraform variable and an empty .env line together', () => {
    const text = [
      '- name: AUTH0_TOKEN',
      '  valueFrom:',
      '    secretKeyRef: {name: auth0-mgmt, key: token}',
      'api_token = var.auth0_api_token',
      'AUTH0_MGMT_TOKEN=',
    ].join('\n');
    expect(check(text).summary).toBe(
      'No token in the text, but it names 3 places where tokens are kept: Kubernetes Secret auth0-mgmt (key token); Terraform variable auth0_api_token; AUTH0_MGMT_TOKEN (empty here). Look there.',
    );
  });

  it('adds the named secrets after the tokens it found', async () => {
    const token = await managementToken(86_400);
    const { summary } = check(`AUTH0_TOKEN=${token}\nBACKUP_TOKEN: \${{ secrets.BACKUP_TOKEN }}`);
    expect(summary).toBe('1 token found: 1 ordinary client-credentials. It also names where a token is kept. A token is stored in secret BACKUP_TOKEN: look there.');
  });
});

describe('triage: tokens wrapped over lines', () => {
  it('rejoins a .env value split over two quoted lines and says so', async () => {
    const token = await managementToken(86_400);
    const { findings } = check(`AUTH0_DOMAIN=example-corp.eu.auth0.com\nAUTH0_TOKEN="${token.slice(0, 200)}\n${token.slice(200)}"\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ state: 'decoded', kind: 'client-credentials' });
    expect(findings[0]!.rejoined).toBe('It was wrapped over lines 2–3 (a quoted value run on to the next line); the pieces were rejoined before reading it.');
    expect(findings[0]!.places).toEqual(['value of AUTH0_TOKEN, lines 2–3, rejoined']);
  });

  it('rejoins a token broken by a backslash continuation, and one broken at a dot', async () => {
    const token = await handSigned();
    const [header, claims, signature] = token.split('.');
    expect(check(`export T=${token.slice(0, 40)}\\\n${token.slice(40)}`).findings[0]!.kind).toBe('hand-signed');
    const { findings } = check(`${header}.${claims}.\n${signature}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.kind).toBe('hand-signed');
  });
});

describe('triage: malformed claims', () => {
  it('flags an RS256 Management API token whose exp is a string as malformed, never ordinary, and never says it has no iat', async () => {
    const token = await managementToken(86_400, { exp: 'tomorrow' });
    const [finding] = check(token).findings;
    expect(finding!.kind).toBe('malformed');
    expect(finding!.title).not.toMatch(/Ordinary/);
    expect(finding!.malformed).toEqual(['Its exp (expiry) is a string ("tomorrow"), not a number of seconds.']);
    expect(JSON.stringify(finding)).not.toContain('no iat');
    expect(finding!.issued).toEqual({ state: 'at', utc: '2026-12-03 11:00 UTC', relative: '1 hour ago' });
    expect(check(token).summary).toBe('1 token found: 1 malformed (exp or iat not a number).');
  });

  it('flags an iat that is not a number, and keeps a hand-signed token hand-signed but flagged', async () => {
    const stringIat = check(await managementToken(86_400, { iat: '2026-12-03' })).findings[0]!;
    expect(stringIat.kind).toBe('malformed');
    expect(stringIat.issued).toMatchObject({ state: 'unreadable' });
    expect(JSON.stringify(stringIat)).not.toContain('no iat');
    const hand = check(await handSigned({ exp: 'never' })).findings[0]!;
    expect(hand.kind).toBe('hand-signed');
    expect(hand.title).toMatch(/\(malformed claims\)$/);
  });
});

describe('triage: expired tokens', () => {
  it('says expired in the summary and gives a next step about whoever still sends it', async () => {
    const report = check(await managementToken(86_400, {}, 3 * 86_400));
    expect(report.summary).toBe('1 token found: 1 ordinary client-credentials (expired).');
    const [finding] = report.findings;
    expect(finding!.title).toBe('Ordinary client-credentials Management API token (expired)');
    const steps = finding!.nextSteps.map((step) => step.text).join(' ');
    expect(steps).toContain('no longer works; if something still sends it');
    expect(steps).toContain('find and replace that caller');
    expect(steps).not.toContain('Check that the service works with only these scopes');
  });

  it('still sends an expired raised-expiration token\'s reader to put the Token Expiration back', async () => {
    const [finding] = check(await managementToken(30 * 86_400, {}, 31 * 86_400)).findings;
    expect(finding!.nextSteps.map((step) => step.step)).toEqual(['inventory', 'replace', 'decommission']);
  });
});

describe('triage: dates', () => {
  it('shows iat and exp as dates in UTC with how long ago', async () => {
    const iat = Date.UTC(2019, 2, 4, 10, 0, 0) / 1000;
    const [finding] = check(await handSigned({ iat, exp: iat + 365 * 86_400 })).findings;
    expect(finding!.issued).toEqual({ state: 'at', utc: '2019-03-04 10:00 UTC', relative: '8 years ago' });
    expect(finding!.expiry).toEqual({ state: 'expired', utc: '2020-03-03 10:00 UTC', relative: '7 years ago' });
    expect(NOW_S).toBeGreaterThan(iat);
  });
});
