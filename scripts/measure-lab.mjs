#!/usr/bin/env node
// Lab figures, measured in real Chromium against a built and served site, on exercise 4 ("Survive
// expiry"): its Run replays three virtual days through the page's tenant, and its Check runs that
// replay again and judges it. With the page's starting code, the heaviest replay a reader meets
// (a token request per call: 44 token requests, 44 API calls and 39 clock moves, each a round trip
// between the run worker and the page), the editor loaded and TypeScript warm:
// - Run: click → run over (Run enabled again) and painted;
// - Check: click → verdict painted.
// Both timed in the page from the click's own time stamp to the next frame.
// Usage: node scripts/measure-lab.mjs http://127.0.0.1:4321 [samples=5] [--json] [--cpu-slowdown=N]
// (--cpu-slowdown slows the page's main thread N times, as DevTools' CPU throttling does: at 4 the
// figures come near the 3.0–4.8 s per Run that issue 24 saw; the bench never uses it)
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';

export const LAB_PAGE = '/lab/survive-expiry/';
const TITLE = 'Exercise 4: survive expiry';
/** What Check says of the starting code; anything else means the replay did not run whole. */
const STARTER_VERDICT = /^Not yet\. 44 token requests for 44 API calls/;
/** Requests the starting code's replay makes; fewer means it was cut short. */
const STARTER_REQUESTS = 127;

/**
 * Arms one timing in the page: from the click on Run or Check (the event's own time stamp) until
 * the run is over or the verdict is in, then the next frame. Resolves in the page to ms.
 */
function armTimer(page, which) {
  return page.evaluateHandle((which) => {
    const host = document.querySelector('token-lab-exercise');
    const playground = host?.querySelector('token-lab-playground');
    const verdict = host?.querySelector('[data-verdict]');
    const button = which === 'run' ? playground?.querySelector('[data-action="run"]') : host?.querySelector('[data-check]');
    if (!host || !playground || !verdict || !button) throw new Error('[bench] the lab page has no exercise, playground, verdict or button to time');
    // A Run is over when the playground stops running; a Check when the verdict says pass or fail.
    const watched = which === 'run' ? playground : verdict;
    const over = which === 'run' ? () => !playground.hasAttribute('data-running') : () => verdict.hasAttribute('data-passed');
    // Wrapped in an object: evaluateHandle would otherwise wait for the promise itself.
    const done = new Promise((resolve, reject) => {
      let clickedAt;
      let started = false;
      button.addEventListener('click', (event) => (clickedAt = event.timeStamp), { once: true, capture: true });
      const observer = new MutationObserver(() => {
        if (clickedAt === undefined) return;
        // The run must have begun first: before it, the playground is idle too.
        if (which === 'run' && playground.hasAttribute('data-running')) started = true;
        if ((which === 'run' && !started) || !over()) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - clickedAt));
      });
      observer.observe(watched, { attributes: true, childList: true, subtree: true });
      setTimeout(() => reject(new Error(`[bench] the lab's ${which} was not over within 60 s`)), 60_000);
    });
    return { done };
  }, which);
}

async function timeOnce(page, region, which) {
  const timer = await armTimer(page, which);
  const button = which === 'run' ? region.getByRole('button', { name: 'Run' }) : page.getByRole('region', { name: 'Check your code' }).getByRole('button', { name: 'Check', exact: true });
  await button.click();
  const ms = await timer.evaluate((armed) => armed.done);
  await page.waitForFunction(() => !document.querySelector('token-lab-playground[data-running]'));
  const seen = await page.evaluate(() => ({
    requests: document.querySelector('token-lab-playground [data-request-list]')?.children.length ?? 0,
    status: document.querySelector('token-lab-playground [data-status]')?.textContent?.trim() ?? '',
    verdict: document.querySelector('token-lab-exercise [data-verdict]')?.textContent?.trim() ?? '',
  }));
  // A replay cut short (a crash, the time limit) would be a fast figure of the wrong thing.
  if (seen.requests !== STARTER_REQUESTS) throw new Error(`[bench] the lab's ${which} showed ${seen.requests} requests, not the replay's ${STARTER_REQUESTS} (status: ${seen.status})`);
  if (which === 'check' && !STARTER_VERDICT.test(seen.verdict)) throw new Error(`[bench] the lab's Check said "${seen.verdict.slice(0, 200)}", not the starting code's verdict`);
  return Math.round(ms * 10) / 10;
}

function summarise(times, load) {
  const sorted = [...times].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { samples: sorted.length, medianMs: pick(0.5), minMs: sorted[0], maxMs: sorted.at(-1), load };
}

/**
 * Opens exercise 4 in a fresh context (no saved code, so the starting code), loads its editor,
 * then times `samples` Runs and `samples` Checks.
 * @param {import('playwright-core').Browser} browser
 * @param {{ cpuSlowdown?: number }} [options] slow the page's main thread down, once the editor is ready
 */
export async function measureLab(browser, origin, samples = 5, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(origin + LAB_PAGE, { waitUntil: 'networkidle' });
    const region = page.getByRole('region', { name: TITLE, exact: true });
    await region.locator('[data-static]').click();
    await region.locator('.monaco-editor').waitFor({ timeout: 60_000 });
    await page.locator('token-lab-playground[data-typescript-ready]').waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    if (options.cpuSlowdown) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown });
    // One untimed replay: the first run also loads the exercise's checks and starts the tenant's work.
    await timeOnce(page, region, 'run');
    const runs = [];
    for (let i = 0; i < samples; i++) runs.push(await timeOnce(page, region, 'run'));
    const runLoad = Math.round(loadavg()[0] * 100) / 100;
    const checks = [];
    for (let i = 0; i < samples; i++) checks.push(await timeOnce(page, region, 'check'));
    const checkLoad = Math.round(loadavg()[0] * 100) / 100;
    return { page: LAB_PAGE, requestsPerReplay: STARTER_REQUESTS, ...(options.cpuSlowdown ? { cpuSlowdown: options.cpuSlowdown } : {}), run: summarise(runs, runLoad), check: summarise(checks, checkLoad) };
  } finally {
    await context.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const origin = positional[0] ?? 'http://127.0.0.1:4321';
  const samples = Number(positional[1] ?? 5);
  const cpuSlowdown = Number(process.argv.find((arg) => arg.startsWith('--cpu-slowdown='))?.split('=')[1] ?? 0);
  const found = await findChromium();
  if (!found) throw new Error('No Chromium: see scripts/find-chromium.mjs');
  const browser = await chromium.launch({ executablePath: found.path, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  let result;
  try {
    result = await measureLab(browser, origin, samples, { cpuSlowdown });
  } finally {
    await browser.close();
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    const line = (name, figure) => `exercise 4 ${name} (${figure.samples} times; load ${figure.load}${cpuSlowdown ? `; main thread ${cpuSlowdown}× slower` : ''}): median ${figure.medianMs} ms, min ${figure.minMs} ms, max ${figure.maxMs} ms`;
    console.log(line('Run → run over', result.run));
    console.log(line('Check → verdict', result.check));
  }
}
