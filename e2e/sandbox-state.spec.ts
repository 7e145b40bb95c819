import { expect, test, type Page } from '@playwright/test';
import { blockingAxeViolations } from './axe.ts';
import { editorReady, playground, PLAYGROUND_PAGE } from './playground-helpers.ts';

/*
 * The sandbox travels between pages in the browser's storage. Wherever a changed sandbox changes
 * what a page shows, the page says so (a calm bar at the top of the warning dock, and a note
 * beside lesson 4's playground), and offers one "Reset the sandbox", which works from the
 * keyboard, says what it did, and brings every widget on the page back to the starting tenant.
 */

// Monaco and the tenant load slowly on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

const LESSON_3 = '/lessons/machine-to-machine-app/';
const LESSON_4 = '/lessons/token-from-your-server/';
const LESSON_7 = '/lessons/non-expiring-tokens/';
const LIST = 'Get a token and list applications';
const LOAD = { timeout: 20_000 };

const bar = (page: Page) => page.getByRole('region', { name: 'Sandbox state' });
const note = (page: Page) => page.getByRole('complementary', { name: 'Your sandbox differs from this page' });
const announcer = (page: Page) => page.locator('[data-sandbox-announce]');
const savedTenant = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('token-lab:tenant') ?? 'null'));

/** Lesson 3 with the Dashboard's tenant started (and so saved). */
async function openDashboard(page: Page) {
  await page.goto(LESSON_3);
  const dash = page.getByRole('region', { name: /Auth0 Dashboard/ });
  await dash.getByRole('tablist').scrollIntoViewIfNeeded();
  await expect(dash.getByRole('switch', { name: 'Reporting Service: authorized' })).toHaveAttribute('aria-checked', 'true', LOAD);
  return dash;
}

