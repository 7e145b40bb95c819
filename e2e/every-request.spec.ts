import { expect, test } from '@playwright/test';
import { builtPages } from './built-pages.ts';
import { forbidOtherOrigins, TENANT_HOST, useEveryFeature } from './playground-helpers.ts';

/*
 * Nothing leaves the browser: every request a reader's visit causes (the page, its search and a
 * run of each of its playgrounds) goes to the site itself, or to the mocked tenant and is then
 * answered by the service worker.
 */
/** Pages whose playground starters only work on their input and send no request. */
const STARTERS_SEND_NOTHING = ['/lab/spot-risky-tokens/'];

for (const path of builtPages()) {
  test(`${path} asks nothing of another origin, searching and running its playgrounds included`, async ({ page }) => {
    test.slow(); // a page with playgrounds loads Monaco and runs each one
    const strays = forbidOtherOrigins(page);
    const seen: string[] = [];
    let tenantAnswers = 0;
    page.context().on('request', (request) => seen.push(request.url()));
    page.context().on('response', (response) => {
      if (new URL(response.url()).hostname === TENANT_HOST && response.fromServiceWorker()) tenantAnswers += 1;
    });

    const playgrounds = await useEveryFeature(page, path);

    // The watch saw the traffic it judges: the page, search's index, and the tenant's answers
    // (at least one per request the playgrounds listed; some starters, like the risky-token
    // exercise's, only decode their input and send nothing).
    expect(seen.some((url) => url.includes('/pagefind/'))).toBe(true);
    const listed = playgrounds > 0 ? await page.locator('[data-request-list] > li').count() : 0;
    expect(tenantAnswers, 'tenant requests answered by the service worker').toBeGreaterThanOrEqual(listed);
    if (playgrounds > 0 && !STARTERS_SEND_NOTHING.includes(path)) expect(listed, 'requests the playgrounds listed').toBeGreaterThan(0);
    expect(strays).toEqual([]);
  });
}
