#!/usr/bin/env node
// The playground soak: many Runs in one page without a reload, as a learner who keeps
// pressing Run through a long session. Records the page's JS heap (after a forced garbage
// collection), DOM counters and the renderer processes' resident memory at the start, every
// `every` runs and at the end, and counts the run workers: each Run must use exactly one, and
// only the unused spare waiting for the next Run may be alive at the end.
// Usage: npx node scripts/soak-playground.mjs http://127.0.0.1:4321 [runs=500] [--json]
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';
import { openEditor, PAGE, runToToken } from './measure-playground.mjs';

// The run worker is started from a blob: URL (so it inherits the page's CSP, see
// create-run-worker.ts); Monaco's editor and TypeScript workers come from script URLs and live as
// long as the editor.
const RUN_WORKER = /^blob:/;

/** Resident memory of every renderer process, from /proc (Linux only; null elsewhere). */
async function rendererResidentBytes(browserSession) {
  try {
    const { processInfo } = await browserSession.send('SystemInfo.getProcessInfo');
    let total = 0;
    for (const info of processInfo.filter((process) => process.type === 'renderer')) {
      const status = readFileSync(`/proc/${info.id}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    }
    return total;
  } catch {
    return null;
  }
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 * @param {{ runs?: number, every?: number, log?: (line: string) => void }} [options]
 */
export async function soakPlayground(browser, origin, { runs = 500, every = 100, log = () => {} } = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 300 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const browserSession = await browser.newBrowserCDPSession();
  await cdp.send('Performance.enable');

  let started = 0;
  let closed = 0;
  page.on('worker', (worker) => {
    if (!RUN_WORKER.test(worker.url())) return;
    started++;
    worker.on('close', () => closed++);
  });

  // Chromium lists every dedicated worker as a target of type "worker", Playwright's own
  // bookkeeping aside: both must agree that no run worker outlives its run.
  const liveWorkers = async () => {
    const { targetInfos } = await browserSession.send('Target.getTargets');
    const workers = targetInfos.filter((target) => target.type === 'worker');
    return {
      all: workers.length,
      run: workers.filter((target) => RUN_WORKER.test(target.url)).length,
      runPerPlaywright: page.workers().filter((worker) => RUN_WORKER.test(worker.url())).length,
    };
  };

  const sample = async (afterRuns) => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name) => metrics.find((metric) => metric.name === name)?.value ?? NaN;
    const point = {
      afterRuns,
      jsHeapUsedBytes: value('JSHeapUsedSize'),
      jsHeapTotalBytes: value('JSHeapTotalSize'),
      domNodes: value('Nodes'),
      jsEventListeners: value('JSEventListeners'),
      documents: value('Documents'),
      rendererResidentBytes: await rendererResidentBytes(browserSession),
      workers: await liveWorkers(),
    };
    log(`[bench] soak after ${afterRuns} runs: heap ${(point.jsHeapUsedBytes / 2 ** 20).toFixed(1)} MiB, ${point.domNodes} nodes, ${point.jsEventListeners} listeners, ${point.workers.all} workers (${point.workers.run} run)`);
    return point;
  };

  await page.goto(origin + PAGE, { waitUntil: 'networkidle' });
  const { region } = await openEditor(page);
  const began = Date.now();
  const samples = [await sample(0)];
  const times = [];
  for (let run = 1; run <= runs; run++) {
    times.push(await runToToken(page, region));
    if (run % every === 0 || run === runs) samples.push(await sample(run));
  }
  const seconds = Math.round((Date.now() - began) / 1000);
  // A worker's close event can trail the run's end by a moment; give the last one time to land.
  // One worker stays open on purpose: the unused spare that waits for the next Run.
  for (let waited = 0; closed < started - 1 && waited < 5000; waited += 100) await page.waitForTimeout(100);
  await context.close();
  times.sort((a, b) => a - b);
  const start = samples[0];
  const end = samples.at(-1);
  return {
    page: PAGE,
    runs,
    seconds,
    runToToken: { medianMs: times[Math.floor(times.length / 2)], p95Ms: times[Math.ceil(0.95 * times.length) - 1], maxMs: times.at(-1) },
    samples,
    heapGrowthBytes: end.jsHeapUsedBytes - start.jsHeapUsedBytes,
    domNodeGrowth: end.domNodes - start.domNodes,
    listenerGrowth: end.jsEventListeners - start.jsEventListeners,
    runWorkersStarted: started,
    runWorkersClosed: closed,
    liveRunWorkersAtEnd: Math.max(end.workers.run, end.workers.runPerPlaywright, started - closed),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const origin = process.argv[2] ?? 'http://127.0.0.1:4321';
  const runs = Number(process.argv[3] ?? 500);
  const found = await findChromium();
  if (!found) throw new Error('No Chromium: see scripts/find-chromium.mjs');
  const browser = await chromium.launch({ executablePath: found.path, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const result = await soakPlayground(browser, origin, { runs, every: Math.min(100, runs), log: console.log });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
  }
}
