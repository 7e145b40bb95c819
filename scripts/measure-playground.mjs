#!/usr/bin/env node
// Playground figures, measured in real Chromium against a built and served site:
// - JS bytes (brotli) the page ships before anyone touches it, and after Monaco has loaded;
// - time from the first click into the playground to an editor ready to run;
// - Run → token on screen: median and p95 over N runs, timed in the page from the click;
// - a first visit's Run pressed as soon as the page has loaded → token on screen;
// - how fast the page answers a click while learner code spins in an endless loop.
// Usage: node scripts/measure-playground.mjs http://127.0.0.1:4321 [runs=20] [--json]
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
  const firstClickToReadyMs = Date.now() - clicked;
  await page.locator('token-lab-playground[data-typescript-ready]').first().waitFor({ timeout: 60_000 });
  const firstClickToTypeScriptMs = Date.now() - clicked;
  await page.waitForLoadState('networkidle');
  return { region, firstClickToReadyMs, firstClickToTypeScriptMs };
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

  const { region, firstClickToReadyMs, firstClickToTypeScriptMs } = await openEditor(page);
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await runToToken(page, region));
  // The 1-minute load average as the runs end: the budget check allows a busy machine more.
  const warmLoad = Math.round(loadavg()[0] * 100) / 100;
  await context.close();
  const clickDuringEndlessLoop = await clickLatencyDuringLoop(browser, origin);
  const coldRun = await coldRunToToken(browser, origin);
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
    firstClickToReadyMs,
    firstClickToTypeScriptMs,
    runToToken: { ...summarise(times), load: warmLoad },
    coldRunToToken: coldRun,
    clickDuringEndlessLoop,
    largestScripts: scripts.sort((a, b) => b.brotli - a.brotli).slice(0, 6).map(({ url, brotli: size }) => ({ url, brotli: size })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const origin = process.argv[2] ?? 'http://127.0.0.1:4321';
  const runs = Number(process.argv[3] ?? 20);
  const found = await findChromium();
  if (!found) throw new Error('No Chromium: see scripts/find-chromium.mjs');
  const browser = await chromium.launch({ executablePath: found.path, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const result = await measurePlayground(browser, origin, runs);
  await browser.close();
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
    console.log(`JS before interaction: ${kib(result.jsBeforeInteractionBrotli)} brotli`);
    console.log(`JS after the editor loaded: ${kib(result.jsAfterEditorBrotli)} (on demand: ${kib(result.onDemandBrotli)})`);
    console.log(`first click → editor ready: ${result.firstClickToReadyMs} ms (TypeScript warmed: ${result.firstClickToTypeScriptMs} ms)`);
    console.log(`Run → token (${runs} runs): median ${result.runToToken.medianMs} ms, p95 ${result.runToToken.p95Ms} ms`);
    console.log(`first visit, Run at once → token (${result.coldRunToToken.runs} visits): median ${result.coldRunToToken.medianMs} ms, max ${result.coldRunToToken.maxMs} ms`);
    for (const script of result.largestScripts) console.log(`   ${kib(script.brotli)}  ${script.url}`);
  }
}
