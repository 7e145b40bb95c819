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
 * Collects every request of the page and its workers that goes anywhere but the site under test,
 * or that reaches the network for the mocked tenant. Tenant requests are fine only when the
 * service worker answers them: one the service worker itself sends on, a tenant response that
 * did not come from the service worker, or a tenant request that failed, means it left the browser.
 */
export function forbidOtherOrigins(page: Page): string[] {
  const site = new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1').origin;
  const strays: string[] = [];
  const context = page.context();
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname === TENANT_HOST) {
      if (request.serviceWorker()) strays.push(`${request.url()} (sent to the network by the service worker)`);
    } else if (url.origin !== site) strays.push(request.url());
  });
  context.on('response', (response) => {
    if (new URL(response.url()).hostname === TENANT_HOST && !response.fromServiceWorker()) {
      strays.push(`${response.url()} (answered by the network, not the service worker)`);
    }
  });
  // A tenant request that fails other than by being cancelled was tried on the network (a .test
  // name never resolves): the service worker was not there to answer it.
  context.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    if (new URL(request.url()).hostname === TENANT_HOST && !error.includes('ERR_ABORTED')) strays.push(`${request.url()} (failed on the network: ${error})`);
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
