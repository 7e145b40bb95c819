#!/usr/bin/env node
// Finds a Chromium for Playwright. Playwright cannot download its own browser on
// these machines, so we look, in order, at:
//   1. CHROMIUM_PATH (any Chromium or Chrome binary you point at),
//   2. the browser `npx playwright install chromium` put in Playwright's cache,
//   3. Debian's package, /usr/bin/chromium.
// When none exists we fail loudly: an e2e run must never pass by skipping.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags every Chromium this project launches needs on its closed machines: without the
 * networking ones Chromium reaches for Google services at start-up, which the closed network
 * refuses; --no-sandbox because CI runs as root.
 */
export const CLOSED_MACHINE_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const HOW_TO_GET_ONE = [
  'No Chromium found for the end-to-end tests. Any one of these fixes it:',
  '  - Debian or Ubuntu:  apt-get update && apt-get install -y chromium',
  '  - anywhere else:     npx playwright install chromium',
  '  - or point at a browser you have:  CHROMIUM_PATH=/path/to/chrome npm run test:e2e',
].join('\n');

/**
 * @returns {Promise<{ path: string, source: 'CHROMIUM_PATH' | 'playwright' | 'debian' } | null>}
 */
export async function findChromium(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    // A variable that names a missing file is a mistake worth reporting, not skipping past.
    if (!existsSync(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.\n${HOW_TO_GET_ONE}`);
    }
    return { path: fromEnv, source: 'CHROMIUM_PATH' };
  }
  try {
    const { chromium } = await import('playwright-core');
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return { path: bundled, source: 'playwright' };
  } catch {
    // playwright-core not installed yet (e.g. before npm ci): fall through.
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'debian' };
  return null;
}

// As a command: print the path and exit 0, or print how to get a browser and exit 1.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const found = await findChromium();
    if (found) {
      console.log(found.path);
    } else {
      console.error(HOW_TO_GET_ONE);
      process.exitCode = 1;
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
