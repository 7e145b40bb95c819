import { expect, test, type Page } from '@playwright/test';

/*
 * The runbook on paper. "Print the checklist" prints the checklist alone, on one or two A4 sheets,
 * with Owner and Date columns and the address it came from; printing the whole guide leaves out
 * every widget control and the empty triage box, and wraps code instead of cutting it.
 */
const PAGE = '/guides/migrate-your-services/';

/** Chromium's own print-to-PDF of the page as it stands, and its number of sheets. */
async function printedSheets(page: Page): Promise<number> {
  const pdf = (await page.pdf({ format: 'A4', printBackground: false })).toString('latin1');
  return (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/** The print dialog would block a headless browser: record the calls, and never fire afterprint. */
async function stubPrint(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
}

test('Print the checklist prints it alone: one or two A4 sheets, Owner and Date columns, the address', async ({ page }) => {
  await stubPrint(page);
  await page.goto(PAGE);
  await page.getByRole('button', { name: 'Print the checklist' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(page.getByRole('status').filter({ hasText: 'only the checklist is printed' })).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  const checklist = page.locator('[data-migration-checklist]');
  await expect(checklist).toBeVisible();
  await expect(checklist).toContainText('Migrate your services: checklist');
  await expect(checklist).toContainText(`${new URL(page.url()).origin}${PAGE}`);
  // Every item has its two columns to fill in by hand.
  const items = checklist.locator('li');
  const count = await items.count();
  expect(count).toBeGreaterThan(10);
  for (let index = 0; index < count; index++) {
    await expect(items.nth(index).locator('.tl-checklist-blank')).toHaveText(['Owner', 'Date']);
  }
  // Nothing else of the page: its title, its prose and its code are gone.
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(page.locator('.expressive-code').first()).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print the checklist' })).toBeHidden();

  // Chromium's print of that state (it fires afterprint when done, which ends print-only mode).
  const sheets = await printedSheets(page);
  expect(sheets).toBeGreaterThanOrEqual(1);
  expect(sheets).toBeLessThanOrEqual(2);
  expect(await printedSheets(page)).toBeGreaterThan(5);
});

test('the whole guide on paper: no widget controls, no empty triage box, code wrapped, not cut', async ({ page }) => {
  await page.goto(PAGE);
  const screenSheets = await printedSheets(page);
  expect(screenSheets).toBeGreaterThan(5); // the whole guide, every tab's program included

  await page.emulateMedia({ media: 'print' });
  const main = page.locator('main');
  for (const control of ['button', 'textarea', 'select', 'input:not([type=checkbox])', '[role=tab]']) {
    const visible = await main.locator(control).evaluateAll((elements) => elements.filter((element) => element.checkVisibility()).length);
    expect(visible, control).toBe(0);
  }
  await expect(page.getByRole('textbox', { name: 'Paste a token or a config file' })).toBeHidden();
  await expect(page.locator('.tl-triage')).toBeHidden();
  // Every program prints, and no code block is wider than its box.
  const overflowing = await page.locator('.expressive-code pre').evaluateAll((blocks) => blocks.filter((block) => block.checkVisibility() && block.scrollWidth > block.clientWidth + 1).length);
  expect(overflowing).toBe(0);
  expect(await page.locator('.expressive-code pre').evaluateAll((blocks) => blocks.filter((block) => block.checkVisibility()).length)).toBeGreaterThanOrEqual(8);
});
