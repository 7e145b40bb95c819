import { expect, test, type Page } from '@playwright/test';

/**
 * Every widget whose live part is a separate chunk tells the reader, in the widget, when that chunk
 * cannot load (a flaky connection, a deploy that replaced the files under an open tab), and the
 * page keeps working. Each case blocks exactly the widget's own chunk, then uses the widget as a
 * reader would.
 */
interface Case {
  widget: string;
  page: string;
  /** The chunk's file name up to its hash, as the build names it under /_astro/. */
  chunk: string;
  /** The element inside the widget where it speaks. */
  status: string;
  use: (page: Page) => Promise<void>;
  says: string;
}

const TENANT = 'The sandbox tenant could not start. Reload the page to try again.';
const scrollTo = (selector: string) => (page: Page) => page.locator(selector).scrollIntoViewIfNeeded();

const CASES: Case[] = [
  { widget: 'the tenant clock', page: '/lessons/tokens-expire/', chunk: 'mount-tenant-clock', status: '[data-clock-status]', use: scrollTo('[data-tenant-clock]'), says: TENANT },
  { widget: 'the expiring token', page: '/lessons/tokens-expire/', chunk: 'mount-expiring-token', status: '[data-token-status]', use: scrollTo('[data-expiring-token]'), says: TENANT },
  { widget: 'the leak drill', page: '/lessons/if-a-token-leaks/', chunk: 'mount-leak-drill', status: '[data-drill-status]', use: scrollTo('[data-leak-drill]'), says: TENANT },
  { widget: 'the Dashboard simulation', page: '/lessons/machine-to-machine-app/', chunk: 'mount-dashboard', status: '[data-dashboard] [data-create-status]', use: scrollTo('[data-dashboard]'), says: TENANT },
  { widget: 'the lab grant editor', page: '/lab/fix-a-403/', chunk: 'mount-grant-editor', status: '[data-grant-editor] [data-grant-status]', use: scrollTo('[data-grant-editor]'), says: TENANT },
  {
    widget: 'the token replay',
    page: '/lessons/keep-a-server-supplied/',
    chunk: 'mount-token-replay',
    status: '[data-token-replay] [data-status]',
    use: (page) => page.getByRole('button', { name: 'Run the replay in your browser' }).click(),
    says: 'The replay could not load. Reload the page to try again.',
  },
  {
    widget: 'the old explorer',
    page: '/lessons/old-explorer/',
    chunk: 'mount-old-explorer',
    status: 'token-lab-old-explorer [data-ready]',
    use: (page) => page.locator('token-lab-old-explorer [data-ready]').click(),
    says: 'The simulation could not load. Reload the page to try again.',
  },
  {
    widget: 'the token signer',
    page: '/lessons/non-expiring-tokens/',
    chunk: 'mount-token-signer',
    status: '[data-optin-status]',
    use: async (page) => {
      await page.locator('[data-optin-check]').check();
      await page.getByRole('button', { name: 'I understand: unlock the signer' }).click();
    },
    says: 'The signer could not load. Reload the page to try again.',
  },
  {
    widget: 'a playground',
    page: '/reference/playgrounds/',
    chunk: 'mount-playground',
    status: 'token-lab-playground >> nth=0 >> [data-status]',
    use: (page) => page.locator('token-lab-playground').first().getByRole('button', { name: 'Run', exact: true }).click(),
    says: 'The editor could not load. Reload the page to try again.',
  },
];

for (const { widget, page: path, chunk, status, use, says } of CASES) {
  test(`${widget} on ${path} says so when its code cannot load`, async ({ page }) => {
    let blocked = 0;
    await page.route(`**/_astro/${chunk}.*.js`, (route) => {
      blocked += 1;
      return route.abort('failed');
    });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(path);
    await use(page);
    await expect(page.locator(status)).toHaveText(says);
    expect(blocked, `the build no longer has a chunk named ${chunk}.*.js`).toBeGreaterThan(0);
    // The page itself still works: the search box opens with the keyboard.
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog', { name: 'Search' })).toBeVisible();
    expect(errors.some((text) => /failed to (start|load)/.test(text)), errors.join('\n')).toBe(true);
  });
}

// The eager widgets ship with the page, so what can break is their markup (a cached old HTML page
// against new scripts): the kit's defineWidget turns a mount that throws into a line on screen.
test('the token triage says so when its markup is broken, and the page still works', async ({ page }) => {
  await page.route('**/reference/token-triage/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('data-triage-findings', 'data-was-findings');
    await route.fulfill({ response, body: html });
  });
  await page.goto('/reference/token-triage/');
  await expect(page.locator('[data-triage-summary]')).toHaveText('The token triage could not start. Reload the page to try again.');
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Search' })).toBeVisible();
});
