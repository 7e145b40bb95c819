import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { editorReady, openWithCode, playground } from './playground-helpers.ts';

// Monaco and the tenant load slowly on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

const PAGE = '/lessons/keep-a-server-supplied/';
const EDITOR = 'Write a caching getToken()';
const SOLUTION = readFileSync('content/lessons/06-keep-a-server-supplied/get-token-cached.solution.ts', 'utf8');

test('the chart of both strategies is there before any script runs, with the counts', async ({ page }) => {
  await page.goto(PAGE);
  const replay = page.getByRole('region', { name: /Replay: three days/ });
  const chart = replay.getByRole('img', { name: /Token requests per hour/ });
  await expect(chart).toBeVisible();
  const figures = replay.getByRole('table');
  await expect(figures.getByRole('row', { name: /every call/ })).toContainText('472');
  await expect(figures.getByRole('row', { name: /every call/ })).toContainText('11');
  await expect(figures.getByRole('row', { name: /Cached/ })).toContainText('3');
});

test('the replay runs in the browser and charts both strategies with the same counts', async ({ page }) => {
  await page.goto(PAGE);
  const replay = page.getByRole('region', { name: /Replay: three days/ });
  await replay.getByRole('button', { name: 'Run the replay in your browser' }).click();
  const status = replay.getByRole('status');
  await expect(status).toContainText('Replay finished in your browser: 472 token requests (11 refused) against 3 (0 refused)', { timeout: 60_000 });
  const chart = replay.getByRole('img', { name: /Token requests per hour/ });
  await expect(chart).toHaveCount(1);
  await expect(chart.locator('desc')).toContainText('472 token requests in 72 hours (11 refused with 429 Too Many Requests)');
  await expect(chart.locator('desc')).toContainText('3 token requests in 72 hours (none refused)');
  await expect(chart.locator('title')).toHaveAttribute('id', /live1/);
  await expect(replay.getByRole('button', { name: 'Run the replay in your browser' })).toBeEnabled();
});

test('the starter runs and says the TODOs are still open', async ({ page }) => {
  await page.goto(PAGE);
  await editorReady(page, EDITOR);
  const region = playground(page, EDITOR);
  await region.getByRole('button', { name: 'Run' }).click();
  const output = region.getByRole('log', { name: 'Output' });
  await expect(output).toContainText('5 concurrent calls: 5 token request(s)', { timeout: 20_000 });
  await expect(output).toContainText('Not yet: see the TODOs.');
});

test('the solution, opened from a share link, sends one token request for five concurrent callers', async ({ page }) => {
  await openWithCode(page, 'get-token-cached', SOLUTION, PAGE);
  await editorReady(page, EDITOR);
  const region = playground(page, EDITOR);
  await region.getByRole('button', { name: 'Run' }).click();
  const output = region.getByRole('log', { name: 'Output' });
  await expect(output).toContainText('5 concurrent calls: 1 token request(s) so far (want 1)', { timeout: 20_000 });
  await expect(output).toContainText('3 concurrent calls 30 s before expiry: 2 in total (want 2)');
  await expect(output).toContainText('PASS: one shared request per refresh.');
  const requests = region.getByRole('region', { name: 'Requests' });
  await expect(requests.getByText('https://acme.auth0.test/oauth/token')).toHaveCount(2);
});
