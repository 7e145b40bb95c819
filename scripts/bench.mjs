#!/usr/bin/env node
// `npm run bench`: builds the site, serves it, and measures what readers and operators feel.
// Writes bench/results.json and bench/RESULTS.md. Figures, not assertions: nothing here fails
// a test run. `--check` exits non-zero when a budget is missed.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';
import { scriptBytesBeforeInteraction } from './page-weight.mjs';
import { measurePlayground } from './measure-playground.mjs';
import { builtPagePaths } from './built-page-paths.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4390);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const BUDGETS = { readingPageJsBrotli: 30 * 1024, monacoBrotli: 2.2 * 1024 * 1024, buildSeconds: 60, buildPeakMiB: 2560 };

function build() {
  // /usr/bin/time reports on stderr; the build's own output is dropped.
  let report;
  try {
    report = execFileSync('bash', ['-c', '/usr/bin/time -v npm run build 2>&1 >/dev/null'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`[bench] the build failed:\n${error.stdout ?? ''}`, { cause: error });
  }
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(report);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  return { wallSeconds: Math.round(seconds * 10) / 10, peakMiB: rss ? Math.round(Number(rss[1]) / 1024) : NaN };
}

async function serve() {
  const server = spawn('npx', ['astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(PORT)], { stdio: 'ignore', detached: true });
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(ORIGIN + '/')).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  process.kill(-server.pid);
  throw new Error('[bench] astro preview did not start within 60 s');
}

function tenantFigures() {
  const text = execFileSync(process.execPath, ['scripts/bench-tenant.ts', '--json', '--seconds', '2'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(text);
}

function monacoBytes(playground) {
  return playground.onDemandBrotli;
}

function markdown(results) {
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  const lines = [
    '# Token Lab bench results',
    '',
    `Measured ${results.date} on ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}, ${results.machine.chromium}.`,
    '',
    '## Reading pages: JavaScript before interaction (brotli, q11)',
    '',
    '| page | JS | budget 30 KB |',
    '|---|---:|---|',
    ...results.pages.map((page) => `| ${page.path} | ${kib(page.total)} | ${page.total <= BUDGETS.readingPageJsBrotli ? 'ok' : '**over**'} |`),
    '',
    '## Playground (/reference/playgrounds/)',
    '',
    `- JS before interaction: ${kib(results.playground.jsBeforeInteractionBrotli)}; after the editor loaded: ${kib(results.playground.jsAfterEditorBrotli)} (on demand: ${kib(results.playground.onDemandBrotli)}, budget 2.2 MB: ${monacoBytes(results.playground) <= BUDGETS.monacoBrotli ? 'ok' : '**over**'})`,
    `- first click → editor ready: ${results.playground.firstClickToReadyMs} ms; TypeScript warmed (first Run needs no compiler load): ${results.playground.firstClickToTypeScriptMs} ms`,
    `- Run → token on screen (${results.playground.runToToken.runs} runs): median ${results.playground.runToToken.medianMs} ms, p95 ${results.playground.runToToken.p95Ms} ms`,
    '',
    '## Tenant in Node',
    '',
    ...results.tenant.micro.map((row) => `- ${row.name}: ${Math.round(row.opsPerSecond).toLocaleString('en')} ops/s`),
    results.tenant.load ? `- loopback load on npm run tenant: ${results.tenant.load.requests} requests, ${results.tenant.load.concurrency} clients, ${results.tenant.load.failures} failed, ${results.tenant.load.misanswered} mis-answered, ${Math.round(results.tenant.load.requestsPerSecond)} req/s, p50 ${results.tenant.load.p50Ms.toFixed(1)} ms, p95 ${results.tenant.load.p95Ms.toFixed(1)} ms` : '',
    '',
    '## Build',
    '',
    `- wall ${results.build.wallSeconds} s (budget 60 s), peak memory ${results.build.peakMiB} MiB (budget 2.5 GB)`,
    '',
    'Not measured yet: Lighthouse scores, the bare-Starlight baseline ratio and the 500-run soak (issue 7).',
    '',
  ];
  return lines.join('\n');
}

const found = await findChromium();
if (!found) throw new Error('[bench] no Chromium; see scripts/find-chromium.mjs');
console.log('[bench] building…');
const buildFigures = build();
const server = await serve();
const browser = await chromium.launch({ executablePath: found.path, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  console.log('[bench] measuring pages…');
  const pages = [];
  for (const path of builtPagePaths('dist')) {
    if (path === '/reference/playgrounds/') continue;
    const result = await scriptBytesBeforeInteraction(browser, ORIGIN + path);
    pages.push({ path, total: result.total, files: result.files.length });
  }
  console.log('[bench] measuring the playground…');
  const playground = await measurePlayground(browser, ORIGIN, 20);
  console.log('[bench] measuring the tenant…');
  const tenant = tenantFigures();
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      node: process.versions.node,
      chromium: browser.version(),
      versions: Object.fromEntries(['astro', '@astrojs/starlight', 'monaco-editor', 'msw', 'jose'].map((name) => [name, JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version])),
    },
    budgets: BUDGETS,
    build: buildFigures,
    pages,
    playground,
    tenant,
  };
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
  writeFileSync('bench/RESULTS.md', markdown(results));
  console.log(markdown(results));
  if (process.argv.includes('--check')) {
    const misses = [
      ...pages.filter((page) => page.total > BUDGETS.readingPageJsBrotli).map((page) => `${page.path}: ${page.total} B of JS`),
      ...(monacoBytes(playground) > BUDGETS.monacoBrotli ? [`Monaco on demand: ${monacoBytes(playground)} B`] : []),
      ...(buildFigures.wallSeconds > BUDGETS.buildSeconds ? [`build: ${buildFigures.wallSeconds} s`] : []),
      ...(buildFigures.peakMiB > BUDGETS.buildPeakMiB ? [`build: ${buildFigures.peakMiB} MiB`] : []),
    ];
    if (misses.length) {
      console.error(`[bench] budgets missed:\n  ${misses.join('\n  ')}`);
      process.exitCode = 1;
    }
  }
} finally {
  await browser.close();
  process.kill(-server.pid);
}
