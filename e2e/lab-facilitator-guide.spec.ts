import { expect, test } from '@playwright/test';

/*
 * The facilitator guide's 90-minute plan and its take-away checklist: the plan adds up, names the
 * prerequisite, sends groups to the triage tool and the runbook's inventory, and the checklist
 * prints alone on one sheet.
 */
const PAGE = '/lab/facilitator-guide/';

test.beforeEach(async ({ page }) => {
  await page.goto(PAGE);
});

test('states the prerequisite: reading TypeScript', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 2, name: 'Who it is for' })).toBeVisible();
  await expect(page.getByText(/Prerequisite: reading TypeScript\./)).toBeVisible();
});

test('the 90-minute plan runs from 0:00 to 1:30 without gaps, with buffers and a 20-25 minute inventory block', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 2, name: 'The 60-minute plan' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'The 90-minute plan' })).toBeVisible();
  const table = page.getByRole('table').filter({ hasText: 'Inventory our own tokens' });
  const slots = await table.locator('tbody tr td:first-child').allTextContents();
  const minutes = (clock: string) => Number(clock.split(':')[0]) * 60 + Number(clock.split(':')[1]);
  const spans = slots.map((slot) => slot.split('–').map(minutes) as [number, number]);
  expect(spans[0]![0]).toBe(0);
  expect(spans.at(-1)![1]).toBe(90);
  for (let i = 1; i < spans.length; i += 1) expect(spans[i]![0], slots[i]).toBe(spans[i - 1]![1]);

  const row = (text: string) => table.getByRole('row').filter({ hasText: text });
  await expect(table.getByRole('row').filter({ hasText: /the editor.s first load/ })).toHaveCount(1);
  await expect(row('Exercise 4 with a buffer')).toHaveCount(1);
  const whats = await table.locator('tbody tr td:nth-child(2)').allTextContents();
  const [start, end] = spans[whats.findIndex((what) => what.includes('Inventory our own tokens'))]!;
  expect(end - start).toBeGreaterThanOrEqual(20);
  expect(end - start).toBeLessThanOrEqual(25);
  // Headers name each column, for screen readers reading the table cell by cell.
  await expect(table.getByRole('columnheader')).toHaveText(['When', 'What happens', 'On the projector', 'Engineers']);
});

test('the inventory block sends groups to the triage tool and the runbook\'s inventory step', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 3, name: 'The inventory block' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'token triage tool' }).first()).toHaveAttribute('href', '/reference/token-triage/');
  await expect(page.getByRole('link', { name: 'Inventory', exact: true }).first()).toHaveAttribute('href', '/guides/migrate-your-services/#inventory');
  await expect(page.getByText(/never paste one into a shared\s+document/)).toBeVisible();
  // The links lead somewhere real: the runbook's section and the tool's box.
  await page.goto('/guides/migrate-your-services/#inventory');
  await expect(page.locator('#inventory')).toHaveCount(1);
  await page.goto('/reference/token-triage/');
  await expect(page.getByRole('textbox', { name: 'Paste a token or a config file' })).toBeVisible();
});

test('the answer key no longer says rotation is the only lever, and links its sources', async ({ page }) => {
  const questions = page.locator('h2:has-text("Questions to ask the room") + p + ul');
  await expect(questions).toContainText('an issued token cannot be revoked');
  await expect(questions).toContainText('names a token by its jti');
  await expect(questions).toContainText('up to about 30 seconds');
  await expect(questions.getByRole('link', { name: 'Auth0: Rotate Client Secret' })).toHaveAttribute('href', 'https://auth0.com/docs/get-started/applications/rotate-client-secret');
});

test('the take-away checklist prints alone, on one A4 page', async ({ page }) => {
  // Stand in for the browser's print dialog; the page's print rules are what is tested.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  const checklist = page.getByRole('region', { name: 'Our Management API tokens: what we do next' });
  await expect(checklist.getByRole('listitem')).toHaveCount(10);
  await checklist.getByRole('button', { name: 'Print this checklist' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(checklist.getByRole('status')).toHaveText('Opening the print dialog: only this checklist is printed.');

  await page.emulateMedia({ media: 'print' });
  await expect(checklist.getByRole('heading', { name: 'Our Management API tokens: what we do next' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Before the session' })).toBeHidden();
  await expect(checklist.getByRole('button', { name: 'Print this checklist' })).toBeHidden();

  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(1);
});

test('printing the whole guide keeps every section, the checklist on a sheet of its own', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'Before the session' })).toBeVisible();
  const checklist = page.getByRole('region', { name: 'Our Management API tokens: what we do next' });
  await expect(checklist).toHaveCSS('break-before', 'page');
});
