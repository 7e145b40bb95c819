#!/usr/bin/env node
// Token signer figures, measured in real Chromium against a built and served site: how long a
// keystroke in the payload takes to reach the screen as a re-signed token, for the starting
// payload and for a long one.
// A sample starts in a capture-phase keydown listener (the first script that sees the key) and
// ends when the frame that holds the new token has painted: a MutationObserver sees the token
// change, then a requestAnimationFrame callback runs before that frame's paint and a setTimeout
// queued from it runs after the paint. Keys are typed through the keyboard, so the browser's
// own input path (keydown, text insertion, input event) is part of every sample.
// Usage: npx node scripts/measure-signer.mjs http://127.0.0.1:4321 [samples=30] [--json]
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CLOSED_MACHINE_FLAGS, findChromium } from './find-chromium.mjs';

export const PAGE = '/lessons/non-expiring-tokens/';
const TITLE = 'Hand-sign a Management API token';
// Real Management API scope names: colons and spaces keep the refusal of long random strings
// (64 base64 characters in a run) from firing, so a long payload is signed, not refused.
const SCOPES = ['read:clients', 'update:clients', 'read:client_grants', 'create:client_grants', 'read:users', 'update:users', 'read:logs'];
// The long payload: 16 KiB, Node's default limit for all of a request's headers (nginx's is
// 8 KiB per line), so no longer token could be sent in an Authorization header anyway.
export const LONG_PAYLOAD_BYTES = 16_384;
// Where each keystroke lands: inside the scope string, so every key makes valid JSON and a new token.
const CARET_AFTER = 'read:client_keys';

/** Waits for the token the reader sees to decode to a payload holding `marker`. */
async function waitForPayloadWith(page, marker) {
  await page.waitForFunction((text) => {
    const token = document.querySelector('token-lab-token-signer [data-output]')?.textContent ?? '';
    const part = token.split('.')[1];
    if (!part) return false;
    return atob(part.replace(/-/g, '+').replace(/_/g, '/')).includes(text);
  }, marker, { timeout: 30_000 });
}

/** Puts the caret in the payload right after CARET_AFTER. */
async function caretInScope(payload) {
  await payload.evaluate((field, after) => {
    const at = field.value.indexOf(after);
    if (at < 0) throw new Error(`[bench] the payload has no "${after}" to type after`);
    field.focus();
    field.setSelectionRange(at + after.length, at + after.length);
  }, CARET_AFTER);
}

/**
 * Types one key into the focused payload and returns the milliseconds from its keydown to the
 * painted frame showing a different token (and from keydown to the DOM write, for diagnosis).
 * @param {import('playwright-core').Page} page
 */
async function oneKeystroke(page, key) {
  await page.evaluate(() => {
    const output = document.querySelector('token-lab-token-signer [data-output]');
    const before = output.textContent;
    window.__signerSample = new Promise((resolve, reject) => {
      let start;
      window.addEventListener('keydown', () => (start = performance.now()), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (start === undefined || output.textContent === before || !/^eyJ/.test(output.textContent)) return;
        observer.disconnect();
        clearTimeout(giveUp);
        const written = performance.now();
        requestAnimationFrame(() => setTimeout(() => resolve({ writtenMs: written - start, paintedMs: performance.now() - start })));
      });
      observer.observe(output, { childList: true, characterData: true, subtree: true });
      const giveUp = setTimeout(() => {
        observer.disconnect();
        reject(new Error('[bench] the token did not change within 10 s of a keystroke'));
      }, 10_000);
    });
  });
  await page.keyboard.type(key);
  return page.evaluate(() => window.__signerSample);
}

/** `samples` keystrokes, one at a time, each timed alone; the first few warm the page up. */
async function typeSamples(page, samples) {
  const times = [];
  for (let i = 0; i < samples + 3; i++) {
    const { paintedMs } = await oneKeystroke(page, 'abcdefghijklmnopqrstuvwxyz'[i % 26]);
    if (i >= 3) times.push(paintedMs);
  }
  times.sort((a, b) => a - b);
  const round = (ms) => Math.round(ms * 10) / 10;
  const pick = (q) => round(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]);
  return { median: pick(0.5), p95: pick(0.95), max: round(times.at(-1)), samples };
}

/** A payload of about `bytes` characters: the starting one with a scope list grown to fit. */
function longPayload(start, bytes) {
  const scopes = [];
  let text = '';
  for (let i = 0; text.length < bytes; i++) {
    scopes.push(SCOPES[i % SCOPES.length]);
    text = JSON.stringify({ ...start, scope: `${start.scope} ${scopes.join(' ')}` }, null, 2);
  }
  return text;
}

/**
 * Opens the lesson, opts in, and times keystrokes in the payload: `samples` on the starting
 * payload, then fewer on a payload of about `longPayloadBytes`.
 * @returns {Promise<{ keystrokeToPaintMs: { median: number, p95: number, max: number, samples: number }, longPayload: { bytes: number, median: number } }>}
 */
export async function measureSigner(baseUrl, { samples = 30, longPayloadBytes = LONG_PAYLOAD_BYTES } = {}) {
  const found = await findChromium();
  if (!found) throw new Error('No Chromium: see scripts/find-chromium.mjs');
  const browser = await chromium.launch({ executablePath: found.path, args: ['--headless', ...CLOSED_MACHINE_FLAGS] });
  try {
    const page = await browser.newPage();
    await page.goto(new URL(PAGE, baseUrl).href, { waitUntil: 'networkidle' });
    const region = page.getByRole('region', { name: TITLE });
    await region.getByRole('checkbox', { name: /^I understand that/ }).check();
    await region.getByRole('button', { name: 'I understand: unlock the signer' }).click();
    await region.locator('[data-output]').filter({ hasText: /^eyJ/ }).waitFor({ timeout: 30_000 });
    const payload = region.getByRole('textbox', { name: 'Payload' });

    await caretInScope(payload);
    const keystrokeToPaintMs = await typeSamples(page, samples);

    const long = longPayload(JSON.parse(await payload.inputValue()), longPayloadBytes);
    await payload.fill(long);
    await waitForPayloadWith(page, SCOPES.at(-1));
    await caretInScope(payload);
    const longSamples = await typeSamples(page, Math.max(5, Math.min(samples, 10)));
    return { keystrokeToPaintMs, longPayload: { bytes: new TextEncoder().encode(long).length, median: longSamples.median } };
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [origin = 'http://127.0.0.1:4321', count] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const samples = Number(count ?? 30);
  const result = await measureSigner(origin, { samples });
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    const { median, p95, max } = result.keystrokeToPaintMs;
    console.log(`keystroke → re-signed token painted (${samples} keys): median ${median} ms, p95 ${p95} ms, max ${max} ms`);
    console.log(`the same with a ${(result.longPayload.bytes / 1024).toFixed(1)} KiB payload: median ${result.longPayload.median} ms`);
  }
}
