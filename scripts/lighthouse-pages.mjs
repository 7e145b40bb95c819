#!/usr/bin/env node
// Lighthouse (from npm, run in the local Chromium) over built pages: mobile profile with the
// default simulated throttling, the figures a reader on a mid-range phone would feel.
// Chromium is told that every host but 127.0.0.1 does not exist, and each report's request
// list is checked, so an audit can never reach another origin; a request that tried to is
// reported rather than ignored.
// Usage: npx node scripts/lighthouse-pages.mjs http://127.0.0.1:4342 / /lessons/what-changed/ [...]
import { mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CLOSED_MACHINE_FLAGS, findChromium } from './find-chromium.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

// Lighthouse's own defaults (chrome-launcher's flag set) plus the ones this closed machine needs.
export const CHROME_FLAGS = [
  '--headless=new',
  ...CLOSED_MACHINE_FLAGS,
  // Any name other than the loopback server resolves to nothing, so no request can leave.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** Starts one Chromium for a series of audits; close it with `chrome.kill()`. */
export async function launchChromeForLighthouse() {
  const found = await findChromium();
  if (!found) throw new Error('[bench] no Chromium; see scripts/find-chromium.mjs');
  return chromeLauncher.launch({ chromePath: found.path, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
}

/**
 * Audits one page and returns its scores (0–100), its transfer size and any request made to
 * another origin (there must be none).
 * @param {{ port: number }} chrome @param {string} url
 */
export async function auditPage(chrome, url, reportDir = 'bench/tmp/lighthouse') {
  const started = Date.now();
  const runner = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
  if (!runner) throw new Error(`[bench] Lighthouse returned nothing for ${url}`);
  const { lhr } = runner;
  if (lhr.runtimeError) throw new Error(`[bench] Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  // The whole report stays on disk (git-ignored) for when a score needs explaining.
  mkdirSync(reportDir, { recursive: true });
  const slug = new URL(url).pathname.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
  writeFileSync(`${reportDir}/${new URL(url).port}-${slug}.json`, runner.report);
  const origin = new URL(url).origin;
  /** @type {Array<{ url: string, transferSize?: number }>} */
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const offOrigin = requests
    .map((request) => request.url)
    .filter((requestUrl) => /^https?:/.test(requestUrl) && new URL(requestUrl).origin !== origin);
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  // Audits scored below 1 say why a category lost points; kept short for the results file.
  const failing = (id) =>
    (lhr.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score != null && lhr.audits[ref.id].score < 1)
      .map((ref) => ref.id);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    totalTransferBytes: Math.round(lhr.audits['total-byte-weight']?.numericValue ?? NaN),
    requests: requests.length,
    offOrigin,
    metrics: Object.fromEntries(
      ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [
        id,
        Math.round((lhr.audits[id]?.numericValue ?? NaN) * 1000) / 1000,
      ]),
    ),
    lostPoints: { performance: failing('performance'), accessibility: failing('accessibility'), bestPractices: failing('best-practices') },
    // Lighthouse's own CPU benchmark of this machine at audit time: simulated throttling scales
    // the tasks it observed, so a busy machine (a low index) lowers the performance score.
    benchmarkIndex: Math.round(lhr.environment?.benchmarkIndex ?? NaN),
    lighthouseVersion: lhr.lighthouseVersion,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

/** @param {string} origin @param {string[]} paths @param {(line: string) => void} [log] */
export async function auditPages(origin, paths, log = () => {}) {
  const chrome = await launchChromeForLighthouse();
  try {
    const results = [];
    for (const path of paths) {
      const result = { path, ...(await auditPage(chrome, origin + path)) };
      log(`[bench] lighthouse ${path}: perf ${result.performance}, a11y ${result.accessibility}, bp ${result.bestPractices}, ${result.totalTransferBytes} B, benchmark index ${result.benchmarkIndex}, ${result.seconds} s`);
      results.push(result);
    }
    return results;
  } finally {
    chrome.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [origin = 'http://127.0.0.1:4321', ...paths] = process.argv.slice(2);
  const results = await auditPages(origin, paths.length ? paths : ['/'], console.log);
  console.log(JSON.stringify(results, null, 2));
}
