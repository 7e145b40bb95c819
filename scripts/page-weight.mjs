#!/usr/bin/env node
// Measures the JavaScript a page makes the reader download before they touch anything:
// every script response until the network goes quiet, compressed with brotli (quality 11,
// what a static host would serve). Usage: node scripts/page-weight.mjs http://127.0.0.1:4321/ [...more URLs]
// [--baseline=URL]: also each page's share of that page's JS (the bench compares with the bare
// Starlight reading page), exiting non-zero when one is over the bench's budget for it.
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';
import { BUDGETS } from './bench-report.mjs';

/** @param {import('playwright-core').Browser} browser @param {string} url */
export async function scriptBytesBeforeInteraction(browser, url) {
  const page = await browser.newPage();
  const scripts = new Map();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    try {
      const body = await response.body();
      scripts.set(response.url(), body.length ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length : 0);
    } catch {
      // A response whose body is gone (e.g. a redirect) carries no script bytes.
    }
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  // Inline scripts count too: they are part of the HTML but still JavaScript to parse. Data
  // blocks do not (`<script type="application/json">`, e.g. an exercise's starter and solution
  // code): the browser neither parses nor runs them, and they are in the page's transfer figure.
  const inline = await page.$$eval('script:not([src])', (nodes) =>
    nodes.filter((node) => node.type === '' || node.type === 'module' || /javascript|ecmascript/i.test(node.type)).map((node) => node.textContent ?? ''),
  );
  await page.close();
  const inlineBrotli = inline.reduce(
    (sum, text) => sum + (text ? brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length : 0),
    0,
  );
  const files = [...scripts.entries()].map(([scriptUrl, brotli]) => ({ url: new URL(scriptUrl).pathname, brotli }));
  const external = files.reduce((sum, file) => sum + file.brotli, 0);
  return { url, external, inline: inlineBrotli, total: external + inlineBrotli, files };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = await findChromium();
  if (!found) throw new Error('No Chromium: see scripts/find-chromium.mjs');
  const browser = await chromium.launch({ executablePath: found.path, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const baselineUrl = process.argv.find((arg) => arg.startsWith('--baseline='))?.slice('--baseline='.length);
  const baseline = baselineUrl ? await scriptBytesBeforeInteraction(browser, baselineUrl) : undefined;
  if (baseline) console.log(`${baselineUrl} (baseline): ${(baseline.total / 1024).toFixed(1)} KiB brotli JS; budget ≤ ${BUDGETS.jsBeforeInteractionRatio}× of it`);
  for (const url of process.argv.slice(2).filter((arg) => !arg.startsWith('--'))) {
    const result = await scriptBytesBeforeInteraction(browser, url);
    const share = baseline ? result.total / baseline.total : undefined;
    const over = share !== undefined && share > BUDGETS.jsBeforeInteractionRatio;
    if (over) process.exitCode = 1;
    console.log(`${url}: ${(result.total / 1024).toFixed(1)} KiB brotli JS (${result.external} B in ${result.files.length} files + ${result.inline} B inline)${share === undefined ? '' : `, ${share.toFixed(3)}× the baseline${over ? ' (over budget)' : ''}`}`);
    for (const file of result.files) console.log(`    ${file.brotli} B  ${file.url}`);
  }
  await browser.close();
}
