import { expect, test, type Page } from '@playwright/test';
import { editorReady, playground, PLAYGROUND_PAGE } from './playground-helpers.ts';

const GET_TOKEN = 'Get a token';
const KEY = 'token-lab:reader-app';

/** Puts `value` in the reader-app store before the page's first load only, as a hand edit would. */
async function plant(page: Page, value: string): Promise<void> {
  await page.addInitScript(
    ([key, planted]) => {
      if (!sessionStorage.getItem('planted')) {
        localStorage.setItem(key, planted);
        sessionStorage.setItem('planted', 'yes');
      }
    },
    [KEY, value] as const,
  );
}

async function runGetToken(page: Page) {
  await editorReady(page, GET_TOKEN);
  const region = playground(page, GET_TOKEN);
  await region.getByRole('button', { name: 'Run' }).click();
  // Only the seeded Reporting Service is granted exactly these scopes.
  await expect(region.getByRole('log', { name: 'Output' })).toContainText('200 read:clients read:client_keys', { timeout: 15_000 });
  return region;
}

test('a damaged saved app gives a notice, runs as the seeded app and is cleared', async ({ page }) => {
  await plant(page, '{"client_id":<b>oops');
  await page.goto(PLAYGROUND_PAGE);
  const region = await runGetToken(page);
  await expect(region.getByRole('alert')).toHaveText(/saved choice of app for your playgrounds was damaged, so they use the seeded Reporting Service again/);
  await expect(region.getByRole('alert')).not.toContainText('oops');
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();

  // Told once: the next visit runs without a notice.
  await page.reload();
  const again = await runGetToken(page);
  await expect(again.getByRole('alert')).toBeHidden();
});

test('an app the tenant does not have gives a notice naming it, and the seeded app runs', async ({ page }) => {
  const gone = 'GoneApp0000000000000000000000042';
  await plant(page, gone);
  await page.goto(PLAYGROUND_PAGE);
  const region = await runGetToken(page);
  await expect(region.getByRole('alert')).toContainText(`The app your playgrounds used (client ID ${gone}) is no longer in the sandbox tenant`);
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
});
