import { expect, test } from '@playwright/test';
import { blockingAxeViolations } from './axe.ts';
import { builtPages } from './built-pages.ts';

const pages = builtPages();

test('the build has the pages the site promises', () => {
  // Guards the crawl below against silently visiting nothing.
  expect(pages).toContain('/');
  expect(pages).toContain('/404.html');
  expect(pages.filter((page) => page.startsWith('/lessons/')).length).toBeGreaterThanOrEqual(9);
});

for (const theme of ['light', 'dark'] as const) {
  for (const page of pages) {
    test(`${page} has no serious or critical axe violations in the ${theme} theme`, async ({ page: tab }) => {
      // Starlight reads the theme from localStorage before first paint.
      await tab.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
      await tab.goto(page);
      await expect(tab.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await blockingAxeViolations(tab), `axe violations on ${page} (${theme})`).toEqual([]);
    });
  }
}

// A phone is where content scrolls sideways: tables, code and diagrams wider than the screen must
// be scroll regions a keyboard can reach, and nothing may hide behind the folded sidebar.
test.describe('on a 375 × 740 phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });
  for (const page of pages) {
    test(`${page} has no serious or critical axe violations`, async ({ page: tab }) => {
      await tab.goto(page);
      expect(await blockingAxeViolations(tab), `axe violations on ${page} (phone)`).toEqual([]);
    });
  }
});
