import { expect, test, type Page } from '@playwright/test';
import { blockingAxeViolations } from './axe.ts';
import { editorReady, forbidOtherOrigins, playground, PLAYGROUND_PAGE } from './playground-helpers.ts';

const LESSON = '/lessons/machine-to-machine-app/';
const APP_NAME = 'E2E Inventory Sync';

function dashboard(page: Page) {
  return page.getByRole('region', { name: /Auth0 Dashboard/ });
}

async function createApp(page: Page) {
  const dash = dashboard(page);
  await dash.getByLabel('Name').fill(APP_NAME);
  await dash.getByRole('radio', { name: /Machine to Machine Applications/ }).check();
  await dash.getByRole('button', { name: 'Create' }).click();
  await expect(dash.getByText(/Created E2E Inventory Sync/)).toBeVisible({ timeout: 20_000 });
}

/** Opens the lesson with the seeded tenant ready and the Dashboard on its API Explorer tab. */
async function openExplorerTab(page: Page) {
  await page.goto(LESSON);
  const dash = dashboard(page);
  // The tenant starts when the widget nears the viewport.
  await dash.getByRole('tablist').scrollIntoViewIfNeeded();
  await expect(dash.getByRole('switch', { name: 'Reporting Service: authorized' })).toHaveAttribute('aria-checked', 'true', { timeout: 20_000 });
  await dash.getByRole('tab', { name: 'API Explorer' }).click();
  return dash.getByRole('tabpanel', { name: 'API Explorer' });
}

test.beforeEach(async ({ page }) => {
  // Every test starts from the seeded tenant and the seeded playground app.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('e2e-cleared')) {
      localStorage.clear();
      sessionStorage.setItem('e2e-cleared', '1');
    }
  });
});

test('creating an M2M app makes it the playgrounds\' app, and the banner can switch back', async ({ page }) => {
  const strays = forbidOtherOrigins(page);
  await page.goto(LESSON);
  await createApp(page);
  const dash = dashboard(page);
  await expect(dash.getByRole('status').filter({ hasText: 'Your playgrounds now act as' })).toContainText(APP_NAME);
  await expect(dash.getByRole('table', { name: 'Applications in the tenant' })).toContainText(APP_NAME);

  const clientId = await page.evaluate(() => localStorage.getItem('token-lab:reader-app'));
  expect(clientId).toMatch(/^\w{20,}$/);

  await dash.getByRole('button', { name: 'Switch back to Reporting Service' }).click();
  await expect(dash.getByText('Your playgrounds act as Reporting Service')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('token-lab:reader-app'))).toBeNull();
  expect(strays).toEqual([]);
});

test('a type other than Machine to Machine is explained, not created', async ({ page }) => {
  await page.goto(LESSON);
  const dash = dashboard(page);
  await dash.getByRole('radio', { name: /Single Page Web Applications/ }).check();
  await dash.getByRole('button', { name: 'Create' }).click();
  await expect(dash.getByText(/pick Machine to Machine Applications/)).toBeVisible({ timeout: 20_000 });
});

