import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/*
 * The runbook's "What to search for" command, taken from the page itself and run with grep over
 * the places teams really keep tokens: each must be found, and ordinary text must not.
 */
const page = readFileSync('content/guides/01-migrate-your-services/index.mdx', 'utf8');
const pattern = /^git grep -nE '([^']+)'$/m.exec(page)?.[1];
const TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2FjbWUuYXV0aDAudGVzdC8ifQ.c2lnbmF0dXJl';

function matches(line: string): boolean {
  try {
    execFileSync('grep', ['-qE', pattern!], { input: `${line}\n` });
    return true;
  } catch {
    return false;
  }
}

describe('the runbook\'s token search', () => {
  it('is on the page as one git grep -nE line', () => {
    expect(pattern).toBeDefined();
  });

  it('finds a token as it is, and a token base64-encoded again as a Kubernetes Secret keeps it', () => {
    expect(matches(`AUTH0_MGMT=${TOKEN}`)).toBe(true);
    const kubernetes = `  mgmt-token: ${Buffer.from(TOKEN).toString('base64')}`;
    expect(kubernetes).toMatch(/ZXlK/);
    expect(matches(kubernetes)).toBe(true);
  });

  it('finds Terraform\'s api_token and the AUTH0_…TOKEN variable names', () => {
    expect(matches('  api_token = var.auth0_token')).toBe(true);
    expect(matches('export AUTH0_API_TOKEN=$(cat token)')).toBe(true);
    expect(matches('AUTH0_ACCESS_TOKEN: ${{ secrets.AUTH0_ACCESS_TOKEN }}')).toBe(true);
  });

  it('stays quiet on ordinary text', () => {
    for (const line of ['const greeting = "hello";', 'image: nginx:1.27', 'AUTH0_DOMAIN=acme.auth0.test']) expect(matches(line)).toBe(false);
  });
});