/** Raises the Management API's Token Expiration the way a reader does: lesson 3's Dashboard. */
async function raiseTokenExpiration(page: Page, seconds: string) {
  const dash = await openDashboard(page);
  await dash.getByRole('tab', { name: 'API Explorer' }).click();
  const panel = dash.getByRole('tabpanel', { name: 'API Explorer' });
  await panel.getByLabel('Token Expiration (Seconds)').fill(seconds);
  await panel.getByRole('button', { name: 'Update & Regenerate Token' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Token Expiration saved' })).toBeVisible(LOAD);
  return dash;
}

/**
 * Leaves the saved sandbox changed the way a closed tab can (a lesson switched a drill on and the
 * reader left): starts the tenant on lesson 3 so it is saved, goes to a page where no tenant runs,
 * and edits what was saved there.
 */
async function leaveSandboxChanged(page: Page, change: { drills?: Record<string, unknown>; legacyMode?: boolean; tokenLifetime?: number; clockAheadMs?: number }) {
  await openDashboard(page);
  await page.goto('/lessons/what-changed/');
  await page.evaluate((wanted) => {
    const saved = JSON.parse(localStorage.getItem('token-lab:tenant')!);
    if (wanted.drills) saved.drills = { ...saved.drills, ...wanted.drills };
    if (wanted.legacyMode !== undefined) saved.legacyMode = wanted.legacyMode;
    if (wanted.tokenLifetime !== undefined) saved.resourceServers[0].token_lifetime = wanted.tokenLifetime;
    if (wanted.clockAheadMs !== undefined) saved.clock.now = Date.now() + wanted.clockAheadMs;
    localStorage.setItem('token-lab:tenant', JSON.stringify(saved));
  }, change);
}

test('a Token Expiration raised on lesson 3 is told on lesson 3 itself, as it happens, and set back', async ({ page }) => {
  const dash = await raiseTokenExpiration(page, '2592000');
  await expect(bar(page)).toContainText('Sandbox changed: tokens live 2,592,000 s (30 days), not the default 86,400 s.');
  await expect(announcer(page)).toHaveText('Sandbox changed: tokens live 2,592,000 s (30 days), not the default 86,400 s.');
  await expect(announcer(page)).toHaveAttribute('role', 'status');

  // In the warning dock, as its top row, above the red bar the 30-day token raised.
  await expect(page.locator('[data-tl-dock] [data-sandbox-bar]')).toBeVisible();
  await expect(page.locator('[data-long-lived-warning]')).toBeVisible();
  expect(await blockingAxeViolations(page, '[data-tl-dock]')).toEqual([]);

  const panel = dash.getByRole('tabpanel', { name: 'API Explorer' });
  await panel.getByLabel('Token Expiration (Seconds)').fill('86400');
  await panel.getByRole('button', { name: 'Update & Regenerate Token' }).click();
  await expect(bar(page)).toBeHidden();
  await expect(announcer(page)).toHaveText('The sandbox is back to its starting settings.');
});

test('lesson 4 says its playground\'s lifetime is 2,592,000 s, not 86,400, and Reset with the keyboard brings 86400 back', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await raiseTokenExpiration(page, '2592000');
  await page.goto(LESSON_4);

  await expect(bar(page)).toBeVisible();
  await expect(bar(page)).toContainText('tokens live 2,592,000 s (30 days), not the default 86,400 s');
  await expect(bar(page)).toBeInViewport();
  // Next to the playground, before it.
  await expect(note(page)).toContainText('Token Expiration is 2,592,000 s (30 days), not the default 86,400 s (24 hours)');
  await expect(note(page)).toContainText('expires_in: 2592000');
  const region = playground(page, LIST);
  expect((await note(page).boundingBox())!.y).toBeLessThan((await region.boundingBox())!.y);

  // What the notice warns of: the playground prints the raised lifetime.
  await editorReady(page, LIST);
  const run = region.getByRole('button', { name: 'Run' });
  const output = region.getByRole('log', { name: 'Output' });
  await run.click();
  await expect(output).toContainText('lifetime: 2592000 s', LOAD);

  // The keyboard from here. Run is disabled while it runs, which drops its focus, so start from
  // it again once the run is over: one step back is the note's link, which takes focus to the reset.
  await expect(output).toContainText('200 5 applications', LOAD);
  await expect(run).toBeEnabled();
  await run.focus();
  await page.keyboard.press('Shift+Tab');
  const link = note(page).getByRole('link', { name: 'sandbox bar at the bottom of the window' });
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  const reset = bar(page).getByRole('button', { name: 'Reset the sandbox' });
  await expect(reset).toBeFocused();
  await expect(reset).toHaveAccessibleDescription('Puts the sandbox tenant back to its starting data.');
  await page.keyboard.press('Enter');

  // It says what it did, on screen and to screen readers, and the note has gone.
  await expect(bar(page)).toContainText('The sandbox is reset: new tokens live 86,400 s again.');
  await expect(bar(page)).not.toContainText('Sandbox changed', { useInnerText: true });
  await expect(bar(page)).not.toContainText('2,592,000');
  await expect(announcer(page)).toHaveText('The sandbox is reset: new tokens live 86,400 s again.');
  await expect(note(page)).toBeHidden();
  const close = bar(page).getByRole('button', { name: 'Close' });
  await expect(close).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(bar(page)).toBeHidden();
  // Focus comes back to the page, by the playground the note stood beside, not to its start.
  expect(await page.evaluate(() => document.activeElement?.closest('token-lab-playground') !== null)).toBe(true);

  // The playground's next run gets the starting tenant's lifetime.
  await run.click();
  await expect(output).toContainText('lifetime: 86400 s', LOAD);
  expect((await savedTenant(page)).resourceServers[0].token_lifetime).toBe(86_400);
  // And a fresh load of the page has nothing to say.
  await page.reload();
  await expect(page.locator('[data-sandbox-notice]')).toBeAttached();
  await expect(bar(page)).toBeHidden();
  await expect(note(page)).toBeHidden();
});

test('a drill left on is told, Details says what it does, and Reset from the keyboard turns it off', async ({ page }) => {
  await leaveSandboxChanged(page, { drills: { rateLimited: true } });
  await page.goto(LESSON_4);
  await expect(bar(page)).toContainText('Sandbox changed: the rate-limit drill is on.');
  // Not a lifetime change: the note by the playground stays out of the way.
  await expect(note(page)).toBeHidden();

  // The dock comes last in the page, so Shift+Tab from the top reaches its buttons first.
  await page.keyboard.press('Shift+Tab');
  const reset = bar(page).getByRole('button', { name: 'Reset the sandbox' });
  await expect(reset).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  const details = bar(page).getByRole('button', { name: 'Details' });
  await expect(details).toBeFocused();
  await expect(details).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  await expect(bar(page).getByRole('listitem')).toHaveText(['The rate-limit drill is on: every call to /oauth/token and /api/v2 is answered 429 Too Many Requests.']);
  await expect(bar(page)).toContainText('Reset the sandbox puts the tenant back to its starting data');

  await page.keyboard.press('Tab');
  await expect(reset).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(bar(page)).toContainText('The sandbox is reset: every drill is off.');
  await expect(announcer(page)).toHaveText('The sandbox is reset: every drill is off.');
  expect((await savedTenant(page)).drills).toEqual({ rateLimited: false, clockSkewSeconds: 0, wrongAudience: false, grantRevoked: false });
});

test('legacy mode left on where no widget shows the yellow bar is told by the sandbox bar', async ({ page }) => {
  await leaveSandboxChanged(page, { legacyMode: true });
  await page.goto(LESSON_4);
  await expect(bar(page)).toContainText('Sandbox changed: legacy mode is on.');
  await bar(page).getByRole('button', { name: 'Reset the sandbox' }).focus();
  await page.keyboard.press('Enter');
  await expect(bar(page)).toContainText('The sandbox is reset: legacy mode is off.');
  expect((await savedTenant(page)).legacyMode).toBe(false);
});

test('turning legacy mode on shows the yellow bar as its notice; the sandbox bar tells the rest, and its Reset turns both off', async ({ page }) => {
  const turnLegacyOn = async () => {
    const signer = page.getByRole('region', { name: 'Hand-sign a Management API token' });
    await signer.getByRole('checkbox', { name: /I understand that a token can do only what its scopes allow/ }).check();
    await signer.getByRole('button', { name: 'I understand: unlock the signer' }).click();
    const legacySwitch = signer.getByRole('switch', { name: /before the change/ });
    await legacySwitch.click();
    await expect(page.locator('[data-legacy-indicator]')).toBeVisible(LOAD);
    await expect(legacySwitch).toHaveAttribute('aria-checked', 'true');
    return legacySwitch;
  };
  await page.goto(LESSON_7);
  await turnLegacyOn();
  // Legacy mode is the only change: the yellow bar, with its own off switch, says it; no second bar.
  await page.waitForTimeout(1_000);
  await expect(bar(page)).toBeHidden();

  // With another change in the sandbox, the sandbox bar tells that one, and not legacy mode again.
  await leaveSandboxChanged(page, { tokenLifetime: 604_800 });
  await page.goto(LESSON_7);
  await expect(bar(page)).toContainText('Sandbox changed: tokens live 604,800 s (7 days), not the default 86,400 s.');
  const legacySwitch = await turnLegacyOn();
  await page.waitForTimeout(1_000);
  await expect(bar(page)).toContainText('Sandbox changed: tokens live 604,800 s (7 days), not the default 86,400 s.');
  await expect(bar(page)).not.toContainText('legacy mode is on');

  await bar(page).getByRole('button', { name: 'Reset the sandbox' }).focus();
  await page.keyboard.press('Enter');
  await expect(bar(page)).toContainText('The sandbox is reset: new tokens live 86,400 s again and legacy mode is off.');
  // The signer's switch and the yellow bar follow the reset tenant.
  await expect(page.locator('[data-legacy-indicator]')).toBeHidden();
  await expect(legacySwitch).toHaveAttribute('aria-checked', 'false');
});

test('a change made in another tab shows on a page that is open already', async ({ page, context }) => {
  await page.goto(LESSON_4);
  await expect(page.locator('[data-sandbox-notice]')).toBeAttached();
  await expect(bar(page)).toBeHidden();
  const other = await context.newPage();
  await raiseTokenExpiration(other, '604800');
  await expect(bar(page)).toContainText('tokens live 604,800 s (7 days), not the default 86,400 s');
  await expect(note(page)).toContainText('604,800 s (7 days)');
  await expect(announcer(page)).toHaveText('Sandbox changed: tokens live 604,800 s (7 days), not the default 86,400 s.');
});

test('two tabs whose tenants both run keep one sandbox: a reset in one reaches the other, and neither saves over the other', async ({ page, context }) => {
  const dash = await raiseTokenExpiration(page, '604800');
  const other = await context.newPage();
  const otherDash = await openDashboard(other);
  await expect(otherDash.getByText('token lifetime 604,800 s')).toBeVisible();
  await bar(other).getByRole('button', { name: 'Reset the sandbox' }).click();
  await expect(bar(other)).toContainText('The sandbox is reset: new tokens live 86,400 s again.');
  // The first tab's tenant was running: it follows the reset instead of keeping 604,800 s.
  await expect(dash.getByText('token lifetime 86,400 s')).toBeVisible(LOAD);
  await expect(dash.getByLabel('Token Expiration (Seconds)')).toHaveValue('86400');
  // A change in the first tab now builds on the reset tenant, and the second tab follows it.
  await dash.getByLabel('Token Expiration (Seconds)').fill('7200');
  await dash.getByRole('button', { name: 'Update & Regenerate Token' }).click();
  await expect(otherDash.getByText('token lifetime 7,200 s')).toBeVisible(LOAD);
  const saved = await savedTenant(other);
  expect(saved.resourceServers[0].token_lifetime).toBe(7200);
});

test('after a reset, a fresh token\'s countdown in the playground reads the new tenant\'s clock, not the old one two days ahead', async ({ page }) => {
  await leaveSandboxChanged(page, { clockAheadMs: 2 * 86_400_000 });
  await page.goto(PLAYGROUND_PAGE);
  const title = 'Get a token';
  await editorReady(page, title);
  await expect(bar(page)).toContainText('ahead', LOAD);
  await bar(page).getByRole('button', { name: 'Reset the sandbox' }).click();
  await expect(bar(page)).toContainText('The sandbox is reset');
  const region = playground(page, title);
  await region.getByRole('button', { name: 'Run' }).click();
  const chip = region.getByRole('button', { name: /open the decoded view/ });
  await chip.click();
  // Issued by the reset tenant for 24 hours: read on the old clock it would say it expired a day ago.
  await expect(region.getByRole('group', { name: 'Decoded token' })).toContainText(/Expires in (1 d|23 h)/, LOAD);
});

test('the Dashboard on lesson 3 follows a reset: its lifetime field and text go back to 86,400', async ({ page }) => {
  const dash = await raiseTokenExpiration(page, '604800');
  await expect(dash.getByText('token lifetime 604,800 s')).toBeVisible();
  await bar(page).getByRole('button', { name: 'Reset the sandbox' }).focus();
  await page.keyboard.press('Enter');
  await expect(bar(page)).toContainText('The sandbox is reset: new tokens live 86,400 s again.');
  await expect(dash.getByText('token lifetime 86,400 s')).toBeVisible();
  await expect(dash.getByLabel('Token Expiration (Seconds)')).toHaveValue('86400');
});

for (const viewport of [{ width: 1280, height: 800 }, { width: 1024, height: 768 }]) {
  test(`at ${viewport.width}×${viewport.height} the sandbox bar spans the window above both sidebars, nothing covering it`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await leaveSandboxChanged(page, { tokenLifetime: 2_592_000 });
    await page.goto(LESSON_4);
    const box = (await bar(page).boundingBox())!;
    expect(box.x).toBeLessThanOrEqual(0.5);
    expect(box.x + box.width).toBeGreaterThanOrEqual(viewport.width - 0.5);
    for (const target of ['[data-sandbox-summary]', '[data-sandbox-details]', '[data-sandbox-reset]']) {
      const part = (await page.locator(target).boundingBox())!;
      for (const x of [part.x + 2, part.x + part.width / 2, part.x + part.width - 2]) {
        const inside = await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.closest('[data-sandbox-bar]') !== null, [x, part.y + part.height / 2]);
        expect(inside, `${target} at x=${Math.round(x)}`).toBe(true);
      }
    }
    // Lesson 4 has no other bar: the notice keeps the page clear of itself, the last link included.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = page.locator('.pagination-links a').last();
    expect((await last.boundingBox())!.y + (await last.boundingBox())!.height).toBeLessThanOrEqual((await bar(page).boundingBox())!.y);
  });
}

