import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
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

      const results = await new AxeBuilder({ page: tab })
        // Experimental in axe, so off by default; Starlight's stock search button fails it.
        .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
        .analyze();
      const blocking = results.violations
        // heading-order is only "moderate" to axe, but a skipped level breaks the outline that
        // screen-reader users navigate by, and Lighthouse scores it: it blocks too.
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical' || violation.id === 'heading-order')
        .map((violation) => ({
          rule: violation.id,
          impact: violation.impact,
          help: violation.help,
          targets: violation.nodes.map((node) => node.target.join(' ')),
        }));
      expect(blocking, `axe violations on ${page} (${theme})`).toEqual([]);
    });
  }
}
