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

function managementToken(lifetime: number, issuedAgo = 60): Promise<string> {
  return new SignJWT({ scope: 'read:users create:client_grants', gty: 'client-credentials' })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'k1' })
    .setIssuer(`https://${DOMAIN}/`)
    .setSubject('svcClient000000000000000000000001@clients')
    .setAudience(`https://${DOMAIN}/api/v2/`)
    .setIssuedAt(now - issuedAgo)
    .setExpirationTime(now - issuedAgo + lifetime)
    .sign(privateKey);
}
const raised = await managementToken(30 * 86_400);
const ordinary = await managementToken(86_400);
const expired = await managementToken(86_400, 3 * 86_400);
// jose types exp as a number; the point is a token that breaks that rule.
const stringExp: Record<string, unknown> = { exp: 'tomorrow' };
const malformed = await new SignJWT({ scope: 'read:users', gty: 'client-credentials', ...stringExp })
  .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'k1' })
  .setIssuer(`https://${DOMAIN}/`)
  .setSubject('svcClient000000000000000000000001@clients')
  .setAudience(`https://${DOMAIN}/api/v2/`)
  .setIssuedAt(Date.UTC(2019, 2, 4, 10, 0, 0) / 1000)
  .sign(privateKey);
const base64 = (text: string) => Buffer.from(text).toString('base64');
// A Private Key JWT client assertion (what an application signs to ask /oauth/token for a token),
// caught in a debug log of request bodies: it lived one minute and expired an hour ago.
const ASSERTION_CLIENT_ID = 'svcClient000000000000000000000001';
const ASSERTION_JTI = 'f2b9c4e1-7a3d-4e58-b6c0-9d1e2f3a4b5c';
const assertion = await new SignJWT({ jti: ASSERTION_JTI })
  .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
  .setIssuer(ASSERTION_CLIENT_ID)
  .setSubject(ASSERTION_CLIENT_ID)
  .setAudience(`https://${DOMAIN}/`)
  .setIssuedAt(now - 3600 - 60)
  .setExpirationTime(now - 3600)
  .sign(privateKey);
const LOGGED_BODY = JSON.stringify({
  level: 'debug',
  msg: `POST https://${DOMAIN}/oauth/token`,
  body: {
    grant_type: 'client_credentials',
    client_id: ASSERTION_CLIENT_ID,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
    audience: `https://${DOMAIN}/api/v2/`,
  },
});

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

/** What teams paste at an inventory session: a Kubernetes Secret, a workflow, a wrapped .env, odd tokens. */
const K8S_SECRET = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: auth0-mgmt', 'type: Opaque', 'data:', `  AUTH0_TOKEN: ${base64(raised)}`].join('\n');
const WORKFLOW = [
  'on: push',
  'jobs:',
  '  sync-users:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: ./sync-users.sh',
  '        env:',
  '          AUTH0_TOKEN: ${{ secrets.AUTH0_MGMT_TOKEN }}',
].join('\n');
const WRAPPED_ENV = [`AUTH0_DOMAIN=${DOMAIN}`, `AUTH0_TOKEN="${ordinary.slice(0, 200)}`, `${ordinary.slice(200)}"`].join('\n');
const DEPLOYMENT_ENV = ['        - name: AUTH0_TOKEN', '          valueFrom:', '            secretKeyRef: {name: auth0-mgmt, key: token}'].join('\n');
const TERRAFORM = ['provider "auth0" {', '  api_token = var.auth0_api_token', '}'].join('\n');
// 4 tokens and 3 named secrets: 7 findings.
const REAL_PASTES = [K8S_SECRET, '---', WORKFLOW, DEPLOYMENT_ENV, '', WRAPPED_ENV, `MALFORMED=${malformed}`, `OLD=${expired}`, TERRAFORM].join('\n');

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
  await expect(long).toContainText(/Expires: \d{4}-\d\d-\d\d \d\d:\d\d UTC, in 30 days\./);
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
  // Reaching for the box fetches the tool's own code from the site, before any text is in it;
  // what the box holds never travels.
  const codeRequests: string[] = [];
  page.on('request', (request) => codeRequests.push(`${request.method()} ${new URL(request.url()).origin} ${request.resourceType()}`));
  await triageBox(page).focus();
  await expect(page.locator('[data-triage-summary]')).toHaveText('Paste a token or a config file to check it.');
  await page.waitForLoadState('networkidle');
  const origin = new URL(page.url()).origin;
  expect(codeRequests.length).toBeGreaterThan(0);
  expect(codeRequests.every((request) => request === `GET ${origin} script`), codeRequests.join('\n')).toBe(true);
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