for (const [where, path] of [
  ['a page with only playgrounds', '/reference/playgrounds/'],
  ['a page with the warning dock', '/lessons/tokens-expire/'],
] as const) {
  test(`on ${where}, the first press on a widget does not move the page under the pointer`, async ({ page }) => {
    // The first press on a widget is what loads the sandbox notice, which then moves to its place.
    // Held down across that move, the press must still be over the same button when it is let go,
    // or the click lands beside it and is lost (seen: a Run that did nothing).
    await page.goto(path);
    const host = page.locator('main token-lab-playground').first();
    const run = host.getByRole('button', { name: 'Run' });
    await run.scrollIntoViewIfNeeded();
    const notice = page.locator('[data-sandbox-notice]');
    await expect(notice).not.toHaveAttribute('data-placed', '');
    const before = await run.boundingBox();
    expect(before).not.toBeNull();
    await page.mouse.move(before!.x + before!.width / 2, before!.y + before!.height / 2);
    await page.mouse.down();
    await expect(notice).toHaveAttribute('data-placed', '', LOAD);
    expect(await run.boundingBox()).toEqual(before);
    await page.mouse.up();
    // The click reached Run: the run it asked for starts once the playground has loaded.
    await expect(host.getByRole('status')).toHaveText(/Running|Finished|Not yet|Stopped|fail/i, LOAD);
  });
}

