import { expect, test } from '@playwright/test';
import { editorReady, forbidOtherOrigins, playground } from './playground-helpers.ts';

// Monaco and the tenant load slowly on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

const PAGE = '/lessons/token-from-your-server/';
const LIST = 'Get a token and list applications';
const MISSING = 'Call an endpoint without its scope';

test('the playground gets a token and lists the applications, without leaving the browser', async ({ page }) => {
  const strays = forbidOtherOrigins(page);
  await page.goto(PAGE);
  await editorReady(page, LIST);
  const region = playground(page, LIST);
  await region.getByRole('button', { name: 'Run' }).click();
  const output = region.getByRole('log', { name: 'Output' });
  await expect(output).toContainText('token scopes: read:clients', { timeout: 20_000 });
  // Four applications and the Global Client, which Auth0 lists too ("All Applications").
  await expect(output).toContainText('200 5 applications');
  await expect(output).toContainText('client_secret visible? no');
  await expect(output).toContainText('Reporting Service');
  const requests = region.getByRole('region', { name: 'Requests' });
  await expect(requests).toContainText('https://acme.auth0.test/oauth/token');
  await expect(requests).toContainText('https://acme.auth0.test/api/v2/clients');
  expect(strays).toEqual([]);
});

test('the fields table marks client_secret as revealed by read:client_keys and read:client_credentials, not read:clients', async ({ page }) => {
  await page.goto(PAGE);
  const table = page.getByRole('table', { name: /Fields of each application/ });
  const secretRow = table.getByRole('row', { name: /client_secret/ });
  const cells = secretRow.getByRole('cell');
  // Columns: read:clients, read:client_keys, read:client_credentials, read:client_summary.
  await expect(cells.nth(0).getByLabel('hidden')).toBeVisible();
  await expect(cells.nth(1).getByLabel('returned')).toBeVisible();
  await expect(cells.nth(2).getByLabel('returned')).toBeVisible();
  await expect(cells.nth(3).getByLabel('hidden')).toBeVisible();
  // The prose says so too, with its source.
  await expect(page.getByText(/So does read:client_credentials/)).toBeVisible();
  await expect(page.getByRole('link', { name: /node-auth0.s Clients docs/ })).toHaveAttribute('href', 'https://auth0.github.io/node-auth0/classes/management.SDK.Clients.html');
});

test('the scope picker gives the least powerful scopes that cover the ticked endpoints', async ({ page }) => {
  await page.goto(PAGE);
  const picker = page.getByRole('region', { name: 'Least-privilege scope picker' });
  const answer = picker.locator('[data-scope-text]');
  // Preselected: listing applications, names only.
  await expect(answer).toHaveText('read:client_summary');

  await picker.getByRole('combobox', { name: /GET \/api\/v2\/clients: how much/ }).selectOption('configuration');
  await expect(answer).toHaveText('read:clients');
  await picker.getByRole('checkbox', { name: /GET \/api\/v2\/client-grants accepts/ }).check();
  await expect(answer).toHaveText('read:client_grants read:clients');
  await expect(picker.getByRole('status').first()).toContainText('GET /api/v2/client-grants needs read:client_grants');

  await picker.getByRole('combobox', { name: /GET \/api\/v2\/clients: how much/ }).selectOption('secrets');
  await expect(answer).toHaveText('read:client_grants read:client_keys');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await picker.getByRole('button', { name: 'Copy scopes' }).click();
  await expect(picker.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('read:client_grants read:client_keys');

  const ticked = picker.getByRole('checkbox', { checked: true });
  while ((await ticked.count()) > 0) await ticked.first().uncheck();
  await expect(answer).toHaveText('(tick at least one endpoint)');
  await expect(picker.getByRole('button', { name: 'Copy scopes' })).toBeDisabled();
});

test('the picker works with the keyboard alone', async ({ page }) => {
  await page.goto(PAGE);
  const picker = page.getByRole('region', { name: 'Least-privilege scope picker' });
  const box = picker.getByRole('checkbox', { name: /DELETE \/api\/v2\/client-grants/ });
  await box.focus();
  await page.keyboard.press('Space');
  await expect(picker.locator('[data-scope-text]')).toHaveText('read:client_summary delete:client_grants');
});

test('a token without read:client_grants gets the 403 insufficient_scope body', async ({ page }) => {
  await page.goto(PAGE);
  await editorReady(page, MISSING);
  const region = playground(page, MISSING);
  await region.getByRole('button', { name: 'Run' }).click();
  const output = region.getByRole('log', { name: 'Output' });
  await expect(output).toContainText('status: 403', { timeout: 20_000 });
  await expect(output).toContainText('Insufficient scope, expected any of: read:client_grants');
  await expect(output).toContainText('insufficient_scope');
  await expect(page.getByRole('main')).toContainText(/add read:client_grants to the application.s client grant/);
});
