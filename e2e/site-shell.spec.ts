import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test.describe('home page', () => {
  test('says what the site teaches and who it is for, and leads to the first lesson', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/Token Lab/);
    const tagline = page.locator('.hero .tagline');
    await expect(tagline).toContainText('client-credentials grant');
    await expect(tagline).toContainText('It is for engineers');
    await page.getByRole('link', { name: 'Start with what changed' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What changed and why');
  });
});

test.describe('lesson navigation', () => {
  test('the sidebar lists the lessons in the order of their numbered folders', async ({ page }) => {
    const folders = readdirSync('content/lessons').filter((name) => /^\d+-/.test(name)).sort();
    await page.goto('/lessons/what-changed/');
    const sidebar = page.getByRole('navigation', { name: 'Main' });
    const hrefs = await sidebar.locator('a[href^="/lessons/"]').evaluateAll((links) =>
      links.map((link) => link.getAttribute('href')),
    );
    expect(hrefs).toEqual(folders.map((folder) => `/lessons/${folder.replace(/^\d+-/, '')}/`));
  });

  test('every lesson stub says what it will cover', async ({ page }) => {
    await page.goto('/lessons/tokens-expire/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tokens expire (24 hours by default)');
    await expect(page.locator('.sl-markdown-content li').first()).toBeVisible();
  });

  test('a lesson page has a table of contents', async ({ page }) => {
    await page.goto('/reference/tenant/');
    await expect(page.getByRole('navigation', { name: 'On this page' })).toBeVisible();
  });

  test('an unknown address shows the 404 page with a way back', async ({ page }) => {
    const response = await page.goto('/lessons/no-such-lesson/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not in the lab');
    await expect(page.getByRole('link', { name: 'Go to the first lesson' })).toBeVisible();
  });
});

test.describe('themes', () => {
  test('a reader can switch to the light theme and it survives a reload', async ({ page }) => {
    await page.goto('/lessons/what-changed/');
    await page.getByRole('combobox', { name: 'Select theme' }).selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.getByRole('combobox', { name: 'Select theme' }).selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });
});

test.describe('search', () => {
  test('the button is named by its visible label and the engine loads only when opened', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto('/lessons/what-changed/');
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((path) => path.includes('ui-core') || path.includes('/pagefind/'))).toEqual([]);

    const button = page.getByRole('button', { name: 'Search', exact: true });
    await expect(button).toHaveAttribute('aria-keyshortcuts', /K$/);
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Search' }).fill('expire');
    await expect(dialog.getByRole('link', { name: 'Tokens expire (24 hours by default)' }).first()).toBeVisible();
  });

  test('Ctrl+K opens search from the keyboard and Escape closes it', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Search' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});

test.describe('phone-sized screen', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the sidebar folds into a menu that opens and reaches every lesson', async ({ page }) => {
    await page.goto('/lessons/what-changed/');
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toBeVisible();
    await menu.click();
    await page.getByRole('link', { name: 'If a token leaks' }).click();
    await expect(page).toHaveURL(/\/lessons\/if-a-token-leaks\/$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
