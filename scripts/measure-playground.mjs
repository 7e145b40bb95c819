#!/usr/bin/env node
// Playground figures, measured in real Chromium against a built and served site:
// - JS bytes (brotli) the page ships before anyone touches it, and after Monaco has loaded;
// - time from the first click into the playground to an editor ready to run;
// - Run → token on screen: median and p95 over N runs, timed in the page from the click;
// - a first visit's Run pressed as soon as the page has loaded → token on screen;
// - how fast the page answers a click while learner code spins in an endless loop;
// - how fast it answers clicks while a flood of huge refused requests and errors arrives, and how
//   long Run stays disabled after such a run.
// Usage: node scripts/measure-playground.mjs http://127.0.0.1:4321 [runs=20] [--json] [--flood-only]
// (--flood-only measures only the flood figure, in about 15 s instead of a minute or more)
import { loadavg } from 'node:os';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';
import { createShareUrl } from '../src/playground/share-link.ts';

export const PAGE = '/reference/playgrounds/';
const TITLE = 'Get a token';
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * Clicks into the playground and waits until its editor is ready and TypeScript is warm.
 * @param {import('playwright-core').Page} page a page already showing PAGE
 */
export async function openEditor(page) {
  const region = page.getByRole('region', { name: TITLE, exact: true });
  const clicked = Date.now();
  await region.locator('[data-static]').click();
  await region.getByText('Editor ready').waitFor({ timeout: 60_000 });
  await page.locator('token-lab-playground[data-typescript-ready]').first().waitFor({ timeout: 60_000 });
  const firstClickToTypeScriptMs = Date.now() - clicked;
  await page.waitForLoadState('networkidle');
  return { region, firstClickToTypeScriptMs };
}

/**
 * Arms the page to time one Run: from the click on Run (the event's own time stamp) to the first
 * frame after the token chip is in the output. Measured in the page, so the figure is what the
 * reader waits, without the test driver's round trips. Resolves in the page to milliseconds.
 * @param {import('playwright-core').Page} page
 */
async function armRunTimer(page, title = TITLE) {
  return page.evaluateHandle((title) => {
    const region = [...document.querySelectorAll('token-lab-playground')].find((host) => host.querySelector('h3')?.textContent === title);
    if (!region) throw new Error(`[bench] no playground titled ${title}`);
    const output = region.querySelector('[data-output]');
    const run = region.querySelector('[data-action="run"]');
    // Wrapped in an object: evaluateHandle would otherwise wait for the promise itself.
    const done = new Promise((resolve, reject) => {
      let clickedAt;
      run.addEventListener('click', (event) => (clickedAt = event.timeStamp), { once: true, capture: true });
      const observer = new MutationObserver(() => {
        if (clickedAt === undefined || !output.querySelector('button[aria-label*="open the decoded view"]')) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - clickedAt));
      });
      observer.observe(output, { childList: true, subtree: true });
      setTimeout(() => reject(new Error('[bench] no token on screen within 30 s of Run')), 30_000);
    });
    return { done };
  }, title);
}

/**
 * Presses Run once and returns the milliseconds from the click to the token painted on screen,
 * after which it waits for the run to be over so the next press starts a fresh one.
 * @param {import('playwright-core').Page} page @param {import('playwright-core').Locator} region
 */
export async function runToToken(page, region) {
  const timer = await armRunTimer(page);
  await region.getByRole('button', { name: 'Run' }).click();
  const elapsed = await timer.evaluate((armed) => armed.done);
  await region.locator('[data-output]').getByRole('button', { name: /open the decoded view/ }).waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('token-lab-playground[data-running]'));
  return Math.round(elapsed * 10) / 10;
}

/**
 * A first visit: a fresh browser context (empty cache, no service worker), the page loads, and
 * the reader presses Run at once, before the editor or the tenant has loaded. Returns the
 * milliseconds from that click to the token painted, over `samples` fresh visits.
 * @param {import('playwright-core').Browser} browser
 */
export async function coldRunToToken(browser, origin, samples = 5) {
  const times = [];
  for (let i = 0; i < samples; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(origin + PAGE, { waitUntil: 'load' });
    const region = page.getByRole('region', { name: TITLE, exact: true });
    const timer = await armRunTimer(page);
    await region.getByRole('button', { name: 'Run' }).click();
    times.push(Math.round((await timer.evaluate((armed) => armed.done)) * 10) / 10);
    await context.close();
  }
  return { ...summarise(times), load: Math.round(loadavg()[0] * 100) / 100 };
}

