import { expect, test, type Locator, type Page } from '@playwright/test';
import { PLAYGROUND_PAGE, playground } from './playground-helpers.ts';

/*
 * A keyboard user reaches a playground's code before Monaco has loaded and goes on with the
 * keyboard alone: every input here is page.keyboard, never a click. The editor's download is held
 * back until the keys are pressed, so they land on the static code and the editor arrives after.
 */

const GET_TOKEN = 'Get a token';

declare global {
  interface Window {
    runsFinished: number;
  }
}

/**
 * Holds Monaco's chunk back, as a slow network would, until the test lets it through: every key
 * lands on the static code, and the editor arrives afterwards.
 */
async function holdBackTheEditor(page: Page): Promise<() => void> {
  let letThrough!: () => void;
  const gate = new Promise<void>((resolve) => (letThrough = resolve));
  await page.route(/\/_astro\/attach-editor\.[^/]+\.js$/, async (route) => {
    await gate;
    await route.continue();
  });
  return letThrough;
}

/** Counts the runs that finish, through the playground's own hook (a lab exercise's way in). */
async function countRuns(page: Page, title: string): Promise<void> {
  const host = page.locator('token-lab-playground').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  await host.evaluate((element: HTMLElement & { runHooks?: object }) => {
    window.runsFinished = 0;
    element.runHooks = { finished: () => window.runsFinished++ };
  });
}

function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/** Presses Tab from the top of the page until `target` has focus, as a keyboard user gets there. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 400; presses++) {
    await page.keyboard.press('Tab');
    if (await hasFocus(target)) return;
  }
  throw new Error('Tab never reached the playground code');
}

/** Tabs to the playground's static code; resolves once the playground holds the keys pressed there. */
async function reachTheCode(page: Page, region: Locator): Promise<void> {
  await tabTo(page, region.locator('[data-static]'));
  // Focus on the playground starts loading its code and it says so; keys pressed on the static code
  // are held from the page's first script on (see the test below that presses one at once).
  await expect(region.getByRole('status')).toHaveText('Loading the editor…');
  await expect(region.locator('.monaco-editor'), 'the editor is held back, so the keys land on the static code').toHaveCount(0);
}

function focusInEditor(region: Locator): Promise<boolean> {
  return region.evaluate((element) => {
    const editor = element.querySelector('.monaco-editor');
    return editor !== null && editor.contains(document.activeElement);
  });
}

/** The playground's code as the editor holds it. */
function codeOf(page: Page, title: string): Promise<string> {
  const host = page.locator('token-lab-playground').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  return host.evaluate(async (element: HTMLElement & { start?: () => Promise<{ getCode(): string } | undefined> }) => (await element.start?.())?.getCode() ?? '');
}

let letTheEditorThrough: () => void;

/** Lets the editor load and waits until it has replaced the static code. */
async function editorArrived(region: Locator): Promise<void> {
  letTheEditorThrough();
  await expect(region.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
  await expect(region.locator('[data-static]')).toHaveCount(0);
}

test.beforeEach(async ({ page }) => {
  letTheEditorThrough = await holdBackTheEditor(page);
  await page.goto(PLAYGROUND_PAGE);
  await countRuns(page, GET_TOKEN);
});

for (const shortcut of ['Control+Enter', 'Meta+Enter']) {
  test(`Tab to the code and ${shortcut}: the code runs once, and focus lands in the editor when it arrives`, async ({ page }) => {
    const region = playground(page, GET_TOKEN);
    await reachTheCode(page, region);
    await page.keyboard.press(shortcut);

    await expect(region.getByRole('log', { name: 'Output' })).toContainText('200 read:clients');
    await editorArrived(region);
    await expect.poll(() => focusInEditor(region), { message: 'focus is inside the Monaco editor' }).toBe(true);
    // Give a second run, if the shortcut were replayed into the editor, the time to happen.
    await expect(region.getByRole('status')).toHaveText(/^Finished/);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.runsFinished)).toBe(1);
  });
}

