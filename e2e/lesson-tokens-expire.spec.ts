import { expect, test, type Page } from '@playwright/test';
import { createShareUrl } from '../src/playground/share-link.ts';
import { editorReady, forbidOtherOrigins, playground } from './playground-helpers.ts';

const LESSON = '/lessons/tokens-expire/';
const EXPIRED_BODY = {
  statusCode: 401,
  error: 'Unauthorized',
  message: 'Expired token received for JSON Web Token validation',
  attributes: { error: 'Expired token received for JSON Web Token validation' },
};

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('e2e-cleared')) {
      localStorage.clear();
      sessionStorage.setItem('e2e-cleared', '1');
    }
  });
});

function clock(page: Page) {
  return page.getByRole('region', { name: 'Tenant clock' });
}
function tokenWidget(page: Page) {
  return page.getByRole('region', { name: 'A token, counting down' });
}

/** The hours of "Expires in X h Y min" (or 0 once expired). */
async function hoursLeft(page: Page): Promise<number> {
  const text = (await tokenWidget(page).locator('[data-countdown]').textContent()) ?? '';
  const match = /Expires in (?:(\d+) d )?(\d+) h/.exec(text);
  if (!match) return /Expires in/.test(text) ? 0 : -1;
  return Number(match[1] ?? 0) * 24 + Number(match[2]);
}

test('the call works, the countdown drops after +1 hour, and +24 hours brings the exact 401 body', async ({ page }) => {
  const strays = forbidOtherOrigins(page);
  await page.goto(LESSON);
  const widget = tokenWidget(page);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('[data-countdown]')).toHaveText(/Expires in (1 d|23 h)/, { timeout: 20_000 });
  await expect(widget.getByRole('table', { name: 'Claims of the token' })).toContainText('client-credentials');

  const call = widget.getByRole('button', { name: 'Call GET /api/v2/clients with this token' });
  await call.click();
  await expect(widget.locator('.tl-outcome-line')).toContainText('200');

  const before = await hoursLeft(page);
  await clock(page).getByRole('button', { name: '+1 hour' }).click();
  await expect(clock(page).getByRole('status')).toHaveText(/jumped forward 1 hour/);
  await expect.poll(() => hoursLeft(page)).toBe(before - 1);
  await expect(clock(page)).toContainText('1 h 0 min ahead of your computer');
  await call.click();
  await expect(widget.locator('.tl-outcome-line')).toContainText('200');

  await clock(page).getByRole('button', { name: '+24 hours' }).click();
  await expect(widget.locator('[data-countdown]')).toHaveText(/^Expired/);
  await call.click();
  await expect(widget.locator('.tl-outcome-line')).toContainText('401');
  const body = JSON.parse((await widget.locator('.tl-outcome-body').textContent()) ?? '{}');
  expect(body).toEqual(EXPIRED_BODY);

  await widget.getByRole('button', { name: 'Get a new token' }).click();
  await expect(widget.locator('[data-countdown]')).toHaveText(/Expires in (1 d|23 h)/);
  await call.click();
  await expect(widget.locator('.tl-outcome-line')).toContainText('200');

  await clock(page).getByRole('button', { name: 'Reset clock' }).click();
  await expect(clock(page)).toContainText('in step with your computer');
  expect(strays).toEqual([]);
});

test('the countdown ticks on its own', async ({ page }) => {
  await page.goto(LESSON);
  const countdown = tokenWidget(page).locator('[data-countdown]');
  await tokenWidget(page).scrollIntoViewIfNeeded();
  await expect(countdown).toHaveText(/Expires in/, { timeout: 20_000 });
  // Just past expiry the countdown shows seconds ("Expired 3 s ago"), so it must change within a few.
  await clock(page).getByRole('button', { name: '+24 hours' }).click();
  await expect(countdown).toHaveText(/^Expired (\d+ s|1 min \d+ s) ago/);
  const first = await countdown.textContent();
  await expect.poll(async () => countdown.textContent(), { timeout: 15_000 }).not.toBe(first);
});

test('a pasted token in the playground gets the same 401 after +24 hours', async ({ page }) => {
  await page.goto(LESSON);
  const widget = tokenWidget(page);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('[data-countdown]')).toHaveText(/Expires in/, { timeout: 20_000 });
  const token = await widget.getByLabel('Encoded token (JWT)').inputValue();
  await clock(page).getByRole('button', { name: '+24 hours' }).click();
  await expect(clock(page).getByRole('status')).toHaveText(/jumped forward 24 hours/);

  const starter = `const token = ${JSON.stringify(token)};
const clients = await fetch(\`https://\${tokenLab.domain}/api/v2/clients\`, { headers: { authorization: \`Bearer \${token}\` } });
console.log('status', clients.status);
export default await clients.json();
`;
  const url = await createShareUrl(`http://localhost${LESSON}`, 'call-after-the-jump', starter);
  await page.goto('about:blank');
  await page.goto(LESSON + new URL(url).hash);
  const title = 'Call the API after the jump';
  await editorReady(page, title);
  const region = playground(page, title);
  await region.getByRole('button', { name: 'Run' }).click();
  const output = region.getByRole('log', { name: 'Output' });
  await expect(output).toContainText('status 401', { timeout: 20_000 });
  await expect(output).toContainText('Expired token received for JSON Web Token validation');
});

test('24 hours is called the default: the token says so, the page links Auth0, and the chart shows a raised 30-day lifetime', async ({ page }) => {
  await page.goto(LESSON);
  await tokenWidget(page).scrollIntoViewIfNeeded();
  await expect(tokenWidget(page).locator('[data-token-status]')).toHaveText('New token issued for the Reporting Service. It lives 24 hours on the tenant clock, the default.', { timeout: 20_000 });
  // A default-lifetime token raises no red bar.
  await expect(page.locator('[data-long-lived-warning]')).toBeHidden();
  await expect(page.getByText(/24 hours unless someone raised the\s+Management API.s token lifetime \(Maximum Access Token Lifetime on its Settings tab/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Update Access Token Lifetime' })).toHaveAttribute('href', 'https://auth0.com/docs/secure/tokens/access-tokens/update-access-token-lifetime');
  await expect(page.getByRole('rowheader', { name: '30-day token' })).toBeAttached();
});
