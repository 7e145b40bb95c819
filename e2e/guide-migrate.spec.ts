import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { GUIDE_PROGRAMS_DIR as PROGRAMS, pinnedSdk } from '../src/components/migration-snippets/pinned-sdk.ts';
import { RUNBOOK_SECTIONS } from '../src/components/migration-checklist/checklist-items.ts';
import { forbidOtherOrigins } from './playground-helpers.ts';

const PAGE = '/guides/migrate-your-services/';
const manifest = (file: string) => readFileSync(`${PROGRAMS}/${file}`, 'utf8');
/** Each tab, a line of its program, and the version line read from the program's own manifest. */
const LANGUAGES = [
  { tab: 'Node', shows: 'new ManagementClient', ranWith: pinnedSdk('npm', manifest('node/package.json')) },
  { tab: 'Python', shows: 'from auth0.management import ManagementClient', ranWith: pinnedSdk('pip', manifest('python-sdk/requirements.txt')) },
  { tab: 'Python (standard library)', shows: 'urllib.request', ranWith: undefined },
  { tab: 'Go', shows: 'option.WithClientCredentials', ranWith: pinnedSdk('go', manifest('go/go.mod')) },
  { tab: 'Java', shows: 'ManagementApi.builder()', ranWith: pinnedSdk('maven', manifest('java/pom.xml')) },
  { tab: 'curl', shows: 'client_secret@-', ranWith: undefined },
  { tab: '.NET', shows: 'ClientCredentialsTokenProvider', ranWith: undefined },
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
  // The Inventory step holds the triage tool itself, and links to its own page.
  await expect(page.getByRole('textbox', { name: 'Paste a token or a config file' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'a page of its own' })).toHaveAttribute('href', '/reference/token-triage/');
});

test('the tabs switch the program between seven tabs, one shown at a time, each saying what it ran with', async ({ page }) => {
  await page.goto(PAGE);
  for (const { tab, shows, ranWith } of LANGUAGES) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
    const panel = page.getByRole('tabpanel', { name: tab, exact: true });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText(shows);
    if (ranWith) await expect(panel).toContainText(`with ${ranWith.name} ${ranWith.version}`);
    if (tab === '.NET') await expect(panel).toContainText(/Not run here: this project.s machines have no \.NET toolchain\./);
    else await expect(panel).toContainText('on every CI run');
    await expect(panel).not.toContainText('AUTH0_BASE_URL');
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
  await page.getByRole('button', { name: 'Print the whole guide' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(page.getByRole('status').filter({ hasText: 'the whole guide is printed' })).toBeVisible();
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
  await expect(page.getByRole('button', { name: 'Print the checklist' })).toBeHidden();
  // Every snippet prints, not only the selected tab.
  for (const title of ['node/list-applications.mjs', 'python-sdk/list_applications.py', 'python/list_applications.py', 'curl/list-applications.sh', 'go/main.go', 'ListApplications.java', 'dotnet/Program.cs']) {
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

test('each checklist line that names a part of the runbook links to a heading that exists', async ({ page }) => {
  await page.goto(PAGE);
  const links = page.locator('[data-migration-checklist] a.tl-checklist-see');
  const count = await links.count();
  expect(count).toBeGreaterThanOrEqual(15);
  for (let index = 0; index < count; index++) {
    const href = await links.nth(index).getAttribute('href');
    const target = page.locator(`.sl-markdown-content :is(h2, h3)[id="${href!.slice(1)}"]`);
    await expect(target, href!).toHaveCount(1);
  }
});