/**
 * First visit (empty cache), the reader clicks into the playground's code: milliseconds from the
 * press (the event's own time stamp) to the first frame after the status says "Editor ready.",
 * timed in the page so the driver's round trips are not counted. Median of `samples` visits. The
 * viewport is too short to show the playground, so nothing loads before the press.
 * @param {import('playwright-core').Browser} browser
 */
export async function firstClickToEditorReady(browser, origin, samples = 5) {
  const times = [];
  for (let i = 0; i < samples; i++) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 300 } });
    const page = await context.newPage();
    await page.goto(origin + PAGE, { waitUntil: 'networkidle' });
    const timer = await page.evaluateHandle((title) => {
      const host = [...document.querySelectorAll('token-lab-playground')].find((element) => element.querySelector('h3')?.textContent === title);
      if (!host) throw new Error(`[bench] no playground titled ${title}`);
      const status = host.querySelector('[data-status]');
      const done = new Promise((resolve, reject) => {
        let pressedAt;
        host.addEventListener('pointerdown', (event) => (pressedAt = event.timeStamp), { once: true, capture: true });
        const observer = new MutationObserver(() => {
          if (pressedAt === undefined || status.textContent !== 'Editor ready.') return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - pressedAt));
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        setTimeout(() => reject(new Error('[bench] the editor was not ready within 60 s of the first click')), 60_000);
      });
      return { done };
    }, TITLE);
    await page.getByRole('region', { name: TITLE, exact: true }).locator('[data-static]').click();
    times.push(Math.round((await timer.evaluate((armed) => armed.done)) * 10) / 10);
    await context.close();
  }
  return { ...summarise(times), load: Math.round(loadavg()[0] * 100) / 100 };
}

function summarise(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { runs: sorted.length, medianMs: pick(0.5), p95Ms: pick(0.95), minMs: sorted[0], maxMs: sorted.at(-1) };
}

/**
 * Opens the playground with an endless loop through a share link, presses Run and, while the
 * worker spins, times `samples` clicks on the theme picker from dispatch to the next frame. The
 * e2e suite checks that the page takes input during such a run; this is how quickly it does.
 * @param {import('playwright-core').Browser} browser
 */
export async function clickLatencyDuringLoop(browser, origin, samples = 10) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const url = await createShareUrl(`http://localhost${PAGE}`, 'get-token', 'while (true) {}');
  await page.goto(origin + PAGE + new URL(url).hash, { waitUntil: 'networkidle' });
  const { region } = await openEditor(page);
  await region.getByRole('button', { name: 'Run' }).click();
  await page.locator('token-lab-playground[data-running]').first().waitFor();
  const times = [];
  for (let i = 0; i < samples; i++) {
    times.push(
      await page.evaluate(async () => {
        const target = document.querySelector('starlight-theme-select select') ?? document.body;
        const start = performance.now();
        await new Promise((resolve) => {
          target.addEventListener('click', resolve, { once: true });
          target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        });
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return performance.now() - start;
      }),
    );
  }
  const stillRunning = await page.locator('token-lab-playground[data-running]').count();
  await context.close();
  if (!stillRunning) throw new Error('[bench] the endless loop stopped before the clicks were timed; the figure would not be a during-run figure');
  times.sort((a, b) => a - b);
  return { samples, medianMs: Math.round(times[Math.floor(times.length / 2)] * 10) / 10, maxMs: Math.round(times.at(-1) * 10) / 10 };
}

/**
 * Learner code that floods the page: 200 refused requests to a 1 MB URL and 200 errors with a
 * 1 MB message, then a 4 s wait, so the run (time limit 5 s) is still going while the page takes
 * the flood in. Its last line tells the bench when the code itself ended, on the clock the page
 * shares (timeOrigin + now; Date may be the tenant's clock): the line reaches the page behind the
 * flood, but carries the time it was written.
 */
