import { expect, test, type Page } from '@playwright/test';
import { editorReady, forbidOtherOrigins, openWithCode, playground, PLAYGROUND_PAGE } from './playground-helpers.ts';

const GET_TOKEN = 'Get a token';
const LIST_CLIENTS = 'List applications with the token';

/** Records the editor's scripts (Monaco, its workers, the mount chunk) as the page requests them. */
function watchEditorScripts(page: Page): () => string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return () => scripts.filter((path) => /monaco|editor\.api|mount-playground|ts\.worker/i.test(path));
}

test.describe('a playground before it is used', () => {
  test.use({ viewport: { width: 1000, height: 320 } });

  test('shows the starter code as text at once and loads no editor code until it nears the viewport', async ({ page }) => {
    const editorScripts = watchEditorScripts(page);
    await page.goto(PLAYGROUND_PAGE);
    await page.waitForLoadState('networkidle');
    const region = playground(page, GET_TOKEN);
    await expect(region.getByText('grant_type: \'client_credentials\'')).toBeAttached();
    expect(editorScripts()).toEqual([]);

    const box = await region.locator('[data-editor]').boundingBox();
    await region.scrollIntoViewIfNeeded();
    await expect(region.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
    // Monaco took over the same box: nothing below it moved.
    const after = await region.locator('[data-editor]').boundingBox();
    expect(after?.height).toBe(box?.height);
  });
});

test('a playground on the first screen loads no editor code until the reader scrolls, clicks or focuses it', async ({ page }) => {
  const editorScripts = watchEditorScripts(page);
  await page.goto(PLAYGROUND_PAGE);
  await page.waitForLoadState('networkidle');
  const region = playground(page, GET_TOKEN);
  await expect(region.getByRole('region', { name: /code \(the editor loads/ })).toBeVisible();
  expect(editorScripts()).toEqual([]);

  await region.getByRole('region', { name: /code \(the editor loads/ }).focus();
  await expect(region.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
});

test.describe('Run pressed before the editor has loaded', () => {
  test.use({ viewport: { width: 1000, height: 320 } });

  test('runs the code shown at once, and the editor arrives after the token', async ({ page }) => {
    const strays = forbidOtherOrigins(page);
    await page.goto(PLAYGROUND_PAGE);
    const region = playground(page, GET_TOKEN);
    // Note, in the page, whether Monaco was there when the token appeared.
    await region.evaluate((node) => {
      const output = node.querySelector('[data-output]')!;
      new MutationObserver((_, observer) => {
        if (!output.querySelector('button[aria-label*="open the decoded view"]')) return;
        node.setAttribute('data-editor-at-token', String(node.querySelector('.monaco-editor') !== null));
        observer.disconnect();
      }).observe(output, { childList: true, subtree: true });
    });
    await region.getByRole('button', { name: 'Run' }).click();
    const output = region.getByRole('log', { name: 'Output' });
    await expect(output).toContainText('200 read:clients read:client_keys expires in 86400 s', { timeout: 30_000 });
    await expect(region).toHaveAttribute('data-editor-at-token', 'false');
    await expect(region.locator('.monaco-editor')).toBeVisible({ timeout: 45_000 });
    await expect(region.getByRole('status')).toHaveText(/Finished in/);
    expect(strays).toEqual([]);
  });

  test('names a syntax error and its line without the editor, and runs nothing', async ({ page }) => {
    await openWithCode(page, 'get-token', "console.log('first');\nconst = 5;\n");
    const region = playground(page, GET_TOKEN);
    await region.getByRole('button', { name: 'Run' }).click();
    const output = region.getByRole('log', { name: 'Output' });
    await expect(output).toContainText(/SyntaxError \(line 2, column 7\): Unexpected token\./, { timeout: 30_000 });
    await expect(output).not.toContainText('first');
  });
});

test.describe('running code', () => {
  test('Run gets a token from the mocked tenant, shows it and the request, and nothing leaves the browser', async ({ page }) => {
    const strays = forbidOtherOrigins(page);
    await page.goto(PLAYGROUND_PAGE);
    await editorReady(page, GET_TOKEN);
    const region = playground(page, GET_TOKEN);
    await region.getByRole('button', { name: 'Run' }).click();

    const output = region.getByRole('log', { name: 'Output' });
    await expect(output).toContainText('200 read:clients read:client_keys expires in 86400 s', { timeout: 15_000 });
    await expect(output.getByRole('button', { name: /open the decoded view/ })).toBeVisible();

    const requests = region.getByRole('region', { name: 'Requests' });
    await expect(requests).toContainText('POST');
    await expect(requests).toContainText('https://acme.auth0.test/oauth/token');
    await expect(requests).toContainText('200');
    await requests.locator('summary').first().click();
    await expect(requests.locator('.tl-secret').first()).toContainText('secret');
    expect(strays).toEqual([]);
  });

  test('learner code finds the token endpoint and JWKS by OIDC discovery, reads the rate-limit headers and verifies its token', async ({ page }) => {
    const strays = forbidOtherOrigins(page);
    const code = [
      "import { createRemoteJWKSet, jwtVerify } from 'jose';",
      'const base = `https://${tokenLab.domain}`;',
      "const discovery = await (await fetch(`${base}/.well-known/openid-configuration`)).json();",
      'const response = await fetch(discovery.token_endpoint, {',
      "  method: 'POST',",
      "  headers: { 'content-type': 'application/json' },",
      "  body: JSON.stringify({ grant_type: 'client_credentials', client_id: tokenLab.clientId, client_secret: tokenLab.clientSecret, audience: tokenLab.audience }),",
      '});',
      "console.log('limit', response.headers.get('x-ratelimit-limit'));",
      'const { access_token } = await response.json();',
      'const keys = createRemoteJWKSet(new URL(discovery.jwks_uri));',
      'const { payload } = await jwtVerify(access_token, keys, { issuer: discovery.issuer, audience: tokenLab.audience });',
      "console.log('verified', payload.azp === tokenLab.clientId, payload.exp! - payload.iat!);",
      '',
    ].join('\n');
    await openWithCode(page, 'get-token', code);
    const region = playground(page, GET_TOKEN);
    await region.getByRole('button', { name: 'Run' }).click();
    const output = region.getByRole('log', { name: 'Output' });
    // Readable though the tenant lists no origin for this app: the page itself made the
    // answer, and browsers do not apply CORS to those (removing the CORS headers changes nothing).
    await expect(output).toContainText('limit 30', { timeout: 30_000 });
    await expect(output).toContainText('verified true 86400');
    const requests = region.getByRole('region', { name: 'Requests' });
    await expect(requests).toContainText('https://acme.auth0.test/.well-known/openid-configuration');
    await expect(requests).toContainText('https://acme.auth0.test/.well-known/jwks.json');
    expect(strays).toEqual([]);
  });

  test('the token chip opens a decoded view with explained claims and a countdown', async ({ page }) => {
    await page.goto(PLAYGROUND_PAGE);
    await editorReady(page, GET_TOKEN);
    const region = playground(page, GET_TOKEN);
    await region.getByRole('button', { name: 'Run' }).click();
    const chip = region.getByRole('button', { name: /open the decoded view/ });
    await chip.click();
    await expect(chip).toHaveAttribute('aria-expanded', 'true');
    const decoded = region.getByRole('group', { name: 'Decoded token' });
    await expect(decoded).toContainText(/Expires in (1 d|23 h)/);
    await expect(decoded.getByRole('row', { name: /sub/ })).toContainText('@clients');
    await expect(decoded.getByRole('row', { name: /^exp/ })).toContainText('Client-credentials tokens for the Management API last 24 hours');
  });

  test('Ctrl+Enter in the editor runs the code', async ({ page }) => {
    await page.goto(PLAYGROUND_PAGE);
    await editorReady(page, GET_TOKEN);
    const region = playground(page, GET_TOKEN);
    await region.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Enter');
    await expect(region.getByRole('log', { name: 'Output' })).toContainText('200 read:clients');
  });

  test('a runtime error names the line in the TypeScript source and marks it in the editor', async ({ page }) => {
    await openWithCode(page, 'get-token', "const answer: number = 42;\n\nthrow new Error(`broken on purpose ${answer}`);\n");
    await editorReady(page, GET_TOKEN);
    const region = playground(page, GET_TOKEN);
    await region.getByRole('button', { name: 'Run' }).click();
    await expect(region.getByRole('log', { name: 'Output' })).toContainText(/Error \(line 3[^)]*\): broken on purpose 42/);
    await expect(region.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
  });

  test('a syntax error is reported with its line and nothing runs', async ({ page }) => {
    await openWithCode(page, 'get-token', "console.log('first');\nconst = 5;\n");
    await editorReady(page, GET_TOKEN);
    const region = playground(page, GET_TOKEN);
    await region.getByRole('button', { name: 'Run' }).click();
    const output = region.getByRole('log', { name: 'Output' });
    // With the editor there, TypeScript's own words.
    await expect(output).toContainText(/SyntaxError \(line 2, column 7\): Variable declaration expected\./);
    await expect(output).not.toContainText('first');
  });

  test('an editor emptied of every line says there is nothing to run', async ({ page }) => {
    await page.goto(PLAYGROUND_PAGE);
    await editorReady(page, GET_TOKEN);
    const region = playground(page, GET_TOKEN);
    await region.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await region.getByRole('button', { name: 'Run' }).click();
    await expect(region.getByRole('status')).toHaveText(/^Nothing to run: the editor holds no code\./);
    await expect(region.getByRole('log', { name: 'Output' }).locator('.tl-out-error')).toHaveCount(0);
    await expect(region.getByRole('region', { name: 'Requests' }).getByRole('listitem')).toHaveCount(0);
    await expect(region.locator('[data-problems]')).toHaveText('No problems found by TypeScript.');
  });
});

test.describe('keeping code', () => {
  test('edits survive a reload and Reset brings back the starting code', async ({ page }) => {
    await page.goto(PLAYGROUND_PAGE);
    await editorReady(page, GET_TOKEN);
    const region = playground(page, GET_TOKEN);
    await region.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type("\nconsole.log('kept across reloads');\n");
    await page.waitForTimeout(600); // the save is debounced
    await page.reload();
    await editorReady(page, GET_TOKEN);
    await expect(region.locator('.monaco-editor')).toContainText('kept across reloads');

    await region.getByRole('button', { name: 'Reset' }).click();
    await expect(region.locator('.monaco-editor')).not.toContainText('kept across reloads');
    await page.reload();
    await editorReady(page, GET_TOKEN);
    await expect(region.locator('.monaco-editor')).not.toContainText('kept across reloads');
  });

  test('a damaged saved copy gives a notice and the starting code, not a broken page', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('token-lab:playground:get-token', '{"v":1,"code":'));
    await page.goto(PLAYGROUND_PAGE);
    await editorReady(page, GET_TOKEN);
    const region = playground(page, GET_TOKEN);
    await expect(region.getByRole('alert')).toContainText('could not be read');
    await expect(region.locator('.monaco-editor')).toContainText('client_credentials');
    await region.getByRole('button', { name: 'Run' }).click();
    await expect(region.getByRole('log', { name: 'Output' })).toContainText('200 read:clients');
  });

  test('a damaged saved tenant is replaced by the seed with a notice, and runs still work', async ({ page }) => {
    await page.addInitScript(() => {
      // Only the first load: the reset tenant saved by the page must then be kept.
      if (!sessionStorage.getItem('damaged')) {
        localStorage.setItem('token-lab:tenant', '{"version":1,"domain":"acme.auth0.test","applications":"oops"}');
        sessionStorage.setItem('damaged', 'yes');
      }
    });
    await page.goto(PLAYGROUND_PAGE);
    await editorReady(page, GET_TOKEN);
    const region = playground(page, GET_TOKEN);
    await region.getByRole('button', { name: 'Run' }).click();
    await expect(region.getByRole('alert')).toContainText('saved sandbox tenant could not be read');
    await expect(region.getByRole('log', { name: 'Output' })).toContainText('200 read:clients');
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('token-lab:tenant') ?? 'null'));
    expect(Array.isArray(saved?.applications)).toBe(true);
  });

  test('Share makes a link that reopens the page with the same code in that playground', async ({ page, browser }) => {
    await page.goto(PLAYGROUND_PAGE);
    await editorReady(page, GET_TOKEN);
    const region = playground(page, GET_TOKEN);
    await region.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type("\nconsole.log('sent to a colleague');\n");
    await region.getByRole('button', { name: 'Share' }).click();
    const link = await region.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link).toContain('#pg.get-token=');

    // A colleague's browser: no saved edits, only the link.
    const colleague = await browser.newContext();
    const other = await colleague.newPage();
    await other.goto(link.replace(/^https?:\/\/[^/]+/, test.info().project.use.baseURL ?? ''));
    await editorReady(other, GET_TOKEN);
    await expect(playground(other, GET_TOKEN).locator('.monaco-editor')).toContainText('sent to a colleague');
    await expect(playground(other, LIST_CLIENTS).locator('.monaco-editor, [data-static]').first()).not.toContainText('sent to a colleague');
    await colleague.close();
  });

  test('Export gives a Node script and a curl command that read the values from the environment', async ({ page }) => {
    await page.goto(PLAYGROUND_PAGE);
    await editorReady(page, GET_TOKEN);
    const region = playground(page, GET_TOKEN);
    await region.getByRole('button', { name: 'Export' }).click();
    await expect(region).toContainText('Real client secrets belong on a server');
    await expect(region).toContainText('process.env.AUTH0_CLIENT_SECRET');
    await expect(region).toContainText('curl --request POST');
    await expect(region.locator('[data-export]')).not.toContainText('NOT-A-REAL-SECRET');
  });
});

test('two playgrounds on one page keep their own code, output and requests', async ({ page }) => {
  await page.goto(PLAYGROUND_PAGE);
  await editorReady(page, GET_TOKEN);
  await editorReady(page, LIST_CLIENTS);
  const first = playground(page, GET_TOKEN);
  const second = playground(page, LIST_CLIENTS);
  await second.getByRole('button', { name: 'Run' }).click();
  await first.getByRole('button', { name: 'Run' }).click();

  await expect(second.getByRole('log', { name: 'Output' })).toContainText('Reporting Service');
  await expect(second.getByRole('region', { name: 'Requests' }).locator('li')).toHaveCount(2);
  await expect(first.getByRole('log', { name: 'Output' })).toContainText('200 read:clients');
  await expect(first.getByRole('region', { name: 'Requests' }).locator('li')).toHaveCount(1);
  await expect(first.getByRole('log', { name: 'Output' })).not.toContainText('Reporting Service');
});
