import { expect, test } from '@playwright/test';

const PAGE = '/lessons/what-changed/';

test.beforeEach(async ({ page }) => {
  await page.goto(PAGE);
});

test('both flows are drawn as labelled pictures with their steps as text', async ({ page }) => {
  await expect(page.getByRole('img', { name: /Old flow: the API explorer signs a token in the browser/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /New flow: a machine-to-machine application asks \/oauth\/token/ })).toBeVisible();
  const oldSteps = page.getByRole('figure', { name: /Old flow/ }).getByRole('listitem');
  await expect(oldSteps).toHaveCount(7);
  await expect(oldSteps.nth(1)).toContainText('Global Client Secret');
});

test('the secret toggle highlights the steps that carry a secret, by mouse and by keyboard', async ({ page }) => {
  const figure = page.getByRole('figure', { name: /Old flow/ });
  const toggle = figure.getByRole('button', { name: 'Show where the secret travels' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(figure).toHaveAttribute('data-show-secret', '');
  await expect(figure.locator('.tl-sd-step-secret')).toHaveCount(2);

  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(figure).not.toHaveAttribute('data-show-secret');
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
});

test('the comparison table covers secrets, scopes, lifetime and cutting access off', async ({ page }) => {
  const table = page.getByRole('table');
  for (const row of ['Secret that makes a token', 'Who decides the scopes', 'How long a token lives', 'How access is cut off']) {
    await expect(table.getByRole('rowheader', { name: row }).or(table.getByRole('cell', { name: row }))).toBeVisible();
  }
  await expect(table).toContainText('24 hours');
  // 24 hours is the default, not a law, and an issued token cannot be taken back.
  await expect(table).toContainText('unless someone raised the Token Expiration (at most 30 days)');
  await expect(table).toContainText('cannot be revoked and works until its exp');
});

test('the lifetime paragraph links Auth0\'s pages on the default and on raising it', async ({ page }) => {
  await expect(page.getByRole('link', { name: 'Auth0: Management API Access Tokens' })).toHaveAttribute('href', 'https://auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens');
  await expect(page.getByRole('link', { name: 'Update Access Token Lifetime' })).toHaveAttribute('href', 'https://auth0.com/docs/secure/tokens/access-tokens/update-access-token-lifetime');
});

test('the quiz answers each choice at once and keeps score', async ({ page }) => {
  const quiz = page.getByRole('region', { name: 'Which flow is this?' });
  const first = quiz.getByRole('group', { name: /inside a page your browser downloaded/ });
  // Issue 24 item 8: each number sits with its statement, above the choices, not beside the buttons.
  const number = first.locator('.tl-quiz-number');
  await expect(number).toHaveText('1.');
  const numberBox = await number.boundingBox();
  const radioBox = await first.getByRole('radio', { name: 'Old explorer' }).boundingBox();
  expect(numberBox!.y + numberBox!.height).toBeLessThanOrEqual(radioBox!.y);
  await first.getByRole('radio', { name: 'Old explorer' }).check();
  await expect(first.getByRole('status')).toHaveText(/^Right: old explorer flow\./);

  const second = quiz.getByRole('group', { name: /gets a 403/ });
  await second.getByRole('radio', { name: 'Old explorer' }).check();
  await expect(second.getByRole('status')).toHaveText(/^Not quite: client credentials flow\./);
  await expect(quiz.getByText('1 of 2 right so far; 3 to go.')).toBeVisible();

  // Keyboard: arrow keys move between the two choices of one statement.
  await second.getByRole('radio', { name: 'Old explorer' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(second.getByRole('radio', { name: 'Client credentials' })).toBeChecked();
  await expect(second.getByRole('status')).toHaveText(/^Right: client credentials flow\./);
});
