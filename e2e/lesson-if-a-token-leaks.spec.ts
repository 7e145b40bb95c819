import { expect, test, type Page } from '@playwright/test';
import { blockingAxeViolations } from './axe.ts';
import { forbidOtherOrigins } from './playground-helpers.ts';

const LESSON = '/lessons/if-a-token-leaks/';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('e2e-cleared')) {
      localStorage.clear();
      sessionStorage.setItem('e2e-cleared', '1');
    }
  });
});

function drill(page: Page) {
  return page.getByRole('region', { name: 'Leak drill' });
}

async function ready(page: Page) {
  await page.goto(LESSON);
  await drill(page).scrollIntoViewIfNeeded();
  await expect(drill(page).getByRole('button', { name: 'Delete the client grant' })).toBeEnabled({ timeout: 20_000 });
}

/** The newest remedy result: its two columns as text. */
function lastResult(page: Page) {
  const item = drill(page).getByRole('list', { name: 'What each remedy did' }).getByRole('listitem').last();
  return {
    item,
    oldToken: item.locator('.tl-drill-column').first(),
    newRequests: item.locator('.tl-drill-column').last(),
  };
}

test('the leaked token shows its scopes, reach and countdown', async ({ page }) => {
  const strays = forbidOtherOrigins(page);
  await ready(page);
  const d = drill(page);
  await expect(d.locator('[data-leak-scopes]')).toHaveText('read:clients read:client_keys');
  const reach = d.getByRole('list', { name: 'What the holder can call with it' });
  await expect(reach.getByRole('listitem').first()).toContainText('GET /api/v2/clients');
  await expect(reach.getByRole('listitem').first()).toContainText('open (it holds read:clients, read:client_keys)');
  await expect(reach).toContainText('DELETE /api/v2/client-grants/{id} closed (needs delete:client_grants)');
  await expect(d.locator('[data-leak-countdown]')).toHaveText(/Expires in (1 d|23 h)/);
  expect(strays).toEqual([]);
});

test('deleting the grant: the old token still works, new token requests get 403', async ({ page }) => {
  await ready(page);
  await drill(page).getByRole('button', { name: 'Delete the client grant' }).click();
  const { oldToken, newRequests } = lastResult(page);
  await expect(oldToken).toContainText('GET /api/v2/clients → 200');
  await expect(newRequests).toContainText('POST /oauth/token → 403');
  await expect(newRequests).toContainText('"error": "access_denied"');
});

test('rotating the secret: the old secret gets 401, the old token still works', async ({ page }) => {
  await ready(page);
  await drill(page).getByRole('button', { name: 'Rotate the client secret' }).click();
  const { oldToken, newRequests } = lastResult(page);
  await expect(oldToken).toContainText('GET /api/v2/clients → 200');
  await expect(newRequests).toContainText('with the leaked (old) secret');
  await expect(newRequests.locator('.tl-outcome').first()).toContainText('POST /oauth/token → 401');
  await expect(newRequests.locator('.tl-outcome').first()).toContainText('"error_description": "Unauthorized"');
  await expect(newRequests.locator('.tl-outcome').last()).toContainText('POST /oauth/token → 200');
  // Rotation on Auth0 is not instant: the page says so, with its source.
  await expect(page.getByRole('link', { name: 'Auth0: Rotate Client Secret' })).toHaveAttribute('href', 'https://auth0.com/docs/get-started/applications/rotate-client-secret');
  await expect(page.getByText(/a new secret may take up to about 30 seconds to work/)).toBeVisible();
});

test('waiting out exp: the old token gets 401 Expired; reset drill starts over', async ({ page }) => {
  await ready(page);
  const d = drill(page);
  await d.getByRole('button', { name: 'Wait out exp (jump past it)' }).click();
  const { oldToken, newRequests } = lastResult(page);
  // The jump is read from the token's exp, not assumed to be a day.
  await expect(d.getByRole('list', { name: 'What each remedy did' })).toContainText(/forward (1 day|23 hours)[^,]*, read from the token's exp/);
  await expect(oldToken).toContainText('GET /api/v2/clients → 401');
  await expect(oldToken).toContainText('Expired token received for JSON Web Token validation');
  await expect(newRequests).toContainText('POST /oauth/token → 200');
  await expect(d.locator('[data-leak-countdown]')).toHaveText(/^Expired/);
  // The page's clock shows the jump too.
  await expect(page.getByRole('region', { name: 'Tenant clock' })).toContainText(/1 d 0 h ahead|23 h 59 min ahead/);

  await d.getByRole('button', { name: 'Delete the client grant' }).click();
  await d.getByRole('button', { name: 'Reset drill' }).click();
  await expect(d.getByRole('list', { name: 'What each remedy did' }).getByRole('listitem')).toHaveCount(0);
  await expect(d.locator('[data-leak-countdown]')).toHaveText(/Expires in (1 d|23 h)/);
  await d.getByRole('button', { name: 'Delete the client grant' }).click();
  await expect(lastResult(page).oldToken).toContainText('→ 200');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the drill's results pass axe in the ${theme} theme`, async ({ page }) => {
    await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
    await ready(page);
    await drill(page).getByRole('button', { name: 'Rotate the client secret' }).click();
    await drill(page).getByRole('button', { name: 'Wait out exp (jump past it)' }).click();
    await expect(lastResult(page).oldToken).toContainText('→ 401');
    expect(await blockingAxeViolations(page, '[data-leak-drill]')).toEqual([]);
  });
}
