import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { CLOSED_MACHINE_FLAGS, findChromium, HOW_TO_GET_ONE } from './scripts/find-chromium.mjs';

const browser = await findChromium();
if (!browser) throw new Error(HOW_TO_GET_ONE);
if (!existsSync('dist/index.html')) {
  throw new Error('The end-to-end tests run against the built site: run `npm run build` first (`npm test` does both).');
}

// A port of its own, so a reader's `npm start` on 4321 never answers the tests.
const PORT = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: './e2e',
  forbidOnly: !!process.env.CI,
  // Monaco and its TypeScript worker start slowly on a busy 2-core CI machine.
  expect: { timeout: 10_000 },
  timeout: 90_000,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: browser.path,
      args: ['--headless', ...CLOSED_MACHINE_FLAGS],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The built site, as a reader gets it; `npm test` builds before it runs e2e.
    // --ignore-lock: Astro allows one tracked preview per project; tests must not depend on whether
    // a reader is also running `npm start`.
    command: `astro preview --ignore-lock --host 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
