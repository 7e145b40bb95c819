import { expect, test, type Page } from '@playwright/test';
import { compactVerify } from 'jose';
import { SEEDED_GLOBAL_CLIENT } from '../src/tenant/index.ts';

const PAGE = '/lessons/non-expiring-tokens/';
const LOAD = { timeout: 20_000 };

function signer(page: Page) {
  return page.getByRole('region', { name: 'Hand-sign a Management API token' });
}

async function unlock(page: Page): Promise<void> {
  const widget = signer(page);
  await widget.getByRole('checkbox', { name: /I understand that a token can do only what its scopes allow/ }).check();
  await widget.getByRole('button', { name: 'I understand: unlock the signer' }).click();
  await expect(widget.locator('[data-output]')).toHaveText(/^eyJ/, LOAD);
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function token(page: Page): Promise<string> {
  return (await signer(page).locator('[data-output]').textContent()) ?? '';
}

/** The claims of the token on screen, once its HS256 signature checks out with the sandbox secret. */
async function signedClaims(page: Page): Promise<Record<string, unknown>> {
  const { payload } = await compactVerify(await token(page), Buffer.from(SEEDED_GLOBAL_CLIENT.client_secret, 'base64'));
  return JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
}

async function riskIds(page: Page): Promise<string[]> {
  return signer(page).locator('[data-risks] [data-risk]').evaluateAll((items) => items.map((item) => item.getAttribute('data-risk') ?? ''));
}

test.beforeEach(async ({ page }) => {
  await page.goto(PAGE);
});

test('the signer stays locked until the reader ticks the box and presses the button', async ({ page }) => {
  const widget = signer(page);
  await expect(widget.getByRole('textbox', { name: 'Header' })).toBeHidden();
  await widget.getByRole('button', { name: 'I understand: unlock the signer' }).click();
  await expect(widget.getByText('Tick the box first: the signer stays locked until you do.')).toBeVisible();
  await expect(widget.getByRole('textbox', { name: 'Header' })).toBeHidden();
  // What the reader agrees to is true: a token is bounded by its scopes; the secret is what opens everything.
  const optIn = widget.getByRole('checkbox', { name: /I understand/ });
  await expect(optIn).toHaveAccessibleName(/can do only what its scopes allow, but the Global Client Secret that signs it unlocks the whole tenant/);
  await expect(optIn).toHaveAccessibleName(/Auth0 says such tokens cannot be denylisted/);
  await unlock(page);
  await expect(widget.getByRole('textbox', { name: 'Header' })).toBeVisible();
});

test('a one-year token shows the risks and a red banner that stays in view while scrolling', async ({ page }) => {
  await unlock(page);
  const claims = claimsOf(await token(page));
  expect((claims.exp as number) - (claims.iat as number)).toBe(31_536_000);
  const risks = signer(page).locator('[data-risks]');
  await expect(risks.locator('[data-risk="long-lifetime"]')).toContainText('Lives 1 year, longer than 24 hours');
  await expect(risks.locator('[data-risk="shared-secret"]')).toBeVisible();

  const banner = page.locator('[data-long-lived-warning]');
  await expect(banner).toContainText('longer than 24 hours');
  for (const y of [0, 100_000, 0]) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await expect(banner).toBeInViewport();
  }
  expect(await banner.evaluate((node) => getComputedStyle(node.parentElement!).position)).toBe('fixed');
});

test('never removes exp and the banner says so; one hour keeps only the hand-signed warning', async ({ page }) => {
  await unlock(page);
  const lifetime = signer(page).getByRole('combobox', { name: /Lifetime/ });
  await lifetime.selectOption({ label: 'Never (no exp)' });
  await expect.poll(async () => claimsOf(await token(page))).not.toHaveProperty('exp');
  await expect(signer(page).locator('[data-risk="no-exp"]')).toBeVisible();
  await expect(page.locator('[data-long-lived-warning]')).toContainText('never expires');

  await lifetime.selectOption({ label: '1 hour' });
  await expect.poll(async () => { const c = claimsOf(await token(page)); return (c.exp as number) - (c.iat as number); }).toBe(3_600);
  await expect(signer(page).locator('[data-risk="long-lifetime"], [data-risk="no-exp"]')).toHaveCount(0);
  await expect(page.locator('[data-long-lived-warning]')).toContainText('A hand-signed token is on screen');
});

test('broken JSON gets a clear error and no token', async ({ page }) => {
  await unlock(page);
  const payload = signer(page).getByRole('textbox', { name: 'Payload' });
  await payload.fill('{ "scope": "read:clients", }');
  await expect(signer(page).locator('[data-payload-error]')).toHaveText(/^Payload is not valid JSON: /);
  await expect(payload).toHaveAttribute('aria-invalid', 'true');
  await expect(signer(page).locator('[data-output]')).toHaveText('');
});

