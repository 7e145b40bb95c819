import { expect, test } from '@playwright/test';
import { builtPages } from './built-pages.ts';
import { forbidOtherOrigins, TENANT_HOST, useEveryFeature } from './playground-helpers.ts';

/*
 * Nothing leaves the browser: every request a reader's visit causes (the page, its search and a
 * run of each of its playgrounds) goes to the site itself. A playground's requests to the mocked
 * tenant are answered by the page, over the run worker's port, and never show as browser requests.
 */
/** Pages whose playground starters only work on their input and send no request. */
const STARTERS_SEND_NOTHING = ['/lab/spot-risky-tokens/'];

for (const path of builtPages()) {
  test(`${path} asks nothing of another origin, searching and running its playgrounds included`, async ({ page }) => {
    test.slow(); // a page with playgrounds loads Monaco and runs each one
    const strays = forbidOtherOrigins(page);
    const seen: string[] = [];
    page.context().on('request', (request) => seen.push(request.url()));

    const playgrounds = await useEveryFeature(page, path);

    // The watch saw the traffic it judges (the page and search's index), and the playgrounds did
    // talk to the tenant, which answered in the page: their requests are listed with the tenant's
    // URL while no browser request went there. Some starters, like the risky-token exercise's,
    // only decode their input and send nothing.
    expect(seen.some((url) => url.includes('/pagefind/'))).toBe(true);
    const listed = playgrounds > 0 ? await page.locator('[data-request-list] > li').filter({ hasText: `https://${TENANT_HOST}/` }).count() : 0;
    if (playgrounds > 0 && !STARTERS_SEND_NOTHING.includes(path)) expect(listed, 'tenant requests the playgrounds listed').toBeGreaterThan(0);
    expect(strays).toEqual([]);
  });
}
