import { expect, test } from '@playwright/test';

// Issue 24 item 5: the home page is the front door of a session. Each kind of visitor finds a
// real link with one line on who it is for; the old "Onboarding lab" card looked like a link and
// was not one.
const DOORS: Array<[title: string, href: string, who: RegExp]> = [
  ['Lessons', '/lessons/what-changed/', /For anyone new to the change/],
  ['Migrate your services', '/guides/migrate-your-services/', /For the engineer who owns a service/],
  ['Onboarding lab', '/lab/', /For a team in a session/],
  ['Facilitator guide', '/lab/facilitator-guide/', /For whoever runs the session/],
  ['Token triage', '/reference/token-triage/', /For a team taking stock/],
  ['Mocked tenant reference', '/reference/tenant/', /For the curious and the careful/],
];

test('the home page links every door, each with who it is for', async ({ page }) => {
  await page.goto('/');
  // The cards, not the hero's buttons (one of which also says "Migrate your services").
  const main = page.locator('main .card-grid').first();
  for (const [title, href, who] of DOORS) {
    const link = main.getByRole('link', { name: new RegExp(`^${title}\\b`) });
    await expect(link, title).toHaveAttribute('href', href);
    await expect(link.locator('xpath=..'), title).toContainText(who);
  }
});

test('a card that looks like a link is one: the lab card opens the lab, by keyboard too', async ({ page }) => {
  await page.goto('/');
  const lab = page.locator('main').getByRole('link', { name: /^Onboarding lab\b/ });
  await lab.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lab\/$/);
});

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`at ${viewport.width}×${viewport.height} the triage and the facilitator guide are reachable without the sidebar, and nothing scrolls sideways`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    for (const title of ['Token triage', 'Facilitator guide']) {
      const link = page.locator('main').getByRole('link', { name: new RegExp(`^${title}\\b`) });
      await link.scrollIntoViewIfNeeded();
      await expect(link).toBeInViewport();
    }
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways).toBe(0);
  });
}
