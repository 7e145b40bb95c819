/**
 * The page's one mocked tenant: restored from localStorage, served to every playground on the
 * page through MSW's service worker, saved again whenever it changes.
 *
 * Requests from a playground's Web Worker reach the service worker too (a dedicated worker is
 * controlled by its page's service worker), and MSW resolves them here, on the page.
 */
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createTenant, restoreTenant, tenantHandlers, type Tenant } from '../index.ts';

/** Where the tenant is kept between visits. */
export const TENANT_STORAGE_KEY = 'token-lab:tenant';

/** What starting the browser tenant gives back. */
export interface BrowserTenant {
  tenant: Tenant;
  /** Set when saved state had to be thrown away (shown to the reader once). */
  notice?: string;
  /** Forget all changes and start from the seed. */
  reset(): Promise<Tenant>;
  /**
   * Calls `listener` after every change to the tenant (records, clock, drills, legacy mode) and
   * after a reset, so every widget on a page shows the same state. Returns an unsubscribe.
   */
  subscribe(listener: () => void): () => void;
}

let started: Promise<BrowserTenant> | undefined;

/** Starts (once per page) the tenant and the service worker that serves it. */
export function startBrowserTenant(): Promise<BrowserTenant> {
  started ??= start();
  return started;
}

async function start(): Promise<BrowserTenant> {
  const saved = readSaved();
  // Real time passes for the reader; lessons add virtual time on top with clock.advance().
  const options = { clockSource: () => Date.now() };
  // The service worker registers while the tenant makes its signing keys: on a first visit both
  // take a while, and a Run pressed at once waits for the slower, not for the sum. Nothing asks
  // the tenant before this function returns, so the handlers can come once it exists.
  const worker = setupWorker();
  const [outcome] = await Promise.all([
    saved === null ? createTenant(options).then((made) => ({ tenant: made, restored: false as const, problem: undefined })) : restoreTenant(saved, options),
    worker.start({ quiet: true, serviceWorker: { url: `${import.meta.env.BASE_URL.replace(/\/$/, '')}/mockServiceWorker.js` } }),
  ]);
  await pageControlled();
  let tenant = outcome.tenant;
  const notice =
    saved !== null && !outcome.restored
      ? 'Your saved sandbox tenant could not be read, so it was reset to the starting data.'
      : undefined;
  if (notice) console.warn(outcome.problem ?? notice);

  const listeners = new Set<() => void>();
  const changed = () => {
    save(tenant);
    for (const listener of listeners) listener();
  };
  let unsubscribe = tenant.onChange(changed);
  save(tenant);
  worker.resetHandlers(...handlersFor(tenant));

  return {
    get tenant() {
      return tenant;
    },
    ...(notice ? { notice } : {}),
    async reset() {
      unsubscribe();
      tenant = await createTenant(options);
      unsubscribe = tenant.onChange(changed);
      worker.resetHandlers(...handlersFor(tenant));
      changed();
      return tenant;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Waits until the service worker controls this page. A Web Worker takes its service worker from
 * the page when it is made, so run workers made before this point would send the learner's
 * requests to the network. MSW's start already waits for activation, which claims the page; this
 * covers the moment before the page hears of it.
 */
async function pageControlled(): Promise<void> {
  const container = navigator.serviceWorker;
  if (!container || container.controller) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 3_000);
    container.addEventListener('controllerchange', done, { once: true });
  });
}

function handlersFor(tenant: Tenant) {
  return [
    ...tenantHandlers(tenant),
    // Belt and braces behind the worker's own fetch guard: a request to any other origin is
    // answered with a network error here instead of leaving the browser.
    http.all(
      ({ request }) => new URL(request.url).origin !== self.location.origin,
      () => HttpResponse.error(),
    ),
  ];
}

function readSaved(): string | null {
  try {
    return localStorage.getItem(TENANT_STORAGE_KEY);
  } catch {
    return null; // Storage disabled: the tenant simply lives for this page view.
  }
}

function save(tenant: Tenant): void {
  try {
    localStorage.setItem(TENANT_STORAGE_KEY, JSON.stringify(tenant.toJSON()));
  } catch (error) {
    console.warn('[playground] could not save the sandbox tenant; changes last until you leave the page.', error);
  }
}
