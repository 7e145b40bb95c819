import { describe, expect, it } from 'vitest';
import { inventorySummary } from './inventory-summary.ts';
import { base64Of, check, handSigned, managementToken, NOW } from './tokens-test-support.ts';

const options = { now: NOW, origin: 'https://token-lab.example' };

/** Every string a summary must never hold for `token`: itself, each non-empty part, its base64. */
function secretsOf(token: string): string[] {
  return [token, ...token.split('.').filter((part) => part.length > 0), base64Of(token), base64Of(`${token}\n`)];
}

describe('inventorySummary', () => {
  it('never contains a token, any of its three parts or its base64 form, however it was pasted', async () => {
    const hand = await handSigned({ jti: 'legacy-1' });
    const raised = await managementToken(30 * 86_400);
    const expired = await managementToken(86_400, {}, 3 * 86_400);
    const malformed = await managementToken(86_400, { exp: 'tomorrow' });
    const wrapped = await managementToken(86_400, { scope: 'read:users' });
    const text = [
      `AUTH0_MGMT_TOKEN=${hand}`,
      'kind: Secret',
      'data:',
      `  AUTH0_TOKEN: ${base64Of(raised)}`,
      `curl -H "Authorization: Bearer ${expired}"`,
      malformed,
      `SPLIT="${wrapped.slice(0, 150)}`,
      `${wrapped.slice(150)}"`,
      'TOKEN: ${{ secrets.AUTH0_MGMT_TOKEN }}',
    ].join('\n');
    const report = check(text);
    expect(report.findings).toHaveLength(5);
    const summary = inventorySummary(report, options)!;
    for (const token of [hand, raised, expired, malformed, wrapped]) {
      for (const secret of secretsOf(token)) expect(summary.includes(secret), secret.slice(0, 20)).toBe(false);
    }
    expect(summary).not.toMatch(/eyJ|ZXlK/);
  });

  it('gives each token its kind, lifetime, scopes, where it was found and the next step, and each named secret where to look', async () => {
    const token = await managementToken(30 * 86_400, { scope: 'read:clients read:client_keys' });
    const summary = inventorySummary(check(`AUTH0_TOKEN=${token}\nX_TOKEN: \${{ secrets.AUTH0_MGMT_TOKEN }}`), options)!;
    expect(summary).toBe(
      [
        'Token triage, 2026-12-03 12:00 UTC. No token or part of one is included.',
        '1 token found: 1 from a raised Token Expiration. It also names where a token is kept. A token is stored in secret AUTH0_MGMT_TOKEN: look there.',
        '',
        'Token 1: Management API token from a raised Token Expiration',
        '- Found: value of AUTH0_TOKEN, line 1',
        '- Lifetime: 30 days',
        '- Issued: 2026-12-03 11:00 UTC, 1 hour ago',
        '- Expires: 2027-01-02 11:00 UTC, in 30 days',
        '- Scopes: read:clients read:client_keys',
        '- Dangerous scopes: read:client_keys',
        '- Next step: List every service that holds a long-lived token like this one. (https://token-lab.example/guides/migrate-your-services/#inventory)',
        '',
        'Secret 1: A token is stored in secret AUTH0_MGMT_TOKEN: look there',
        '- Found: secret AUTH0_MGMT_TOKEN (GitHub Actions), named on line 2',
        '- Look there: It is a GitHub Actions secret (the file reads it as X_TOKEN), set on the repository, one of its environments or the organisation (Settings > Secrets and variables > Actions). GitHub never shows a saved secret again: find the value where it was copied from, or treat it as unknown and replace it.',
        '',
      ].join('\n'),
    );
  });

  it('removes anything token-shaped that a claim itself carries', async () => {
    const other = await handSigned();
    const summary = inventorySummary(check(await managementToken(86_400, { jti: other.split('.')[0] })), options)!;
    expect(summary).toContain('- jti: [token text removed]');
    expect(summary).not.toContain(other.split('.')[0]!);
  });

  it('has nothing to copy when nothing was found', () => {
    expect(inventorySummary(check('DATABASE_URL=postgres://db'), options)).toBeUndefined();
  });
});
