import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { builtPages } from './built-pages.ts';
import { useEveryFeature } from './playground-helpers.ts';

const pages = builtPages();

/** The policy a built page carries in its <meta http-equiv="content-security-policy">, by directive. */
function policyOf(path: string): Map<string, string[]> | undefined {
  const file = join('dist', path.endsWith('/') ? `${path}index.html` : path);
  const meta = readFileSync(file, 'utf8').match(/<meta http-equiv="content-security-policy" content="([^"]*)"/);
  if (!meta) return undefined;
  const entries = meta[1]!
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .filter(([name]) => name)
    .map(([name, ...sources]) => [name!, sources] as const);
  return new Map(entries);
}

// Keywords, hashes and the two schemes the policy is allowed to name; anything else is a host.
const NOT_A_HOST = /^('self'|'none'|'unsafe-inline'|'wasm-unsafe-eval'|'sha(256|384|512)-[A-Za-z0-9+/=]+'|data:|blob:)$/;

test.describe('the policy in every built page', () => {
  for (const path of pages) {
    test(`${path} names no origin but its own, and lets only a blob: worker and its blob: modules in besides`, () => {
      const policy = policyOf(path);
      expect(policy, `${path} has no CSP meta tag`).toBeDefined();
      expect(policy!.get('default-src')).toEqual(["'self'"]);
      // The run worker inherits this policy: connect-src is the site alone (the mocked tenant is
      // answered in the page, never fetched), and blob: is there only for that worker and the
      // learner's module and jose, which it imports from blob: URLs.
      expect(policy!.get('connect-src')).toEqual(["'self'"]);
      expect(policy!.get('worker-src')).toEqual(["'self'", 'blob:']);
      expect(policy!.get('script-src')).toContain('blob:');
      expect(policy!.get('script-src')).not.toContain('data:');
      expect(policy!.get('object-src')).toEqual(["'none'"]);
      expect(policy!.get('script-src')).not.toContain("'unsafe-inline'");
      expect(policy!.get('script-src')).not.toContain("'unsafe-eval'");
      const hosts = [...policy!.values()].flat().filter((source) => !NOT_A_HOST.test(source));
      expect(hosts).toEqual([]);
    });
  }
});

/** Every CSP violation the browser reports while the test runs, from the page's own event and the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const reports: string[] = [];
  page.context().on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) reports.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (text: string) => reports.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return reports;
}

test.describe('no CSP violation', () => {
  for (const path of pages) {
    test(`on ${path}: loading, searching and running its playgrounds`, async ({ page }) => {
      test.slow(); // a page with playgrounds loads Monaco and runs each one
      const violations = await watchViolations(page);
      await useEveryFeature(page, path);
      expect(violations).toEqual([]);
    });
  }
});
