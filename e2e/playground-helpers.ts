import { expect, test, type Page } from '@playwright/test';
import { createShareUrl } from '../src/playground/share-link.ts';

export const PLAYGROUND_PAGE = '/reference/playgrounds/';
export const TENANT_HOST = 'acme.auth0.test';

/** The playground region whose heading is `title`. */
export function playground(page: Page, title: string) {
  return page.getByRole('region', { name: title, exact: true });
}

/** Opens a page (the playground reference by default) with `code` in playground `id`, through a real share link. */
export async function openWithCode(page: Page, id: string, code: string, path = PLAYGROUND_PAGE): Promise<void> {
  const url = await createShareUrl(`http://localhost${path}`, id, code);
  await page.goto(path + new URL(url).hash);
}

/** Waits until Monaco has replaced the static code in a playground. */
export async function editorReady(page: Page, title: string): Promise<void> {
  const region = playground(page, title);
  // Scroll as a reader would (the playground loads on the first scroll that brings it near),
  // without Playwright's stability wait: the page may still be restoring its scroll position.
  // A page too short to scroll fires no scroll event, so send one the way a wheel would.
  await region.evaluate((node) => {
    node.scrollIntoView({ block: 'center' });
    window.dispatchEvent(new Event('scroll'));
  });
  await expect(region.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
  await expect(region.getByRole('status')).toHaveText(/Editor ready|Finished|Running/, { timeout: 45_000 });
  // TypeScript warms up in the background after the editor shows; a Run before then waits for
  // it, which on a busy machine can outlast an assertion's timeout.
  const host = page.locator('token-lab-playground').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  await expect(host).toHaveAttribute('data-typescript-ready', '', { timeout: 60_000 });
}

/**
 * Collects every request of the page and its workers that goes anywhere but the site under test.
 * The mocked tenant included: the page answers a playground's requests itself, over the run
 * worker's MessagePort, so a browser request for the tenant's domain could only mean one went to
 * the network.
 */
export function forbidOtherOrigins(page: Page): string[] {
  const site = new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1').origin;
  const strays: string[] = [];
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname === TENANT_HOST) strays.push(`${request.url()} (the mocked tenant is answered in the page; this request went to the network)`);
    else if (url.origin !== site) strays.push(request.url());
  });
  return strays;
}

/**
 * Does what a reader may do on a page that talks to the network: loads it, searches, and runs
 * each of its playgrounds once as it stands. Returns how many playgrounds ran.
 */
export async function useEveryFeature(page: Page, path: string): Promise<number> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('textbox', { name: 'Search' }).fill('token');
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Escape');

  const titles = await page.locator('token-lab-playground h3').allTextContents();
  for (const title of titles) {
    await editorReady(page, title);
    const region = playground(page, title);
    await region.getByRole('button', { name: 'Run' }).click();
    // However the run ends (a starter may be an unfinished exercise), Run comes back.
    await expect(region.getByRole('button', { name: 'Run' })).toBeEnabled({ timeout: 30_000 });
    await expect(region.getByRole('status')).not.toHaveText(/Editor ready|Running/);
  }
  await page.waitForLoadState('networkidle');
  return titles.length;
}
