import { expect, test, type Page } from '@playwright/test';
import { blockingAxeViolations } from './axe.ts';
import { editorReady, forbidOtherOrigins, playground } from './playground-helpers.ts';

/*
 * The lesson "Rotate without downtime": the rotation drill plays a naive and a careful rotation of
 * a client secret against the sandbox fleet, and what the reader sees (red marks, the words under
 * them, the table) must say what the tenant answered.
 */
const LESSON = '/lessons/rotate-without-downtime/';
const LOAD = { timeout: 20_000 };

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('e2e-cleared')) {
      localStorage.clear();
      sessionStorage.setItem('e2e-cleared', '1');
    }
  });
});

const drill = (page: Page) => page.getByRole('region', { name: 'Rotation drill' });

/** Presses a plan's button with the keyboard alone and waits for the drill to finish. */
async function playWithKeyboard(page: Page, plan: 'naive' | 'careful' | 'naive key' | 'careful key'): Promise<string> {
  const button = drill(page).getByRole('button', { name: `Play the ${plan} rotation` });
  await expect(button).toBeEnabled(LOAD);
  await button.focus();
  await page.keyboard.press('Enter');
  const status = drill(page).getByRole('status');
  await expect(status).toHaveText(new RegExp(`^The ${plan} rotation: `), LOAD);
  await expect(button).toBeEnabled();
  return (await status.textContent()) ?? '';
}

async function ready(page: Page): Promise<void> {
  await page.goto(LESSON);
  await drill(page).scrollIntoViewIfNeeded();
  // The drill loads when the reader gets near it; focus is a reader's intent too.
  await drill(page).getByRole('button', { name: 'Play the naive rotation' }).focus();
  await expect(drill(page).getByRole('button', { name: 'Play the naive rotation' })).toBeEnabled(LOAD);
}

test('the naive rotation shows requests that got no token, in red and in words; the careful one shows none', async ({ page }) => {
  const strays = forbidOtherOrigins(page);
  await ready(page);
  const d = drill(page);

  const naive = await playWithKeyboard(page, 'naive');
  const failedMarks = d.locator('[data-instance] .tl-rotation-mark[data-outcome="failed"]');
  const failed = await failedMarks.count();
  // Each instance fails from the moment it holds only the new secret until the switch (8 on a frozen clock).
  expect(failed).toBeGreaterThanOrEqual(6);
  expect(naive).toMatch(new RegExp(`^The naive rotation: ${failed} requests got no token\\. \\d+ token fetches: \\d+ with the first secret, 0 on the fallback, ${failed} failed\\.$`));
  await expect(failedMarks.first()).toHaveCSS('background-color', /rgb/);
  // The steps say which API call each stands for.
  await expect(d.getByRole('list', { name: 'Steps of the rotation' })).toContainText('Rotate the secret: POST /api/v2/clients/{id}/rotate-secret');
  // The table says the same as the picture.
  await d.getByText('Every request as a table').click();
  const rows = d.getByRole('table', { name: /Token requests of the fleet/ }).getByRole('row');
  await expect(rows.filter({ hasText: /no token: its only secret was refused/ })).toHaveCount(failed);
  await expect(rows.filter({ hasText: 'Instance 2' }).first()).toBeVisible();

  const careful = await playWithKeyboard(page, 'careful');
  expect(careful).toMatch(/^The careful rotation: not one request failed\. \d+ token fetches: \d+ with the first secret, [1-9]\d* on the fallback, 0 failed\.$/);
  await expect(failedMarks).toHaveCount(0);
  await expect(d.locator('[data-instance] .tl-rotation-mark[data-outcome="fallback"]').first()).toBeVisible();
  await expect(rows.filter({ hasText: /no token/ })).toHaveCount(0);
  await expect(d.getByRole('list', { name: 'Events of the rotation' })).toContainText(/\+20(\.\d)? s: rotated.*\+50(\.\d)? s: switch: old refused, new accepted/);
  expect(strays).toEqual([]);
});

test('the key rotations: the naive one leaves instances on the old key without a token until the deploy reaches them, the careful one none', async ({ page }) => {
  await ready(page);
  const d = drill(page);
  const naive = await playWithKeyboard(page, 'naive key');
  // Instance 1 once and instance 2 twice, before the new key reaches them (3 on a frozen clock).
  expect(naive).toMatch(/^The naive key rotation: [1-5] requests? got no token\. \d+ token fetches: \d+ with the first key, 0 on the fallback, [1-5] failed\.$/);
  await expect(d.getByRole('list', { name: 'Steps of the rotation' })).toContainText('Enable only the new key');
  await d.getByText('Every request as a table').click();
  await expect(d.getByRole('table', { name: /Token requests of the fleet/ }).getByRole('row').filter({ hasText: 'no token: its only key was refused' }).first()).toBeVisible();
  const careful = await playWithKeyboard(page, 'careful key');
  expect(careful).toMatch(/^The careful key rotation: not one request failed\. \d+ token fetches: \d+ with the first key, 0 on the fallback, 0 failed\.$/);
  await expect(d.locator('[data-instance] .tl-rotation-mark[data-outcome="failed"]')).toHaveCount(0);
  await expect(d.getByRole('list', { name: 'Events of the rotation' })).toContainText('deleted key 1');
});

test('the lesson shows the Private Key JWT program the suite runs, and links the exercise and the runbook back', async ({ page }) => {
  await page.goto(LESSON);
  await expect(page.getByRole('heading', { name: 'The Private Key JWT route' })).toBeVisible();
  await expect(page.locator('figure').filter({ hasText: 'rotate-signing-key.mjs' })).toContainText("clientAssertionSigningKey");
  await expect(page.getByRole('link', { name: 'Lab exercise 7' })).toHaveAttribute('href', '/lab/rotate-without-downtime/');
  await page.goto('/guides/migrate-your-services/');
  await expect(page.getByRole('link', { name: 'rotation drill' }).first()).toHaveAttribute('href', '/lessons/rotate-without-downtime/#the-secret-route');
});

test('the key rotation playground rotates a Private Key JWT key in the browser: the old key refused only once it is removed', async ({ page }) => {
  const strays = forbidOtherOrigins(page);
  await page.goto(LESSON);
  const title = 'Rotate a signing key';
  await editorReady(page, title);
  const region = playground(page, title);
  const output = region.getByRole('log', { name: 'Output' });
  for (let round = 0; round < 2; round++) {
    await region.getByRole('button', { name: 'Run' }).click();
    await expect(output).toContainText('4. old key removed; old key: refused (401) | new key: token', LOAD);
    await expect(output).toContainText('1. one key enabled; signed with it: token');
    await expect(output).toContainText('2. both enabled; old key: token | new key: token');
    await expect(region.getByRole('button', { name: 'Run' })).toBeEnabled(LOAD);
  }
  expect(strays).toEqual([]);
});

for (const theme of ['dark', 'light'] as const) {
  for (const [width, height] of [[1280, 800], [390, 844]] as const) {
    test(`the drill after a naive rotation is axe-clean and fits, ${theme} theme, ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
      await ready(page);
      await playWithKeyboard(page, 'naive');
      await drill(page).getByText('Every request as a table').click();
      expect(await blockingAxeViolations(page, '[data-rotation-drill]')).toEqual([]);
      // Nothing of the drill runs off the side of a phone.
      const overflow = await drill(page).evaluate((node) => node.scrollWidth - node.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(pageOverflow).toBeLessThanOrEqual(0);
    });
  }
}
