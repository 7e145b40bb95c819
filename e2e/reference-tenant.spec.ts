import { expect, test } from '@playwright/test';
import { ASSUMPTIONS } from '../src/tenant/assumptions.ts';
import { FIELD_USES } from '../src/tenant/stored-fields.ts';

/*
 * The tenant reference is where a reader checks whether the sandbox's answer is Auth0's. What it
 * shows is rendered from the tenant's own lists (stored-fields.ts, assumptions.ts), so these tests
 * look at the screen: the lists a reader sees, the headings, and every link into the assumptions.
 */

const PAGE = '/reference/tenant/';

test('each route lists, on screen, every field it only stores, with the count the tenant has', async ({ page }) => {
  await page.goto(PAGE);
  const uses = page.locator('.tl-field-uses');
  for (const use of FIELD_USES) {
    const term = uses.locator('dt', { hasText: use.route }).first();
    await expect(term).toBeVisible();
    const stored = term.locator('xpath=following-sibling::dd[1]').locator('p', { hasText: 'Stored and returned only' });
    await expect(stored).toContainText(`(${use.storedOnly.length})`);
    await expect(stored.locator('code')).toHaveText([...use.storedOnly]);
  }
  // A field the route takes beyond node-auth0 v7's types is listed too, not silently stored.
  const patchApi = uses.locator('dt', { hasText: 'PATCH /api/v2/resource-servers/{id}' }).locator('xpath=following-sibling::dd[1]');
  await expect(patchApi.getByText('token_lifetime_for_web', { exact: true })).toBeVisible();
});

test('the assumptions are grouped under headings that spell the names readers know', async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.getByRole('heading', { level: 3, name: 'Management API', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Assumptions: Management API' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /^Management api$/ })).toHaveCount(0);
});

test('every link into the assumptions lands on a row that is there, and every unconfirmed row says so', async ({ page }) => {
  await page.goto(PAGE);
  const targets = await page.locator('a[href^="#assumption-"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!.slice(1)));
  expect(targets.length).toBeGreaterThan(10);
  for (const id of new Set(targets)) await expect(page.locator(`[id="${id}"]`), id).toHaveCount(1);
  for (const assumption of ASSUMPTIONS.filter((entry) => entry.reason.includes('UNCONFIRMED'))) {
    await expect(page.locator(`[id="assumption-${assumption.id}"]`)).toContainText('UNCONFIRMED');
  }
});
