import { expect, test, type Page } from '@playwright/test';
import { SEEDED_GLOBAL_CLIENT } from '../src/tenant/index.ts';

const PAGE = '/lessons/old-explorer/';
const LOAD = { timeout: 20_000 };
const INVALID_SIGNATURE = {
  statusCode: 401,
  error: 'Unauthorized',
  message: 'Invalid signature received for JSON Web Token validation',
  attributes: { error: 'Invalid signature received for JSON Web Token validation' },
};

function explorer(page: Page) {
  return page.getByRole('region', { name: /Management API v2 explorer/ });
}

async function mintAdminToken(page: Page): Promise<string> {
  const widget = explorer(page);
  await widget.getByRole('checkbox', { name: /delete:clients/ }).check();
  await widget.getByRole('checkbox', { name: /update:client_grants/ }).check();
  await widget.getByRole('button', { name: 'Get token' }).click();
  const token = widget.locator('[data-token]');
  await expect(token).toHaveText(/^eyJ/, LOAD);
  return (await token.textContent()) ?? '';
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

test.beforeEach(async ({ page }) => {
  await page.goto(PAGE);
});

test('says loudly that this is history', async ({ page }) => {
  await expect(page.getByText('This is history')).toBeVisible();
  await expect(explorer(page).getByText('History, illustrated.')).toBeVisible();
  // No record of the old explorer's code exists: the page must not pass the widget off as a copy.
  await expect(explorer(page)).toContainText('a reconstruction from the old docs, not a copy of the explorer\'s code');
  await expect(page.getByText(/faithful copy/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: /tenant reference.s assumptions/ })).toHaveAttribute('href', '/reference/tenant/#assumption-wrong-algorithm');
});

test('a read-only user ticks admin scopes and gets a token anyway, without exp', async ({ page }) => {
  // The tenant (MSW, jose) loads on first use, not with the page.
  await expect(explorer(page).getByText('The sandbox tenant starts when you first use the explorer.')).toBeVisible();
  const token = await mintAdminToken(page);
  await expect(explorer(page).getByText('Explorer ready.')).toBeVisible();
  const claims = claimsOf(token);
  expect(claims.scope).toBe('read:clients delete:clients update:client_grants');
  expect(claims).not.toHaveProperty('exp');
  expect(claims.aud).toBe(SEEDED_GLOBAL_CLIENT.client_id);
  const widget = explorer(page);
  await expect(widget.getByText(/yet this token grants delete:clients, update:client_grants\. The explorer never checked\./)).toBeVisible();
  await expect(widget.getByRole('row', { name: /exp missing: this token never expires/ })).toBeVisible();
});

test('view source reveals the Global Client Secret the page shipped, and that it is a sandbox fake', async ({ page }) => {
  const widget = explorer(page);
  await widget.getByText('View source: what the explorer page had to ship to every browser (illustrative)').click();
  await expect(widget.locator('[data-source]')).toContainText(`globalClientSecret: '${SEEDED_GLOBAL_CLIENT.client_secret}'`);
  await expect(widget.getByText(/NOT-A-REAL-SECRET: Token Lab sandbox global client key/)).toBeVisible();
});

test('today\'s tenant refuses the token with the exact 401; before the change it answers 200', async ({ page }) => {
  await mintAdminToken(page);
  const widget = explorer(page);
  const call = widget.getByRole('button', { name: 'Call GET /api/v2/clients with it' });
  await call.click();
  await expect(widget.locator('[data-call-status]')).toHaveText('HTTP 401 Unauthorized (today\'s tenant)', LOAD);
  expect(JSON.parse((await widget.locator('[data-call-body] .tl-outcome-body').textContent()) ?? '')).toEqual(INVALID_SIGNATURE);
  await expect(widget).toContainText('Whether a real tenant still refuses such tokens is not documented.');

  const legacy = widget.getByRole('switch', { name: /before the change/ });
  await legacy.click();
  await expect(legacy).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('[data-legacy-indicator]')).toBeVisible();
  await call.click();
  await expect(widget.locator('[data-call-status]')).toHaveText('HTTP 200 OK (tenant before the change)', LOAD);
  await expect(widget.locator('[data-call-body]')).toContainText('"name": "Reporting Service"');
});

test('the legacy-mode bar stays visible while legacy mode is on and switches it off', async ({ page }) => {
  await mintAdminToken(page);
  const legacy = explorer(page).getByRole('switch', { name: /before the change/ });
  await legacy.click();
  const bar = page.locator('[data-legacy-indicator]');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(bar).toBeInViewport();
  await bar.getByRole('button', { name: 'Turn legacy mode off' }).click();
  await expect(bar).toBeHidden();
  await expect(legacy).toHaveAttribute('aria-checked', 'false');
});

test('leaving the page switches legacy mode off in the saved tenant', async ({ page }) => {
  await mintAdminToken(page);
  await explorer(page).getByRole('switch', { name: /before the change/ }).click();
  const saved = () => page.evaluate(() => JSON.parse(localStorage.getItem('token-lab:tenant') ?? '{}').legacyMode as boolean);
  expect(await saved()).toBe(true);
  await page.goto('/lessons/what-changed/');
  expect(await saved()).toBe(false);
});
