import { expect, test } from '@playwright/test';
import { builtPages } from './built-pages.ts';
import { forbidOtherOrigins, TENANT_HOST, useEveryFeature } from './playground-helpers.ts';

/*
 * Nothing leaves the browser: every request a reader's visit causes (the page, its search and a
 * run of each of its playgrounds) goes to the site itself, or to the mocked tenant and is then
 * answered by the service worker.
 */
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

    // The watch saw the traffic it judges: the page, search's index, and the tenant's answers.
    expect(seen.some((url) => url.includes('/pagefind/'))).toBe(true);
    if (playgrounds > 0) expect(tenantAnswers, 'tenant requests answered by the service worker').toBeGreaterThan(0);
    expect(strays).toEqual([]);
  });
}
