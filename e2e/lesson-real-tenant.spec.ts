import { expect, test } from '@playwright/test';

const PAGE = '/lessons/real-tenant/';
const DOMAIN = 'dev-abc123.us.auth0.com';
const CLIENT_ID = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';

test('the three snippets sit in tabs, each with a copy button', async ({ page }) => {
  await page.goto(PAGE);
  const tabs = page.getByRole('tab');
  await expect(tabs.filter({ hasText: 'curl' })).toBeVisible();
  await page.getByRole('tab', { name: 'Node (fetch)' }).click();
  const fetchPanel = page.getByRole('tabpanel', { name: 'Node (fetch)' });
  await expect(fetchPanel).toContainText("grant_type: 'client_credentials'");
  await expect(fetchPanel.getByRole('button', { name: 'Copy to clipboard' })).toBeAttached();
  await page.getByRole('tab', { name: 'Auth0 Node SDK' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Auth0 Node SDK' })).toContainText('new ManagementClient');
});

test('the form fills the domain and client ID into the snippets and what they copy', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(PAGE);
  const form = page.getByRole('region', { name: 'Fill in your tenant' });
  await form.getByLabel('Tenant domain').fill(`https://${DOMAIN}/`);
  await form.getByLabel('Client ID').fill(CLIENT_ID);
  await form.getByRole('button', { name: 'Fill in' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Snippets now use' })).toHaveText(`Snippets now use your domain ${DOMAIN} and client ID ${CLIENT_ID}.`);

  const curlPanel = page.getByRole('tabpanel', { name: 'curl' });
  const curlCode = curlPanel.locator('pre');
  await expect(curlCode).toContainText(`audience=https://${DOMAIN}/api/v2/`);
  await expect(curlCode).toContainText(`client_id=${CLIENT_ID}`);
  await expect(curlCode).not.toContainText('YOUR_DOMAIN');
  await curlPanel.getByRole('button', { name: 'Copy to clipboard' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`--url https://${DOMAIN}/oauth/token`);
  expect(copied).toContain('client_secret@-');
  expect(copied).not.toContain('AUTH0_BASE_URL');
  expect(copied).not.toContain('YOUR_CLIENT_ID');

  await page.getByRole('tab', { name: 'Auth0 Node SDK' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Auth0 Node SDK' })).toContainText(`'${DOMAIN}'`);

  // Emptying a field brings the placeholder back.
  await form.getByLabel('Client ID').fill('');
  await form.getByRole('button', { name: 'Fill in' }).click();
  await page.getByRole('tab', { name: 'curl' }).click();
  await expect(curlCode).toContainText('client_id=YOUR_CLIENT_ID');
});

test('the form takes the HTTPS sandbox\'s localhost:4380, as the page tells readers to type', async ({ page }) => {
  await page.goto(PAGE);
  const form = page.getByRole('region', { name: 'Fill in your tenant' });
  await form.getByLabel('Tenant domain').fill('localhost:4380');
  await form.getByLabel('Client ID').fill('sbxReportingService0000000000001');
  await form.getByRole('button', { name: 'Fill in' }).click();
  await expect(page.getByRole('tabpanel', { name: 'curl' }).locator('pre')).toContainText('--url https://localhost:4380/oauth/token');
});

test('the form refuses a client secret and a token, says why, and clears the field', async ({ page }) => {
  await page.goto(PAGE);
  const form = page.getByRole('region', { name: 'Fill in your tenant' });
  const clientId = form.getByLabel('Client ID');
  await clientId.fill('sandbox-NOT-A-REAL-SECRET-reporting-service-00000000000000000001');
  await form.getByRole('button', { name: 'Fill in' }).click();
  await expect(clientId).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('That looks like a client secret');
  await expect(clientId).toHaveValue('');
  await expect(page.getByRole('tabpanel', { name: 'curl' })).toContainText('client_id=YOUR_CLIENT_ID');

  const domain = form.getByLabel('Tenant domain');
  await domain.fill('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln');
  await domain.press('Enter');
  await expect(form).toContainText('That looks like an access token');
  await expect(domain).toHaveValue('');
});

test('the page tells where secrets belong and how to try it on the local tenant', async ({ page }) => {
  await page.goto(PAGE);
  const main = page.getByRole('main');
  await expect(main).toContainText('Where the client secret lives');
  await expect(main).toContainText('npm run tenant -- --https --port 4380');
  await expect(main).toContainText(`eval "$(grep '^export ' tenant.txt)"`);
  await expect(main).not.toContainText('AUTH0_BASE_URL');
  // The secret is on the Credentials tab today, and a rotation takes a moment on Auth0.
  await expect(main).toContainText('the client secret is on its Credentials tab');
  await expect(main).toContainText('a new secret may take up to about 30 seconds to work');
  await expect(main.getByRole('link', { name: 'Auth0: Rotate Client Secret' }).first()).toHaveAttribute('href', 'https://auth0.com/docs/get-started/applications/rotate-client-secret');
});

test('the SDK snippet walks every page of applications with for await', async ({ page }) => {
  await page.goto(PAGE);
  await page.getByRole('tab', { name: 'Auth0 Node SDK' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Auth0 Node SDK' })).toContainText('for await (const client of clients)');
});
