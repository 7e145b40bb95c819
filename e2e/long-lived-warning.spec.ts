import { expect, test, type Page } from '@playwright/test';
import { builtPages } from './built-pages.ts';

/*
 * Wherever a long-lived or hand-signed token is on screen, the page-wide warning is too.
 * Widgets mark such tokens with `data-long-lived-token`; the banner is `data-long-lived-warning`.
 * Each page is checked as it loads and, where a widget can put such a token on screen, after
 * driving it there.
 */

const LOAD = { timeout: 20_000 };

/** Pages whose widgets make risky tokens, and how to get one on screen. */
const DRIVERS: Record<string, (page: Page) => Promise<void>> = {
  '/lessons/old-explorer/': async (page) => {
    const widget = page.getByRole('region', { name: /Management API v2 explorer/ });
    await widget.getByRole('button', { name: 'Get token' }).click();
    await expect(widget.locator('[data-token]')).toHaveText(/^eyJ/, LOAD);
  },
  '/lessons/non-expiring-tokens/': async (page) => {
    const widget = page.getByRole('region', { name: 'Hand-sign a Management API token' });
    await widget.getByRole('checkbox', { name: /I understand that a token can do only what its scopes allow/ }).check();
    await widget.getByRole('button', { name: 'I understand: unlock the signer' }).click();
    await expect(widget.locator('[data-output]')).toHaveText(/^eyJ/, LOAD);
    await widget.getByRole('combobox', { name: /Lifetime/ }).selectOption({ label: 'Never (no exp)' });
  },
};

/** Every rendered risky token, and whether a warning is rendered and inside the viewport. */
async function expectWarningWhereTokens(page: Page): Promise<number> {
  const tokens = page.locator('[data-long-lived-token]').filter({ visible: true });
  const count = await tokens.count();
  if (count > 0) {
    const warning = page.locator('[data-long-lived-warning]').filter({ visible: true });
    await expect(warning).toHaveCount(1);
    for (const y of [0, 1e6, 0]) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await expect(warning).toBeInViewport();
    }
    // The token itself, scrolled to, is not hidden under the banner either.
    await tokens.first().scrollIntoViewIfNeeded();
    await expect(warning).toBeInViewport();
  }
  return count;
}

test('the pages that make risky tokens are in the build', () => {
  const pages = builtPages();
  for (const path of Object.keys(DRIVERS)) expect(pages).toContain(path);
});

for (const path of builtPages()) {
  test(`${path}: every visible long-lived or hand-signed token comes with a visible warning`, async ({ page }) => {
    await page.goto(path);
    await expectWarningWhereTokens(page);
    const drive = DRIVERS[path];
    if (drive) {
      await drive(page);
      // Guards against a driver that silently stopped producing a token.
      expect(await expectWarningWhereTokens(page)).toBeGreaterThan(0);
    }
  });
}