export const FLOOD_CODE = [
  "const huge = 'https://evil.example/' + 'a'.repeat(1_000_000);",
  'for (let i = 0; i < 200; i++) fetch(huge + i).catch(() => {});',
  "for (let i = 0; i < 200; i++) console.error(new Error('x'.repeat(1_000_000)));",
  'await new Promise((resolve) => setTimeout(resolve, 4_000));',
  "console.log('bench: code ended at ' + (performance.timeOrigin + performance.now()));",
].join('\n');

/** Milliseconds between two clicks of the flood figure. */
const FLOOD_CLICK_EVERY_MS = 50;
/** How long the flood figure waits for Run to be enabled again (45 s measured on a page without caps). */
const FLOOD_RUN_CAP_MS = 120_000;

/**
 * Opens the playground with {@link FLOOD_CODE} through a share link, presses Run and, from then
 * until Run is enabled again, clicks the theme picker every 50 ms; each click is timed in the page
 * from the event's own time stamp to the next frame. Also returns how long Run stayed disabled,
 * from its press and from the run's end (the code's last line or its time limit).
 *
 * The clicks are real input (CDP), sent on a fixed beat without waiting for the page to answer:
 * a click's time stamp is when it was sent, so a frozen main thread counts in full. The loop figure
 * above dispatches its clicks from page.evaluate, which itself waits for the main thread and
 * would time a click only after a freeze ended; and clicks that each wait for the previous answer
 * would put one click, not one per 50 ms, into a freeze (coordinated omission).
 * @param {import('playwright-core').Browser} browser
 */