test('fits a 390 px phone, with every kind of finding and the summary open', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(PAGE);
  await pasteConfig(page);
  await expect(findings(page).getByRole('heading', { level: 4 }).first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await triageBox(page).fill(REAL_PASTES);
  await expect(findings(page).getByRole('article')).toHaveCount(7);
  await page.getByText('Show the summary').click();
  await page.getByText('Header and claims, decoded').first().click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
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

    // The new kinds of finding: a decoded Secret, a named secret, a rejoined and a malformed token, the summary shown.
    await triageBox(page).fill(REAL_PASTES);
    await expect(findings(page).getByRole('heading', { level: 4 })).toHaveCount(7);
    await page.getByText('Show the summary').click();
    expect(await blockingAxeViolations(page, 'token-lab-token-triage')).toEqual([]);
  });
}

test('loads its code only when the reader reaches for the box, and triages a paste made before the code arrived', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const chunk = /\/_astro\/mount-token-triage\.[^/]+\.js$/;
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  // A dynamic import the page's Content Security Policy refused would show here.
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // Hold the triage's code back until the paste has landed, as a slow connection would.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(chunk, async (route) => {
    await released;
    await route.continue();
  });

  // The widget's eager script: tiny, because the triage (and jose) is not bundled into it.
  const eager = page.waitForResponse(/\/_astro\/TokenTriage\.astro_astro_type_script[^/]*\.js$/);
  await page.goto(PAGE);
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((path) => chunk.test(path)), 'the triage code, before any interaction').toEqual([]);
  expect((await (await eager).body()).length, 'bytes of the eager script').toBeLessThan(4096);

  // A real paste, at once: focus and Ctrl+V.
  await page.evaluate((text) => navigator.clipboard.writeText(text), K8S_SECRET);
  await triageBox(page).focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(triageBox(page)).toHaveValue(K8S_SECRET);
  await expect.poll(() => fetched.filter((path) => chunk.test(path)).length, { message: 'the paste asked for the code' }).toBe(1);
  await expect(page.locator('[data-triage-summary]')).toHaveText('Paste a token or a config file to check it.');

  release();
  await expect(page.locator('[data-triage-summary]')).toHaveText('1 token found: 1 from a raised Token Expiration.');
  await expect(findings(page).getByRole('article')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('says so when its code cannot load, and keeps the pasted text', async ({ page }) => {
  await page.route(/\/_astro\/mount-token-triage\.[^/]+\.js$/, (route) => route.abort('failed'));
  await page.goto(PAGE);
  await triageBox(page).fill(CONFIG);
  await expect(page.locator('[data-triage-summary]')).toHaveText('The token triage could not load. Reload the page to try again.');
  await expect(triageBox(page)).toHaveValue(CONFIG);
});

test('decodes a token base64-encoded in a Kubernetes Secret and says where it was', async ({ page }) => {
  await page.goto(PAGE);
  await triageBox(page).fill(K8S_SECRET);
  const token = findings(page).getByRole('article', { name: /^Token 1 \(line 7\): Management API token from a raised Token Expiration$/ });
  await expect(token).toContainText('Found: base64-encoded value of key AUTH0_TOKEN in the Kubernetes Secret auth0-mgmt, line 7.');
  await expect(findings(page)).not.toContainText(base64(raised).slice(0, 40));
});

test('answers a workflow that names secrets.AUTH0_MGMT_TOKEN with where to look, not "No token found"', async ({ page }) => {
  await page.goto(PAGE);
  await triageBox(page).fill(WORKFLOW);
  const region = findings(page);
  await expect(page.locator('[data-triage-summary]')).toHaveText('No token in the text, but it names where a token is kept. A token is stored in secret AUTH0_MGMT_TOKEN: look there.');
  const secret = region.getByRole('article', { name: 'Secret 1 (line 8): A token is stored in secret AUTH0_MGMT_TOKEN: look there' });
  await expect(secret).toContainText('GitHub never shows a saved secret again');
  await expect(region).not.toContainText('No token found');
  await expect(region).not.toContainText('check that the whole token was pasted');
});

test('rejoins a token wrapped over two quoted .env lines and says so', async ({ page }) => {
  await page.goto(PAGE);
  await triageBox(page).fill(WRAPPED_ENV);
  const token = findings(page).getByRole('article', { name: /^Token 1 \(line 2\): Ordinary client-credentials/ });
  await expect(token).toContainText('Rejoined: It was wrapped over lines 2–3 (a quoted value run on to the next line)');
  await expect(findings(page)).not.toContainText('Cannot be read');
});

test('flags a token whose exp is a string as malformed, never ordinary, and shows its 2019 iat as a date', async ({ page }) => {
  await page.goto(PAGE);
  await triageBox(page).fill(`TOKEN=${malformed}`);
  const token = findings(page).getByRole('article', { name: /^Token 1 \(line 1\): Management API token with malformed claims/ });
  await expect(token).toContainText('Its exp (expiry) is a string ("tomorrow"), not a number of seconds.');
  await expect(token).toContainText(/Issued: 2019-03-04 10:00 UTC, \d+ years ago\./);
  await expect(findings(page)).not.toContainText('Ordinary');
  await expect(findings(page)).not.toContainText('no iat');
});

test('says an expired token is expired, with a next step about whoever still sends it', async ({ page }) => {
  await page.goto(PAGE);
  await triageBox(page).fill(`OLD=${expired}`);
  await expect(page.locator('[data-triage-summary]')).toHaveText('1 token found: 1 ordinary client-credentials (expired).');
  const token = findings(page).getByRole('article', { name: /\(expired\)$/ });
  await expect(token).toContainText(/Expired: \d{4}-\d\d-\d\d \d\d:\d\d UTC, 2 days ago: it no longer works\./);
  await expect(token).toContainText('if something still sends it, that caller gets 401 responses: find and replace that caller');
  await expect(token).not.toContainText('Check that the service works with only these scopes');
});

test('says a client assertion found in a logged request body is not an access token, and points at the log', async ({ page }) => {
  await page.goto(PAGE);
  await triageBox(page).fill(LOGGED_BODY);
  await expect(page.locator('[data-triage-summary]')).toHaveText('1 token found: 1 client assertion (Private Key JWT) (expired).');
  const token = findings(page).getByRole('article', { name: /^Token 1 \(line 1\): Client assertion \(Private Key JWT\): not an access token \(expired\)$/ });
  await expect(token).toContainText('Found: value of key client_assertion, line 1.');
  await expect(token).toContainText('It is not an access token, and no API accepts it as one.');
  await expect(token).toContainText('It holds no secret and no private key');
  await expect(token).toContainText('Auth0 accepts each jti once, and only until exp, at most 5 minutes after the assertion is made');
  await expect(token).toContainText(`Client id: ${ASSERTION_CLIENT_ID}: the application that signed it`);
  await expect(token).toContainText(`jti: ${ASSERTION_JTI}: Auth0 takes an assertion with this jti once, and only until its exp.`);
  await expect(token.getByRole('link', { name: 'Auth0 docs: Authenticate with Private Key JWT' })).toHaveAttribute(
    'href',
    'https://auth0.com/docs/get-started/authentication-and-authorization-flow/authenticate-with-private-key-jwt',
  );
  await expect(token).toContainText('If you found it in a log, that log records the bodies of requests to /oauth/token');
  await expect(token.getByRole('link', { name: 'Runbook: Inventory' })).toHaveAttribute('href', '/guides/migrate-your-services/#inventory');
  // Not an access token: no denylist, no 401 hunt, and never called ordinary.
  await expect(token).not.toContainText('denylist');
  await expect(token).not.toContainText('that caller gets 401 responses');
  await expect(findings(page)).not.toContainText('Ordinary');
  await expect(findings(page)).not.toContainText(assertion.split('.')[2]!);

  // The summary for the board names its lifetime, jti and client id, and holds no part of it.
  await page.getByText('Show the summary').click();
  const board = page.locator('[data-triage-copy-text]');
  await expect(board).toContainText('- Lifetime: 1 minute');
  await expect(board).toContainText(`- jti: ${ASSERTION_JTI}`);
  await expect(board).toContainText(`- Client id: ${ASSERTION_CLIENT_ID}`);
  for (const part of [assertion, ...assertion.split('.')]) await expect(board).not.toContainText(part);
});

test('copies a summary with no token in it, from the keyboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(PAGE);
  const copy = page.getByRole('button', { name: 'Copy summary', exact: true });
  await expect(copy).toBeHidden();
  await triageBox(page).fill(REAL_PASTES);
  await expect(findings(page).getByRole('article')).toHaveCount(7);

  // From the box: Check, Clear, then Copy summary.
  await triageBox(page).focus();
  for (const next of ['Check', 'Clear', 'Copy summary']) {
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: next, exact: true })).toBeFocused();
  }
  await expect(copy).toHaveAccessibleDescription(/No token or part of one is in it\./);
  await page.keyboard.press('Enter');
  await expect(findings(page).getByRole('status')).toHaveText(/^Summary copied: \d+ lines of plain text, no token in it\.$/);

  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Token 1: Management API token from a raised Token Expiration');
  expect(copied).toContain('- Found: base64-encoded value of key AUTH0_TOKEN in the Kubernetes Secret auth0-mgmt, line 7');
  expect(copied).toContain('- Lifetime: 30 days');
  expect(copied).toContain('- Scopes: read:users create:client_grants');
  expect(copied).toContain('- Next step: ');
  expect(copied).toContain('Secret 1: A token is stored in secret AUTH0_MGMT_TOKEN: look there');
  expect(copied).toContain('Secret 2: A token is stored in secret auth0-mgmt (key token): look there');
  expect(copied).toContain('Secret 3: A token is stored in variable auth0_api_token: look there');
  for (const token of [raised, ordinary, malformed, expired]) {
    for (const secret of [token, ...token.split('.'), base64(token)]) expect(copied.includes(secret), secret.slice(0, 16)).toBe(false);
  }
});

async function storage(page: Page) {
  return page.evaluate(async () => ({
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((database) => database.name),
  }));
}
