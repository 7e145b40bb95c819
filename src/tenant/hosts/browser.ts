/**
 * The page's one mocked tenant: restored from localStorage, saved again whenever it changes, and
 * answering every playground on the page.
 *
 * A playground's run worker has no network: it sends each request to the page over a
 * MessagePort, and `answer` resolves it here with the tenant's MSW handlers (MSW's
 * `getResponse`). There is no service worker in between any more: a service worker passes to the
 * network whatever it cannot hand to a page (a closed tab, a hidden one, a request marked for
 * passthrough), and the sandbox must never do that.
 */
import { createTenant, restoreTenant, type Tenant } from '../index.ts';
import { createTenantResponder } from './tenant-responder.ts';

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
  /** Answers a request with the tenant's handlers, or `undefined` when none matches. Never touches the network. */
  answer(request: Request): Promise<Response | undefined>;
  /**
   * A `fetch` for the page's own widgets, answered by the tenant in the page: the calls a
   * reader's server would send, with no network behind them (the page's CSP would refuse the
   * tenant's domain anyway). A request no handler answers fails as a network error would.
   */
  fetch: typeof fetch;
}

let started: Promise<BrowserTenant> | undefined;

/** Starts (once per page) the tenant and the service worker that serves it. */
export function startBrowserTenant(): Promise<BrowserTenant> {
  started ??= start();
  return started;
}

async function start(): Promise<BrowserTenant> {
  void forgetOldServiceWorker();
  const saved = readSaved();
  // Real time passes for the reader; lessons add virtual time on top with clock.advance().
  const options = { clockSource: () => Date.now() };
  const outcome = saved === null
    ? await createTenant(options).then((made) => ({ tenant: made, restored: false as const, problem: undefined }))
    : await restoreTenant(saved, options);
  let tenant = outcome.tenant;
  const notice =
    saved !== null && !outcome.restored
      ? 'Your saved sandbox tenant could not be read, so it was reset to the starting data.'
      : undefined;
  if (notice) console.warn(outcome.problem ?? notice);

  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const changed = () => {
    save(tenant);
    notify();
  };
  let unsubscribe = tenant.onChange(changed);
  const replace = (next: Tenant) => {
    unsubscribe();
    tenant = next;
    unsubscribe = tenant.onChange(changed);
  };
  save(tenant);
  followOtherTabs(options, (next) => {
    // Not saved again: the other tab's save is what brought it, and a save here would echo back.
    replace(next);
    notify();
  });
  const answer = createTenantResponder(() => tenant);
  const inPageFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const response = await answer(request);
    if (!response || response.type === 'error') throw new TypeError(`[tenant] The sandbox tenant has no answer for ${request.method} ${request.url}.`);
    return response;
  };

  return {
    get tenant() {
      return tenant;
    },
    ...(notice ? { notice } : {}),
    async reset() {
      replace(await createTenant(options));
      changed();
      return tenant;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    answer,
    fetch: inPageFetch,
  };
}

/**
 * Earlier versions served the tenant from MSW's service worker (`/mockServiceWorker.js`). A
 * reader who visited then still has it registered; it would sit between this page and the
 * network doing nothing useful, so it is removed.
 */
async function forgetOldServiceWorker(): Promise<void> {
  try {
    const registrations = await navigator.serviceWorker?.getRegistrations() ?? [];
    for (const registration of registrations) {
      const script = (registration.active ?? registration.waiting ?? registration.installing)?.scriptURL ?? '';
      if (script.endsWith('/mockServiceWorker.js')) await registration.unregister();
    }
  } catch {
    // No service workers here (a private window, a file: page): nothing to forget.
  }
}

/**
 * Every open tab holds the tenant in memory and saves all of it on each change, so without this
 * the last tab to change anything would save over the others' changes (a reset in one tab undone
 * by a click in another). When another tab saves, this one adopts what it saved. A save made here
 * while the copy is being restored wins: the stored text is read again until it holds still.
 */
function followOtherTabs(options: { clockSource: () => number }, adopt: (tenant: Tenant) => void): void {
  let queue = Promise.resolve();
  const adoptSaved = async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const text = readSaved();
      if (text === null) return; // Storage cleared or disabled: keep this tab's tenant.
      const outcome = await restoreTenant(text, options);
      if (readSaved() !== text) continue;
      // A copy this page cannot read is not adopted; this tab's next change saves a good one.
      if (outcome.restored) adopt(outcome.tenant);
      return;
    }
  };
  addEventListener('storage', (event) => {
    if (event.key !== TENANT_STORAGE_KEY || event.storageArea !== localStorage) return;
    queue = queue.then(adoptSaved).catch((error: unknown) => console.warn('[tenant] could not follow a change made in another tab', error));
  });
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