test('write scopes are named in the risk list', async ({ page }) => {
  await unlock(page);
  const payload = signer(page).getByRole('textbox', { name: 'Payload' });
  const value = JSON.parse(await payload.inputValue()) as Record<string, unknown>;
  await payload.fill(JSON.stringify({ ...value, scope: 'read:clients update:client_grants' }, null, 2));
  await expect(signer(page).locator('[data-risk="write-scopes"]')).toContainText('update:client_grants');
});

test('refuses a real-looking Auth0 domain and a real-looking secret in plain words', async ({ page }) => {
  await unlock(page);
  const widget = signer(page);
  const payload = widget.getByRole('textbox', { name: 'Payload' });
  const value = JSON.parse(await payload.inputValue()) as Record<string, unknown>;
  await payload.fill(JSON.stringify({ ...value, iss: 'https://mycompany.eu.auth0.com/' }, null, 2));
  const refusal = widget.getByRole('alert');
  await expect(refusal).toContainText('mycompany.eu.auth0.com, which looks like a real Auth0 tenant');
  await expect(widget.locator('[data-output]')).toHaveText('');
  await expect(page.locator('[data-long-lived-warning]')).toBeHidden();

  await payload.fill(JSON.stringify(value, null, 2));
  await expect(refusal).toBeHidden();
  const made = 'q3VZ8xkP_7mYt2Lr9bWc-4NdHf6JsA1eKoGu0iTzRhXvBnMyQpCwEaSlDjFgUkO5';
  await widget.getByRole('textbox', { name: /Secret: the Global Client Secret/ }).fill(made);
  await expect(refusal).toContainText('shaped like a real Auth0 client or global secret');
  await expect(refusal).not.toContainText(made);
  await expect(widget.locator('[data-output]')).toHaveText('');
});

test('shows that the sandbox secret is fake', async ({ page }) => {
  await unlock(page);
  await expect(signer(page).locator('[data-secret-decoded]')).toHaveText(/^NOT-A-REAL-SECRET: /);
});

test('the hand-signed token gets the exact 401 today and a 200 in legacy mode', async ({ page }) => {
  await unlock(page);
  const widget = signer(page);
  const call = widget.getByRole('button', { name: 'Try it on GET /api/v2/clients' });
  await call.click();
  await expect(widget.locator('[data-call-status]')).toHaveText('HTTP 401 Unauthorized (today\'s tenant)', LOAD);
  expect(JSON.parse((await widget.locator('[data-call-body] .tl-outcome-body').textContent()) ?? '')).toEqual({
    statusCode: 401,
    error: 'Unauthorized',
    message: 'Invalid signature received for JSON Web Token validation',
    attributes: { error: 'Invalid signature received for JSON Web Token validation' },
  });
  await widget.getByRole('switch', { name: /before the change/ }).click();
  await expect(page.locator('[data-legacy-indicator]')).toBeVisible();
  await call.click();
  await expect(widget.locator('[data-call-status]')).toHaveText('HTTP 200 OK (tenant before the change)', LOAD);
});

test('every quick edit of the payload re-signs the token, and the last edit wins with its own risk list', async ({ page }) => {
  await unlock(page);
  const payload = signer(page).getByRole('textbox', { name: 'Payload' });
  const first = await token(page);
  const written = async () => JSON.parse(await payload.inputValue()) as Record<string, unknown>;
  await payload.evaluate((field: HTMLTextAreaElement) => {
    const end = field.value.indexOf('read:client_keys') + 'read:client_keys'.length;
    field.setSelectionRange(end, end);
    field.focus();
  });

  // Key by key with no pause: each key is an edit of its own, and the token must end on the last.
  await page.keyboard.type(' delete:clients');
  await expect.poll(() => signedClaims(page)).toEqual(await written());
  expect((await written()).scope).toBe('read:clients read:client_keys delete:clients');
  await expect.poll(() => riskIds(page)).toEqual(['long-lifetime', 'shared-secret', 'write-scopes']);
  await expect(signer(page).locator('[data-risk="write-scopes"]')).toContainText('delete:clients');

  await page.keyboard.type(' read:users read:logs read:roles');
  await expect.poll(() => signedClaims(page)).toEqual(await written());
  await expect.poll(() => riskIds(page)).toEqual(['long-lifetime', 'shared-secret', 'write-scopes', 'many-scopes']);
  await expect(signer(page).locator('[data-risk="many-scopes"]')).toContainText('6 scopes');

  // Back to the starting payload, byte for byte: the same claims signed again give the very first
  // token, so any signature of an earlier edit left on screen would show.
  for (let i = 0; i < ' delete:clients read:users read:logs read:roles'.length; i++) await page.keyboard.press('Backspace');
  await expect.poll(() => token(page)).toBe(first);
  await expect.poll(() => riskIds(page)).toEqual(['long-lifetime', 'shared-secret']);
  await expect(signer(page).getByRole('status').filter({ hasText: /^Signed/ })).toHaveText('Signed. This token outlives 24 hours.');
});
