import { expect, type Page } from '@playwright/test';
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

/** Fails the test if the page or any of its workers asks for a host other than the site or the mocked tenant. */
export function forbidOtherOrigins(page: Page): string[] {
  const strays: string[] = [];
  page.context().on('request', (request) => {
    const { hostname, protocol } = new URL(request.url());
    if (protocol === 'data:' || protocol === 'blob:') return;
    if (hostname !== '127.0.0.1' && hostname !== 'localhost' && hostname !== TENANT_HOST) strays.push(request.url());
  });
  return strays;
}
