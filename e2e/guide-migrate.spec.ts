import { expect, test } from '@playwright/test';
import { RUNBOOK_SECTIONS } from '../src/components/migration-checklist/checklist-items.ts';
import { forbidOtherOrigins } from './playground-helpers.ts';

const PAGE = '/guides/migrate-your-services/';
const LANGUAGES = [
  { tab: 'Node', shows: 'new ManagementClient' },
  { tab: 'Python', shows: 'urllib.request' },
  { tab: 'curl', shows: '--data-urlencode grant_type=client_credentials' },
  { tab: 'Go', shows: 'management.WithClientCredentials' },
  { tab: 'Java', shows: 'ManagedTokenProvider' },
  { tab: '.NET', shows: 'class ManagementToken' },
];

test('the runbook is the first page in the sidebar, under Start here, on every page', async ({ page }) => {
  for (const from of ['/lessons/what-changed/', '/reference/tenant/']) {
    await page.goto(from);
    const sidebar = page.getByRole('navigation', { name: 'Main' });
    const first = sidebar.getByRole('link').first();
    await expect(first).toHaveText('Migrate your services');
    await expect(first).toHaveAttribute('href', PAGE);
    await expect(sidebar).toContainText('Start here');
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Migrate your services' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Migrate your services');
});

test('the five sections have the ids the triage tool links to, in order', async ({ page }) => {
  await page.goto(PAGE);
  const ids = await page.locator('.sl-markdown-content h2[id]').evaluateAll((headings) => headings.map((heading) => heading.id));
  expect(ids.filter((id) => (RUNBOOK_SECTIONS as readonly string[]).includes(id))).toEqual([...RUNBOOK_SECTIONS]);
  for (const id of RUNBOOK_SECTIONS) await expect(page.locator(`h2#${id}`)).toBeVisible();
  // The page links to the triage tool, whichever page ends up holding it.
  await expect(page.getByRole('link', { name: 'token triage tool' })).toHaveAttribute('href', '/reference/token-triage/');
});

test('the tabs switch the snippet between six languages, one shown at a time', async ({ page }) => {
  await page.goto(PAGE);
  for (const { tab, shows } of LANGUAGES) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
    const panel = page.getByRole('tabpanel', { name: tab, exact: true });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText(shows);
    await expect(page.getByRole('tabpanel')).toHaveCount(1); // hidden panels leave the accessibility tree
  }
});

test('the checklist has a labelled checkbox per item, links back to each section and prints on request', async ({ page }) => {
  // The print dialog would block a headless browser; count the calls instead.
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await page.goto(PAGE);
  const rotated = page.getByRole('checkbox', { name: /Global Client Secret rotated/ });
  await expect(rotated).not.toBeChecked();
  await rotated.check();
  await expect(rotated).toBeChecked();
  for (const name of ['Inventory', 'Replace', 'Verify', 'Decommission', 'Watch']) {
    await expect(page.getByRole('group', { name: new RegExp(`\\d\\. ${name}`) }).getByRole('link', { name })).toHaveAttribute('href', `#${name.toLowerCase()}`);
  }
  await page.getByRole('button', { name: 'Print this page' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});

test('printed, the page drops the site chrome and shows the checklist and every language', async ({ page }) => {
  await page.goto(PAGE);
  const sidebarLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Migrate your services' });
  await expect(sidebarLink).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(sidebarLink).toBeHidden();
  await expect(page.locator('.page > header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Search' })).toBeHidden();
  await expect(page.getByRole('tablist')).toBeHidden();
  await expect(page.getByRole('checkbox', { name: /One machine-to-machine application per service/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print this page' })).toBeHidden();
  // Every snippet prints, not only the selected tab.
  for (const title of ['list-applications.mjs', 'list_applications.py', 'list-applications.sh', 'main.go', 'ListApplications.java', 'Program.cs']) {
    await expect(page.locator('figure figcaption', { hasText: title })).toBeVisible();
  }
  // Black on white.
  const colours = await page.locator('.sl-markdown-content p').first().evaluate((element) => {
    const style = getComputedStyle(element);
    return { text: style.color, page: getComputedStyle(document.body).backgroundColor };
  });
  expect(colours).toEqual({ text: 'rgb(0, 0, 0)', page: 'rgb(255, 255, 255)' });

  await page.emulateMedia({ media: 'screen' });
  await expect(sidebarLink).toBeVisible();
});

test('reading, switching tabs and ticking boxes asks nothing of another origin', async ({ page }) => {
  const strays = forbidOtherOrigins(page);
  const requests: string[] = [];
  page.context().on('request', (request) => requests.push(request.url()));
  await page.goto(PAGE);
  for (const { tab } of LANGUAGES) await page.getByRole('tab', { name: tab, exact: true }).click();
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.waitForLoadState('networkidle');
  expect(requests.length).toBeGreaterThan(0);
  expect(strays).toEqual([]);
});