test('authorize with filtered scopes creates a client grant, and the API Explorer gets a token', async ({ page }) => {
  await page.goto(LESSON);
  await createApp(page);
  const dash = dashboard(page);

  // The editor opened for the new app; filter and tick one scope.
  await expect(dash.getByRole('heading', { name: `Scopes for ${APP_NAME}` })).toBeVisible();
  await dash.getByLabel('Filter scopes').fill('read client');
  await expect(dash.getByRole('checkbox', { name: /update:clients/ })).toBeHidden();
  await dash.getByRole('checkbox', { name: /^read:clients / }).check();
  await expect(dash.getByText('1 of 50 selected')).toBeVisible();
  await dash.getByRole('button', { name: 'Update', exact: true }).click();

  await expect(dash.getByText(`Client grant created: ${APP_NAME} may now get Management API tokens with 1 scope.`)).toBeVisible();
  const grantJson = dash.locator('[data-grant-text]');
  await expect(grantJson).toContainText('"audience": "https://acme.auth0.test/api/v2/"');
  await expect(grantJson).toContainText('"read:clients"');
  await expect(dash.getByRole('switch', { name: `${APP_NAME}: authorized` })).toHaveAttribute('aria-checked', 'true');

  // Tabs: keyboard moves to the API Explorer tab.
  await dash.getByRole('tab', { name: 'Machine to Machine Applications' }).focus();
  await page.keyboard.press('ArrowRight');
  const explorerTab = dash.getByRole('tab', { name: 'API Explorer' });
  await expect(explorerTab).toBeFocused();
  await expect(explorerTab).toHaveAttribute('aria-selected', 'true');
  const panel = dash.getByRole('tabpanel', { name: 'API Explorer' });
  await expect(panel).toBeVisible();
  await expect(dash.getByRole('tabpanel', { name: 'Machine to Machine Applications' })).toBeHidden();

  await expect(panel.getByLabel('Application')).toHaveValue(/\w{20,}/);
  await expect(panel.getByRole('combobox', { name: 'Application' })).toContainText(APP_NAME);
  const token = panel.getByLabel('Token', { exact: true });
  await expect(token).toHaveValue(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/, { timeout: 20_000 });
  await expect(panel).toContainText('"scope": "read:clients"');
  await expect(panel.getByRole('button', { name: 'Copy token' })).toBeEnabled();

  // The lifetime field really sets the Management API's Token Expiration.
  const first = await token.inputValue();
  await expect(panel.getByText('This token: exp − iat = 86,400 s (1 day).')).toBeVisible();
  const field = panel.getByLabel('Token Expiration (Seconds)');
  const risk = panel.locator('[data-expiration-risk]');
  // The page-wide red bar: the same one a hand-signed token raises in lesson 7.
  const banner = page.locator('[data-long-lived-warning]');
  await expect(risk).toBeHidden();
  await expect(banner).toBeHidden();
  await field.fill('604800');
  // Typing a long lifetime already warns, before anything is saved.
  await expect(risk).toContainText('Saving this makes new Management API tokens live 7 days');
  await panel.getByRole('button', { name: 'Update & Regenerate Token' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Token Expiration saved: 604,800 s (7 days). Token issued for' })).toBeVisible();
  await expect(panel).toContainText('"expires_in": 604800');
  await expect(panel.getByText('This token: exp − iat = 604,800 s (7 days).')).toBeVisible();
  await expect(panel.getByRole('table', { name: 'Claims of the token' })).toBeVisible();
  await expect(risk).toBeVisible();
  await expect(risk).toContainText('New Management API tokens now live 7 days');
  // A token that lives 7 days is on screen: the red bar says so and stays in view.
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('longer than 24 hours');
  await expect(banner).toContainText('raised the Token Expiration');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(banner).toBeInViewport();
  await expect(dash.getByText('token lifetime 604,800 s')).toBeVisible();
  await expect(field).toHaveAttribute('aria-describedby', /dash-expiration-risk/);
  expect(await token.inputValue()).not.toBe(first);

  // Out of range or not a whole number: a clear message, nothing changes.
  for (const [text, message] of [['2592001', 'Use 1 to 2,592,000 seconds'], ['1.5', 'Enter a whole number of seconds']] as const) {
    await field.fill(text);
    await panel.getByRole('button', { name: 'Update & Regenerate Token' }).click();
    await expect(panel.getByRole('status').filter({ hasText: message })).toContainText('Nothing was changed.');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(dash.getByText('token lifetime 604,800 s')).toBeVisible();
  }

  // Back to an hour: the warning goes away and the next token follows.
  await field.fill('3600');
  await panel.getByRole('button', { name: 'Update & Regenerate Token' }).click();
  await expect(panel.getByText('This token: exp − iat = 3,600 s (1 h 0 min).')).toBeVisible();
  await expect(panel).toContainText('"expires_in": 3600');
  await expect(risk).toBeHidden();
  await expect(banner).toBeHidden();
  expect(first.length).toBeGreaterThan(100);
});

test('switching an authorized app off deletes its grant', async ({ page }) => {
  await page.goto(LESSON);
  const dash = dashboard(page);
  await dash.getByRole('tablist').scrollIntoViewIfNeeded();
  const reporting = dash.getByRole('switch', { name: 'Reporting Service: authorized' });
  await expect(reporting).toHaveAttribute('aria-checked', 'true', { timeout: 20_000 });
  await reporting.click();
  await expect(dash.getByText(/Grant deleted: Reporting Service gets no new Management API tokens/)).toBeVisible();
  await expect(reporting).toHaveAttribute('aria-checked', 'false');
});

test('the playgrounds use the new app: its client_id is in the get-token request', async ({ page }) => {
  await page.goto(LESSON);
  await createApp(page);
  const clientId = await page.evaluate(() => localStorage.getItem('token-lab:reader-app'));
  const dash = dashboard(page);
  await dash.getByRole('checkbox', { name: /^read:clients / }).check();
  await dash.getByRole('button', { name: 'Update', exact: true }).click();
  await expect(dash.getByText(/Client grant created/)).toBeVisible();

  await page.goto(PLAYGROUND_PAGE);
  await editorReady(page, 'Get a token');
  const region = playground(page, 'Get a token');
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(region.getByRole('log', { name: 'Output' })).toContainText('200 read:clients expires in 86400 s', { timeout: 20_000 });
  const requests = region.getByRole('region', { name: 'Requests' });
  await requests.locator('summary').first().click();
  await expect(requests).toContainText(clientId!);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the long-lifetime warning and the token's claims pass axe in the ${theme} theme`, async ({ page }) => {
    await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
    const panel = await openExplorerTab(page);
    await panel.getByLabel('Token Expiration (Seconds)').fill('2592000');
    await panel.getByRole('button', { name: 'Update & Regenerate Token' }).click();
    await expect(panel.getByText('This token: exp − iat = 2,592,000 s (30 days).')).toBeVisible();
    await expect(panel.locator('[data-expiration-risk]')).toContainText('now live 30 days');

    expect(await blockingAxeViolations(page, '[data-dashboard]')).toEqual([]);
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the regenerated token\'s claims table fits the screen, long client ids and all', async ({ page }) => {
    const panel = await openExplorerTab(page);
    await panel.getByRole('button', { name: 'Update & Regenerate Token' }).click();
    const table = panel.getByRole('table', { name: 'Claims of the token' });
    await expect(table).toContainText('@clients');
    // The widget may draw the table again when the token arrives, so measure until it settles
    // (a replaced table has no parent for a moment).
    await expect.poll(() => panel.locator('[data-token-claims]').evaluate((box) => {
      const drawn = box.querySelector('table');
      if (drawn === null) return 'no table yet';
      const overflow = drawn.getBoundingClientRect().right - box.getBoundingClientRect().right;
      const pageOverflow = document.documentElement.scrollWidth - window.innerWidth;
      return overflow <= 0.5 && pageOverflow <= 0 ? 'fits' : `overflows by ${Math.max(overflow, pageOverflow)} px`;
    })).toBe('fits');
    // The Meaning column is across the screen's width, not pushed off to the right. Measured
    // sideways only: toBeInViewport also asks for it vertically, and the table can sit below the
    // fold after the token arrives (that made this test flaky with retries off).
    const meaning = await table.getByRole('columnheader', { name: 'Meaning' }).evaluate((cell) => {
      const box = cell.getBoundingClientRect();
      return { left: box.left, right: box.right, width: window.innerWidth };
    });
    expect(meaning.left).toBeGreaterThanOrEqual(0);
    expect(meaning.right).toBeLessThanOrEqual(meaning.width);
  });
});
