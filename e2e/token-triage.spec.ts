import { expect, test, type Page } from '@playwright/test';
import { blockingAxeViolations } from './axe.ts';
import { generateKeyPair, SignJWT } from 'jose';

const PAGE = '/reference/token-triage/';
const DOMAIN = 'example-corp.eu.auth0.com';
const now = Math.floor(Date.now() / 1000);
const { privateKey } = await generateKeyPair('RS256');

const handSigned = await new SignJWT({ scope: 'read:clients read:client_keys', jti: 'old-token-1' })
  .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
  .setIssuer(`https://${DOMAIN}/`)
  .setAudience('Xq3sV9aLk2Pz7RtB1nC4dE6fG8hJ0mQw')
  .setIssuedAt(now - 86_400 * 400)
  .sign(new TextEncoder().encode('a-global-client-secret-for-tests-only'));

function managementToken(lifetime: number): Promise<string> {
  return new SignJWT({ scope: 'read:users create:client_grants', gty: 'client-credentials' })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'k1' })
    .setIssuer(`https://${DOMAIN}/`)
    .setSubject('svcClient000000000000000000000001@clients')
    .setAudience(`https://${DOMAIN}/api/v2/`)
    .setIssuedAt(now - 60)
    .setExpirationTime(now - 60 + lifetime)
    .sign(privateKey);
}
const raised = await managementToken(30 * 86_400);
const ordinary = await managementToken(86_400);

const CONFIG = [
  '# .env of the billing service',
  `AUTH0_MGMT_TOKEN=${handSigned}`,
  '',
  'provider "auth0" {',
  `  domain    = "${DOMAIN}"`,
  `  api_token = "${raised}"`,
  '}',
  `curl -H "Authorization: Bearer ${ordinary}" https://${DOMAIN}/api/v2/users`,
].join('\n');

function triageBox(page: Page) {
  return page.getByRole('textbox', { name: 'Paste a token or a config file', exact: true });
}
function findings(page: Page) {
  return page.getByRole('region', { name: 'Findings', exact: true });
}

async function pasteConfig(page: Page): Promise<void> {
  await triageBox(page).fill(CONFIG);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(findings(page).getByRole('article')).toHaveCount(3);
}

test('explains every token of a pasted config file, each under its own heading', async ({ page }) => {
  await page.goto(PAGE);
  await pasteConfig(page);
  const region = findings(page);
  await expect(region.getByText('3 tokens found: 1 hand-signed; 1 from a raised Token Expiration; 1 ordinary client-credentials.')).toBeVisible();

  const hand = region.getByRole('article', { name: /^Token 1 \(line 2\): Hand-signed/ });
  await expect(hand).toContainText('never: it has no exp claim');
  await expect(hand).toContainText('read:client_keys: Reveals the client_secret of every application');
  await expect(hand).toContainText('a denylist entry could name it, but whether Auth0 honours one is unconfirmed');
  await expect(hand.getByRole('link', { name: 'Runbook: Decommission' }).first()).toHaveAttribute('href', '/guides/migrate-your-services/#decommission');

  const long = region.getByRole('article', { name: /^Token 2 \(line 6\): Management API token from a raised Token Expiration/ });
  await expect(long).toContainText('30 days');
  await expect(long).toContainText('(in 30 days)');
  await expect(long.getByRole('link', { name: 'Runbook: Inventory' })).toHaveAttribute('href', '/guides/migrate-your-services/#inventory');

  const fine = region.getByRole('article', { name: /^Token 3 \(line 8\): Ordinary client-credentials/ });
  await expect(fine).toContainText('GET /api/v2/users');
  await expect(fine).toContainText('create:client_grants: Can change which scopes');
  await expect(fine.getByRole('link', { name: 'Runbook: Verify' })).toHaveAttribute('href', '/guides/migrate-your-services/#verify');

  // Header and claims are shown; no signature is.
  for (const token of [handSigned, raised, ordinary]) await expect(region).not.toContainText(token.split('.')[2]!);
});

test('analyses as the reader types, without pressing Check, and answers bad input in words', async ({ page }) => {
  await page.goto(PAGE);
  await triageBox(page).fill(`TOKEN=${ordinary.split('.').slice(0, 2).join('.')}`);
  await expect(findings(page).getByRole('article')).toContainText('looks cut off');
  await triageBox(page).fill('nothing to see here');
  await expect(findings(page).getByText(/^No token found\./)).toBeVisible();
});

test('sends nothing anywhere, stores nothing, and forgets the text when the reader leaves', async ({ page }) => {
  await page.goto(PAGE);
  await page.waitForLoadState('networkidle');
  const storedBefore = await storage(page);
  const requests: string[] = [];
  page.context().on('request', (request) => requests.push(`${request.method()} ${request.url()}`));

  await pasteConfig(page);
  await triageBox(page).press('End');
  await triageBox(page).pressSequentially(' ');
  await expect(findings(page).getByRole('heading', { level: 4 })).toHaveCount(3);
  await page.getByText('Header and claims, decoded').first().click();

  expect(requests, 'requests made while using the triage').toEqual([]);
  expect(page.url()).toMatch(/\/reference\/token-triage\/$/);
  const storedAfter = await storage(page);
  expect(storedAfter).toEqual(storedBefore);
  expect(JSON.stringify(storedAfter)).not.toContain('eyJ');
  expect(await page.context().cookies()).toEqual([]);

  // Leaving fires pagehide (also when the page goes into the back/forward cache, which this
  // test browser turns off): the widget must empty itself then, not on the next load.
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
  await expect(triageBox(page)).toHaveValue('');
  await expect(findings(page).getByRole('article')).toHaveCount(0);

  // Away and back: the box and the findings are empty again.
  await triageBox(page).fill(CONFIG);
  await page.goto('/reference/tenant/');
  await page.goBack();
  await expect(triageBox(page)).toHaveValue('');
  await expect(findings(page).getByRole('article')).toHaveCount(0);
});

test('fits a 390 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(PAGE);
  await pasteConfig(page);
  await expect(findings(page).getByRole('heading', { level: 4 }).first()).toBeVisible();
  const widest = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(widest).toBeLessThanOrEqual(390);
});

for (const path of [PAGE, '/guides/migrate-your-services/']) {
  test(`with findings shown, the outline of ${path} never skips a heading level`, async ({ page }) => {
    // The widget stands under the page title on the reference page and inside a section in the
    // runbook; its findings must nest under whichever heading holds it.
    await page.goto(path);
    await pasteConfig(page);
    const levels = await page
      .locator('main :is(h1, h2, h3, h4, h5, h6)')
      .evaluateAll((headings) => headings.map((heading) => Number(heading.tagName.slice(1))));
    const skips = levels.flatMap((level, index) => (index > 0 && level > levels[index - 1]! + 1 ? [`h${levels[index - 1]} → h${level}`] : []));
    expect(skips).toEqual([]);
    expect(await blockingAxeViolations(page)).toEqual([]);
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`the findings pass axe in the ${theme} theme`, async ({ page }) => {
    // The site-wide axe check sees the empty widget; this one sees it full.
    await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
    await page.goto(PAGE);
    await pasteConfig(page);
    await triageBox(page).fill(`${CONFIG}\nbroken=eyJhbGciOi.eyJzY29w`);
    await expect(findings(page).getByRole('heading', { level: 4 })).toHaveCount(4);
    await page.getByText('Header and claims, decoded').first().click();
    expect(await blockingAxeViolations(page, 'token-lab-token-triage')).toEqual([]);
  });
}

async function storage(page: Page) {
  return page.evaluate(async () => ({
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((database) => database.name),
  }));
}