export async function clickLatencyDuringRequestFlood(browser, origin) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const url = await createShareUrl(`http://localhost${PAGE}`, 'get-token', FLOOD_CODE);
    await page.goto(origin + PAGE + new URL(url).hash, { waitUntil: 'networkidle' });
    const { region } = await openEditor(page);
    // The header is fixed, so the picker stays under the same point while the output grows.
    const box = await page.getByRole('combobox', { name: 'Select theme' }).filter({ visible: true }).first().boundingBox();
    if (!box) throw new Error('[bench] no visible theme picker to click');
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2, button: 'left', clickCount: 1 };
    const probe = await page.evaluateHandle((title) => {
      const host = [...document.querySelectorAll('token-lab-playground')].find((candidate) => candidate.querySelector('h3')?.textContent === title);
      const run = host?.querySelector('[data-action="run"]');
      if (!run) throw new Error(`[bench] no Run button in the playground titled ${title}`);
      const probe = { clicks: [], runPressedAt: undefined };
      const onPicker = (event) => event.isTrusted && event.target instanceof Element && event.target.closest('starlight-theme-select');
      // The picker's list must stay closed: an open list would take the next clicks from the page.
      addEventListener('mousedown', (event) => onPicker(event) && event.preventDefault(), { capture: true });
      addEventListener('click', (event) => {
        if (!onPicker(event)) return;
        event.preventDefault();
        const at = event.timeStamp;
        requestAnimationFrame(() => probe.clicks.push(performance.now() - at));
      }, { capture: true });
      run.addEventListener('click', (event) => (probe.runPressedAt ??= event.timeStamp), { capture: true });
      // The code's last line, read once the run is over. Text node by text node: a page without
      // caps holds hundreds of megabytes of output, which one textContent would copy.
      probe.codeEndedAt = () => {
        const walker = document.createTreeWalker(host.querySelector('[data-output]') ?? host, NodeFilter.SHOW_TEXT);
        let ended;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const match = node.data.length < 200 && /bench: code ended at ([\d.]+)/.exec(node.data);
          if (match) ended = Number(match[1]) - performance.timeOrigin;
        }
        return ended;
      };
      probe.timeLimitMs = Number(host.dataset.timeLimit) || undefined;
      probe.requestsShown = () => host.querySelector('[data-request-list]')?.children.length ?? 0;
      probe.status = () => host.querySelector('[data-status]')?.textContent?.trim().slice(0, 200) ?? '';
      // Wrapped in an object: evaluateHandle would otherwise wait for the promise itself.
      probe.runEnabled = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (probe.runPressedAt === undefined || run.disabled) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now()));
        });
        observer.observe(run, { attributes: true, attributeFilter: ['disabled'] });
      });
      return probe;
    }, TITLE);
    let runEnabledAt = null;
    const runEnabled = probe.evaluate((armed) => armed.runEnabled).then((at) => (runEnabledAt = at));
    runEnabled.catch(() => {}); // a page closed by an error below must not also reject unhandled

    const cdp = await context.newCDPSession(page);
    const answers = [];
    await region.getByRole('button', { name: 'Run' }).click();
    const pressed = Date.now();
    while (runEnabledAt === null && Date.now() - pressed < FLOOD_RUN_CAP_MS) {
      answers.push(cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...point }), cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...point }));
      await new Promise((resolve) => setTimeout(resolve, FLOOD_CLICK_EVERY_MS));
    }
    const sent = answers.length / 2;
    // A page that never answers again would otherwise hold the bench forever.
    let gaveUp;
    await Promise.race([Promise.all(answers), new Promise((resolve, reject) => (gaveUp = setTimeout(() => reject(new Error(`[bench] the page had not answered the flood's clicks 60 s after the last one`)), 60_000)))]);
    clearTimeout(gaveUp);
    const load = Math.round(loadavg()[0] * 100) / 100;
    const seen = await probe.evaluate(async (armed) => {
      // The last click's frame.
      for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      return { clicks: armed.clicks, runPressedAt: armed.runPressedAt, codeEndedAt: armed.codeEndedAt(), timeLimitMs: armed.timeLimitMs, requestsShown: armed.requestsShown(), status: armed.status() };
    });
    // No refused request on screen: the code did not flood the page, so the clicks timed an idle one.
    if (runEnabledAt !== null && seen.requestsShown === 0) throw new Error(`[bench] the flood's run ended with no request in the Requests panel (status: ${seen.status}); the figure would not be a during-flood figure`);
    if (seen.clicks.length !== sent) throw new Error(`[bench] ${sent} clicks sent during the flood, but the page saw ${seen.clicks.length}: the figure would leave clicks out`);
    const times = summarise(seen.clicks.map((ms) => Math.round(ms * 10) / 10));
    const round = (ms) => (typeof ms === 'number' ? Math.round(ms) : null);
    // The run is over when the code has run its last line or its time limit is up, whichever comes
    // first: a page too busy to stop the code at the limit is still the page's delay.
    const limitUpAt = seen.timeLimitMs === undefined ? undefined : seen.runPressedAt + seen.timeLimitMs;
    const runEndedAt = [seen.codeEndedAt, limitUpAt].filter((at) => at !== undefined).reduce((a, b) => Math.min(a, b), Infinity);
    return {
      samples: times.runs,
      everyMs: FLOOD_CLICK_EVERY_MS,
      medianMs: times.medianMs,
      p95Ms: times.p95Ms,
      maxMs: times.maxMs,
      // null: still disabled when the bench stopped waiting (FLOOD_RUN_CAP_MS).
      runPressToRunEnabledMs: runEnabledAt === null ? null : round(runEnabledAt - seen.runPressedAt),
      runEndToRunEnabledMs: runEnabledAt === null || runEndedAt === Infinity ? null : round(runEnabledAt - runEndedAt),
      // null when the code's last line is not in the output: the time limit stopped the code
      // first, or the output was cut short before it.
      codeEndedAfterRunPressMs: seen.codeEndedAt === undefined ? null : round(seen.codeEndedAt - seen.runPressedAt),
      timeLimitMs: seen.timeLimitMs ?? null,
      waitedMs: FLOOD_RUN_CAP_MS,
      requestsShown: seen.requestsShown,
      runStatus: seen.status,
      load,
    };
  } finally {
    await context.close();
  }
}

