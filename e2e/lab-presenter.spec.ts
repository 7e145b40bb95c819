import { expect, test, type Page } from '@playwright/test';
import { blockingAxeViolations } from './axe.ts';
import { lessonIdsIn } from '../src/lesson-routes.ts';
import { editorReady, playground } from './playground-helpers.ts';

// The lab's steps in sidebar order, read the way the site reads them, so adding an exercise
// does not break these tests.
const steps = lessonIdsIn('content', 'lab').map((id) => `/${id}/`);
const total = steps.length;
const stepOf = (path: string) => steps.indexOf(path) + 1;

const toggle = (page: Page) => page.getByRole('button', { name: 'Presenter mode', exact: true });
// The sidebar's <nav> has no box of its own (its pane is fixed), so its first link stands in.
const sidebar = (page: Page) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'What changed and why' });
const stepBar = (page: Page) => page.getByRole('navigation', { name: 'Lab steps' });

/** Presenter mode is on: pressed toggle, no sidebar, the counter saying which step this is. */
async function expectPresenting(page: Page, path: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`${path.replace(/\//g, '\\/')}\\?present$`));
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(sidebar(page)).toBeHidden();
  await expect(stepBar(page).getByText(`Step ${stepOf(path)} of ${total}`, { exact: true })).toBeVisible();
}

async function expectNotPresenting(page: Page): Promise<void> {
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(sidebar(page)).toBeVisible();
  await expect(stepBar(page)).toBeHidden();
}

test('the lab has the steps these tests walk through', () => {
  // Guards the navigation tests against a lab with too few pages to move between.
  expect(steps[0]).toBe('/lab/');
  expect(steps.at(-1)).toBe('/lab/facilitator-guide/');
  expect(total).toBeGreaterThanOrEqual(8);
});

test('the toggle turns presenter mode on and off, and only lab pages have it', async ({ page }) => {
  const path = steps[2];
  await page.goto(path);
  await expectNotPresenting(page);

  await toggle(page).click();
  await expectPresenting(page, path);
  await expect(toggle(page)).toBeFocused();
  // Larger type than the normal reading page.
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(size).toBeGreaterThan(16);

  await toggle(page).click();
  await expectNotPresenting(page);
  await expect(page).toHaveURL(new RegExp(`${path}$`));

  await page.goto('/lessons/what-changed/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(toggle(page)).toHaveCount(0);
});

test('?present opens presenter mode directly and hides the table of contents too', async ({ page }) => {
  const guide = '/lab/facilitator-guide/';
  await page.goto(guide);
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeVisible();

  await page.goto(`${guide}?present`);
  await expectPresenting(page, guide);
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeHidden();
  await expect(stepBar(page).getByRole('link', { name: /^Previous: / })).toBeVisible();
  await expect(stepBar(page).getByRole('link', { name: /^Next: / })).toHaveCount(0);

  await page.goto('/lab/?present=1');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(stepBar(page).getByText(`Step 1 of ${total}`)).toBeVisible();
});

test('arrow, page and Home/End keys walk the steps, keeping the mode and putting focus on the title', async ({ page }) => {
  await page.goto('/lab/?present');
  await expectPresenting(page, steps[0]);

  await page.keyboard.press('ArrowRight');
  await expectPresenting(page, steps[1]);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  await page.keyboard.press('PageDown');
  await expectPresenting(page, steps[2]);

  await page.keyboard.press('ArrowLeft');
  await expectPresenting(page, steps[1]);

  await page.keyboard.press('End');
  await expectPresenting(page, steps[total - 1]);

  // Past the last step there is nowhere to go: the page stays.
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  await expectPresenting(page, steps[total - 1]);

  await page.keyboard.press('PageUp');
  await expectPresenting(page, steps[total - 2]);

  await page.keyboard.press('Home');
  await expectPresenting(page, steps[0]);
});

test('the step links carry the mode, and focus stays on the link so Enter keeps going', async ({ page }) => {
  await page.goto(`${steps[1]}?present`);
  await stepBar(page).getByRole('link', { name: /^Next: / }).click();
  await expectPresenting(page, steps[2]);
  const next = stepBar(page).getByRole('link', { name: /^Next: / });
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expectPresenting(page, steps[3]);

  await stepBar(page).getByRole('link', { name: /^Previous: / }).click();
  await expectPresenting(page, steps[2]);
  await expect(stepBar(page).getByRole('link', { name: /^Previous: / })).toBeFocused();
});

test('the mode survives a link without ?present and a detour to a lesson, within the tab', async ({ page }) => {
  await page.goto('/lab/facilitator-guide/?present');
  // A link in the guide's text points at the plain address.
  await page.getByRole('main').getByRole('link', { name: 'Exercise 1', exact: true }).first().click();
  await expectPresenting(page, '/lab/get-a-token/');

  await page.goto('/lessons/old-explorer/');
  await expect(sidebar(page)).toBeVisible();
  await page.goBack();
  await expectPresenting(page, '/lab/get-a-token/');

  // Leaving is remembered too: the next lab page opens normally and keys do nothing.
  await toggle(page).click();
  await expectNotPresenting(page);
  await page.goto(steps[0]);
  await expectNotPresenting(page);
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(new RegExp(`${steps[0]}$`));
});

test('keys typed into the search box or with Ctrl held do not change the step', async ({ page }) => {
  await page.goto(`${steps[2]}?present`);
  await page.keyboard.press('Control+ArrowRight');
  await page.waitForTimeout(300);
  await expectPresenting(page, steps[2]);

  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const box = page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' });
  await box.fill('scope');
  for (const key of ['ArrowLeft', 'Home', 'End', 'ArrowRight', 'PageUp']) await box.press(key);
  await page.waitForTimeout(300);
  await expect(box).toHaveValue('scope');
  await page.keyboard.press('Escape');
  await expectPresenting(page, steps[2]);
});

test('keys typed into a code editor stay in the editor', async ({ page }) => {
  const guide = '/lab/facilitator-guide/';
  await page.goto(`${guide}?present`);
  const title = 'Check this machine';
  await editorReady(page, title);
  await playground(page, title).getByRole('textbox', { name: /code editor/ }).focus();
  await page.keyboard.press('End');
  await page.keyboard.type('// arrows: ');
  for (const key of ['ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageDown', 'PageUp']) await page.keyboard.press(key);
  await page.waitForTimeout(300);
  await expectPresenting(page, guide);
  await expect(playground(page, title).locator('.monaco-editor')).toContainText('// arrows:');
});

test.describe('on a phone-sized screen', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('presenter mode fits the width and still offers the steps and the way out', async ({ page }) => {
    await page.goto(`${steps[1]}?present`);
    await expectPresenting(page, steps[1]);
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
    await expect(stepBar(page).getByRole('link', { name: /^Next: / })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await toggle(page).click();
    await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
  });
});

for (const theme of ['light', 'dark'] as const) {
  for (const path of [steps[0], steps[3], steps[total - 1]]) {
    test(`${path} in presenter mode has no serious or critical axe violations in the ${theme} theme`, async ({ page }) => {
      await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
      await page.goto(`${path}?present`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectPresenting(page, path);
      expect(await blockingAxeViolations(page)).toEqual([]);
    });
  }
}