test('pages that never show the tenant carry no sandbox notice', async ({ page }) => {
  await leaveSandboxChanged(page, { tokenLifetime: 2_592_000 });
  for (const path of ['/reference/token-triage/', '/lessons/what-changed/', '/guides/migrate-your-services/']) {
    await page.goto(path);
    await expect(page.locator('[data-sandbox-notice]')).toHaveCount(0);
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the sandbox bar is one short line that is not cut, and the dock stays small with all three bars up', async ({ page }) => {
    await leaveSandboxChanged(page, { tokenLifetime: 2_592_000 });
    await page.goto(LESSON_4);
    // What shows: "Sandbox: 30-day tokens", whole, beside Details and Reset.
    const line = page.locator('[data-sandbox-bar] .tl-sandbox-text');
    await expect(page.locator('[data-sandbox-short]')).toHaveText('30-day tokens');
    await expect(page.locator('[data-sandbox-short]')).toBeVisible();
    expect(await line.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    expect((await bar(page).boundingBox())!.height).toBeLessThanOrEqual(36);
    // Screen readers still get the whole sentence.
    await expect(bar(page)).toContainText('tokens live 2,592,000 s (30 days), not the default 86,400 s');

    await page.goto(LESSON_7);
    const signer = page.getByRole('region', { name: 'Hand-sign a Management API token' });
    await signer.getByRole('checkbox', { name: /I understand that a token can do only what its scopes allow/ }).check();
    await signer.getByRole('button', { name: 'I understand: unlock the signer' }).click();
    await expect(signer.locator('[data-output]')).toHaveText(/^eyJ/, LOAD);
    await signer.getByRole('combobox', { name: /Lifetime/ }).selectOption({ label: 'Never (no exp)' });
    await signer.getByRole('switch', { name: /before the change/ }).click();
    await expect(page.locator('[data-long-lived-warning]')).toBeVisible();
    await expect(page.locator('[data-legacy-indicator]')).toBeVisible();
    await expect(bar(page)).toBeVisible();
    // The same bound the red and yellow bars keep on their own (warning-dock.spec.ts).
    expect((await page.locator('[data-tl-dock]').boundingBox())!.height).toBeLessThanOrEqual(844 * 0.15);
  });
});

for (const theme of ['light', 'dark'] as const) {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    test(`the bar, its details, the note and the reset's confirmation pass axe (${theme}, ${viewport.width} px)`, async ({ page }) => {
      await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
      await page.setViewportSize(viewport);
      await leaveSandboxChanged(page, { tokenLifetime: 2_592_000, drills: { clockSkewSeconds: 300 } });
      await page.goto(LESSON_4);
      await expect(bar(page)).toBeVisible();
      await bar(page).getByRole('button', { name: 'Details' }).click();
      await expect(bar(page).getByRole('listitem')).toHaveCount(2);
      await note(page).scrollIntoViewIfNeeded();
      // The whole page: the bar, its open details and the note, with everything around them.
      expect(await blockingAxeViolations(page)).toEqual([]);
      await bar(page).getByRole('button', { name: 'Reset the sandbox' }).click();
      await expect(bar(page)).toContainText('The sandbox is reset');
      expect(await blockingAxeViolations(page, '[data-sandbox-notice]')).toEqual([]);
    });
  }
}