export async function measurePlayground(browser, origin, runs = 20) {
  // A viewport too short to show the playground, so nothing loads before the click.
  const context = await browser.newContext({ viewport: { width: 1200, height: 300 } });
  const page = await context.newPage();
  const scripts = [];
  let phase = 'before';
  context.on('response', async (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && !response.url().endsWith('.js')) return;
    try {
      // Compressed after the timings: brotli q11 of the 7 MB TypeScript worker takes seconds of
      // this process's CPU, which would otherwise be counted as the editor's load time.
      scripts.push({ url: new URL(response.url()).pathname, body: await response.body(), phase });
    } catch {
      // Bodies of worker scripts are not always readable from the page's context.
    }
  });
  await page.goto(origin + PAGE, { waitUntil: 'networkidle' });
  phase = 'after';

  const { region, firstClickToTypeScriptMs } = await openEditor(page);
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await runToToken(page, region));
  // The 1-minute load average as the runs end: the budget check allows a busy machine more.
  const warmLoad = Math.round(loadavg()[0] * 100) / 100;
  await context.close();
  const clickDuringEndlessLoop = await clickLatencyDuringLoop(browser, origin);
  const clickDuringRequestFlood = await clickLatencyDuringRequestFlood(browser, origin);
  const coldRun = await coldRunToToken(browser, origin);
  const firstClickToReady = await firstClickToEditorReady(browser, origin);
  // Each Run starts a new worker from the same (cached) script: count every URL once.
  const seen = new Set();
  scripts.splice(0, scripts.length, ...scripts.filter((script) => !seen.has(script.url) && seen.add(script.url)));
  for (const script of scripts) script.brotli = brotli(script.body);
  const before = scripts.filter((script) => script.phase === 'before').reduce((sum, script) => sum + script.brotli, 0);
  const after = scripts.reduce((sum, script) => sum + script.brotli, 0);
  return {
    page: PAGE,
    jsBeforeInteractionBrotli: before,
    jsAfterEditorBrotli: after,
    onDemandBrotli: after - before,
    firstClickToReady,
    firstClickToTypeScriptMs,
    runToToken: { ...summarise(times), load: warmLoad },
    coldRunToToken: coldRun,
    clickDuringEndlessLoop,
    clickDuringRequestFlood,
    largestScripts: scripts.sort((a, b) => b.brotli - a.brotli).slice(0, 6).map(({ url, brotli: size }) => ({ url, brotli: size })),
  };
}

/** One line about the flood figure, for the command line. */
function floodLine(flood) {
  const enabled = flood.runPressToRunEnabledMs === null ? `still disabled ${flood.waitedMs / 1000} s after Run` : `enabled again ${flood.runPressToRunEnabledMs} ms after Run, ${flood.runEndToRunEnabledMs} ms after the run ended`;
  return `click during a flood of huge refused requests (${flood.samples} clicks, one per ${flood.everyMs} ms from Run; load ${flood.load}): median ${flood.medianMs} ms, p95 ${flood.p95Ms} ms, max ${flood.maxMs} ms; Run ${enabled}; ${flood.requestsShown} requests shown; status: ${flood.runStatus}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const origin = positional[0] ?? 'http://127.0.0.1:4321';
  const runs = Number(positional[1] ?? 20);
  const found = await findChromium();
  if (!found) throw new Error('No Chromium: see scripts/find-chromium.mjs');
  const browser = await chromium.launch({ executablePath: found.path, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  if (process.argv.includes('--flood-only')) {
    let flood;
    try {
      flood = await clickLatencyDuringRequestFlood(browser, origin);
    } finally {
      await browser.close();
    }
    console.log(process.argv.includes('--json') ? JSON.stringify({ clickDuringRequestFlood: flood }, null, 2) : floodLine(flood));
  } else {
    const result = await measurePlayground(browser, origin, runs);
    await browser.close();
    if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
    else {
      const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
      console.log(`JS before interaction: ${kib(result.jsBeforeInteractionBrotli)} brotli`);
      console.log(`JS after the editor loaded: ${kib(result.jsAfterEditorBrotli)} (on demand: ${kib(result.onDemandBrotli)})`);
      console.log(`first click → editor ready: median ${result.firstClickToReady.medianMs} ms of ${result.firstClickToReady.runs} (TypeScript warmed: ${result.firstClickToTypeScriptMs} ms)`);
      console.log(`Run → token (${runs} runs): median ${result.runToToken.medianMs} ms, p95 ${result.runToToken.p95Ms} ms`);
      console.log(`first visit, Run at once → token (${result.coldRunToToken.runs} visits): median ${result.coldRunToToken.medianMs} ms, max ${result.coldRunToToken.maxMs} ms`);
      console.log(`click during an endless loop (${result.clickDuringEndlessLoop.samples} clicks): median ${result.clickDuringEndlessLoop.medianMs} ms, max ${result.clickDuringEndlessLoop.maxMs} ms`);
      console.log(floodLine(result.clickDuringRequestFlood));
      for (const script of result.largestScripts) console.log(`   ${kib(script.brotli)}  ${script.url}`);
    }
  }
}
