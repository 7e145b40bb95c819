import { expect, test, type Page } from '@playwright/test';
import { builtPages } from './built-pages.ts';
import { editorReady, playground } from './playground-helpers.ts';

const pages = builtPages();

/**
 * Console errors a page is allowed to print. Empty on purpose: each entry would need a comment
 * saying why that error is the page working as meant.
 */
const EXPECTED_CONSOLE_ERRORS: RegExp[] = [];

/** Everything the page and its workers report as uncaught or as a console error. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (EXPECTED_CONSOLE_ERRORS.some((expected) => expected.test(text))) return;
    const where = message.location().url ? ` (${message.location().url}:${message.location().lineNumber})` : '';
    errors.push(`console.error: ${text}${where}`);
  });
  return errors;
}

/**
 * Scrolls to the end a screen at a time, the way a reader would, so every lazy widget and
 * playground mounts as it comes near. The page may grow while widgets mount, so the end is
 * measured again after every step.
 */
async function scrollToTheEnd(page: Page): Promise<void> {
  for (let step = 0; step < 200; step++) {
    const atEnd = await page.evaluate(() => {
      window.scrollBy(0, Math.round(window.innerHeight * 0.8));
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    await page.waitForTimeout(150);
    if (atEnd) return;
  }
  throw new Error('the page never reached its end after 200 screens');
}

/** Waits until every playground that started loading has its editor (or has said it could not). */
async function playgroundsSettled(page: Page): Promise<void> {
  const hosts = page.locator('token-lab-playground');
  for (const host of await hosts.all()) {
    const status = host.getByRole('status');
    // A playground far above the last screen may never have been near the viewport: nothing to wait for.
    if ((await status.textContent()) === '') continue;
    await expect(status).not.toHaveText('Loading the editor…', { timeout: 45_000 });
  }
}

test('the crawl below visits every page of the build', () => {
  expect(pages).toContain('/');
  expect(pages.filter((path) => path.startsWith('/lessons/')).length).toBeGreaterThanOrEqual(9);
});

for (const path of pages) {
  test(`${path} throws no uncaught error and logs no console error while a reader scrolls it to the end`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await scrollToTheEnd(page);
    await playgroundsSettled(page);
    await page.waitForLoadState('networkidle');
    // Monaco reports its service errors from a timer after the editors mount.
    await page.waitForTimeout(500);
    expect(errors, `errors on ${path}`).toEqual([]);
  });
}

/*
 * Intended refusals: a drill or a playground that shows a 401 or a 403 on purpose must not print
 * a red "Failed to load resource" line. Chrome prints one for every response of 400 or more that
 * goes through its network stack, whether the page handled it or not; when the tenant was served
 * by MSW's service worker, every refusal the drill showed did. The tenant now answers in the page
 * (BrowserTenant.fetch for widgets, a MessagePort for a run worker), so no request, no line.
 */
test.describe('intended refusals log no error', () => {
  const LOAD = { timeout: 20_000 };

  test('the leak drill: 403 after deleting the grant, 401 for the rotated secret and for the expired token', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto('/lessons/if-a-token-leaks/');
    const drill = page.getByRole('region', { name: 'Leak drill' });
    await drill.scrollIntoViewIfNeeded();
    const log = drill.getByRole('list', { name: 'What each remedy did' });
    const remedies: [string, RegExp][] = [
      ['Delete the client grant', /POST \/oauth\/token → 403/],
      ['Rotate the client secret', /POST \/oauth\/token → 401/],
      ['Wait out exp (jump past it)', /GET \/api\/v2\/clients → 401/],
    ];
    for (const [remedy, refusal] of remedies) {
      const reset = drill.getByRole('button', { name: 'Reset drill' });
      await expect(drill.getByRole('button', { name: remedy })).toBeEnabled(LOAD);
      await drill.getByRole('button', { name: remedy }).click();
      await expect(log.getByRole('listitem').last()).toContainText(refusal, LOAD);
      await expect(reset).toBeEnabled(LOAD);
      await reset.click();
    }
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });

  test('a playground run that the Management API refuses with 403', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto('/lessons/token-from-your-server/');
    const title = 'Call an endpoint without its scope';
    await editorReady(page, title);
    const region = playground(page, title);
    await region.getByRole('button', { name: 'Run' }).click();
    await expect(region.getByRole('log', { name: 'Output' })).toContainText('insufficient_scope', LOAD);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });

  test("the old explorer's token refused with 401 by today's tenant", async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto('/lessons/old-explorer/');
    const explorer = page.getByRole('region', { name: /Management API v2 explorer/ });
    await explorer.getByRole('button', { name: 'Get token' }).click();
    await expect(explorer.locator('[data-token]')).toHaveText(/^eyJ/, LOAD);
    await explorer.getByRole('button', { name: 'Call GET /api/v2/clients with it' }).click();
    await expect(explorer.locator('[data-call-status]')).toHaveText("HTTP 401 Unauthorized (today's tenant)", LOAD);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });
});