test('Tab to the code and a letter: the editor takes focus with the letter typed at its caret, and typing goes on there', async ({ page }) => {
  const region = playground(page, GET_TOKEN);
  await reachTheCode(page, region);
  await page.keyboard.press('x');
  await expect(region.getByRole('status')).toHaveText('Loading the editor… What you type goes in when it opens.');

  await editorArrived(region);
  await expect.poll(() => focusInEditor(region), { message: 'focus is inside the Monaco editor' }).toBe(true);
  expect(await codeOf(page, GET_TOKEN)).toMatch(/^x\/\/ Ask the mocked tenant/);
  await page.keyboard.press('y');
  expect(await codeOf(page, GET_TOKEN)).toMatch(/^xy\/\/ Ask the mocked tenant/);
  expect(await page.evaluate(() => window.runsFinished)).toBe(0);
});

test('a line typed on the code, then Ctrl+Enter: the line goes into the editor and the run that follows includes it, once', async ({ page }) => {
  const region = playground(page, GET_TOKEN);
  await reachTheCode(page, region);
  await page.keyboard.type("console.log('typed before the editor');");
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');

  // The run waits for the typed line, and so for the editor.
  const output = region.getByRole('log', { name: 'Output' });
  await expect(region.getByRole('status')).toHaveText('Loading the editor… What you type goes in when it opens.');
  await expect(output).not.toContainText('200');
  await editorArrived(region);
  await expect(output).toContainText('typed before the editor');
  await expect(output).toContainText('200 read:clients');
  expect(await codeOf(page, GET_TOKEN)).toMatch(/^console\.log\('typed before the editor'\);\n\/\/ Ask the mocked tenant/);
  await expect.poll(() => focusInEditor(region)).toBe(true);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.runsFinished)).toBe(1);
});

test('a reader who tabs on before the editor arrives keeps their place', async ({ page }) => {
  const region = playground(page, GET_TOKEN);
  await reachTheCode(page, region);
  // On to the Output panel (the highlighted code inside the static view is a stop of its own).
  const output = region.getByRole('log', { name: 'Output' });
  for (let presses = 0; presses < 3 && !(await hasFocus(output)); presses++) await page.keyboard.press('Tab');
  expect(await hasFocus(output)).toBe(true);
  await expect(region.locator('.monaco-editor')).toHaveCount(0);

  await editorArrived(region);
  expect(await hasFocus(output), 'the editor did not take focus from where the reader went').toBe(true);
});

test('a reader who scrolled the code with PageDown finds the caret on the line they were reading', async ({ page }) => {
  const title = 'Write a caching getToken()';
  await page.goto('/lessons/keep-a-server-supplied/');
  const region = playground(page, title);
  await reachTheCode(page, region);
  const staticCode = region.locator('[data-static]');
  await page.keyboard.press('PageDown');
  // Keyboard scrolling may be animated: wait until it has come to rest.
  let scrollTop = -1;
  await expect
    .poll(async () => {
      const before = scrollTop;
      scrollTop = await staticCode.evaluate((element) => element.scrollTop);
      return scrollTop > 0 && scrollTop === before;
    })
    .toBe(true);
  await page.keyboard.type('x');

  await editorArrived(region);
  await expect.poll(() => focusInEditor(region)).toBe(true);
  // Both draw 21 px lines below 8 px of padding: the first line in full view.
  const firstInView = Math.ceil((scrollTop - 8) / 21) + 1;
  const lines = (await codeOf(page, title)).split('\n');
  const typedOn = lines.findIndex((line) => /^\s*x/.test(line)) + 1;
  expect(typedOn).toBe(firstInView);
  // And the editor shows what the static code showed: that line, not the top of the file.
  const viewLines = region.locator('.monaco-editor .view-line');
  await expect(viewLines.filter({ hasText: lines[typedOn - 1]!.trim() })).toBeVisible();
  await expect(viewLines.filter({ hasText: lines[0]!.trim() })).toHaveCount(0);
});

test('a letter pressed the instant focus arrives, before any playground code has loaded, still lands in the editor', async ({ page }) => {
  // Hold back the playground's own module too: only the page's eager loader is there to catch it.
  let letTheMountThrough!: () => void;
  const mountGate = new Promise<void>((resolve) => (letTheMountThrough = resolve));
  await page.route(/\/_astro\/mount-playground\.[^/]+\.js$/, async (route) => {
    await mountGate;
    await route.continue();
  });
  const region = playground(page, GET_TOKEN);
  await tabTo(page, region.locator('[data-static]'));
  await page.keyboard.press('q');
  letTheMountThrough();
  await editorArrived(region);
  await expect.poll(() => codeOf(page, GET_TOKEN)).toMatch(/^q\/\/ Ask the mocked tenant/);
});
