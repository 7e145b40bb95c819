import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpsTenant, type HttpsTenant } from '../../tenant/hosts/https-tenant-test-support.ts';
import { SEEDED_CREDENTIALS, SEEDED_GLOBAL_CLIENT, TenantError } from '../../tenant/index.ts';
import { checkDomain, fillPlaceholders } from '../placeholder-filler/check-input.ts';

/*
 * The copy-ready snippets of the "Take it to a real tenant" lesson, run for real against the
 * local mocked tenant over HTTPS (`npm run tenant -- --https`) exactly as the lesson tells readers
 * to run them: AUTH0_DOMAIN is localhost:N and the banner's export lines make the tools trust it,
 * with no base-URL override anywhere.
 */
const run = promisify(execFile);
const LESSON = 'content/lessons/10-real-tenant';
const { reporting, noGrant } = SEEDED_CREDENTIALS;
// The tenant lists the Global Client ("All Applications") after the applications, as Auth0 lists it.
const NAMES = ['Reporting Service', 'Nightly Backup', 'Customer Portal', 'API Explorer Application', 'All Applications'];
const IDS = [...Object.values(SEEDED_CREDENTIALS).map((credential) => credential.client_id), SEEDED_GLOBAL_CLIENT.client_id];

let sandbox: HttpsTenant;
let server: HttpsTenant['server'];
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  sandbox = await startHttpsTenant();
  server = sandbox.server;
  env = {
    PATH: process.env.PATH,
    ...sandbox.trustEnvironment,
    AUTH0_DOMAIN: server.tenant.domain,
    AUTH0_CLIENT_ID: reporting.client_id,
    AUTH0_CLIENT_SECRET: reporting.client_secret,
  };
});

afterAll(() => sandbox.close());

describe('the lesson\'s snippets against the local tenant', () => {
  it('Node (fetch) lists the seeded applications', async () => {
    const { stdout } = await run(process.execPath, [`${LESSON}/get-clients-fetch.mjs`], { env });
    expect(stdout.trim().split('\n')).toEqual(NAMES.map((name, index) => `${name} ${IDS[index]}`));
  });

  it('Node (fetch) stops with the tenant\'s 403 for an application without a grant', async () => {
    const failing = run(process.execPath, [`${LESSON}/get-clients-fetch.mjs`], { env: { ...env, AUTH0_CLIENT_ID: noGrant.client_id, AUTH0_CLIENT_SECRET: noGrant.client_secret } });
    await expect(failing).rejects.toMatchObject({ stderr: expect.stringContaining('Token request failed: 403 access_denied') });
  });

  it('Node (fetch) refuses to run without a secret in the environment', async () => {
    const failing = run(process.execPath, [`${LESSON}/get-clients-fetch.mjs`], { env: { ...env, AUTH0_CLIENT_SECRET: '' } });
    await expect(failing).rejects.toMatchObject({ stderr: expect.stringContaining('Set AUTH0_CLIENT_SECRET') });
  });

  it('the Auth0 SDK, given only the three variables, lists the seeded applications', async () => {
    const { stdout } = await run(process.execPath, [`${LESSON}/get-clients-sdk.mjs`], { env });
    expect(stdout.trim().split('\n').map((line) => line.split(' sbx')[0])).toEqual(NAMES);
  });

  it('curl, with the placeholders filled in as the form does, prints the applications as JSON', async () => {
    // What the form accepts for the local sandbox (localhost:N) is what goes into the script.
    const domain = checkDomain(server.tenant.domain);
    expect(domain).toEqual({ ok: true, value: server.tenant.domain });
    const script = fillPlaceholders(readFileSync(`${LESSON}/get-token.sh`, 'utf8'), { domain: server.tenant.domain, clientId: reporting.client_id });
    const { stdout } = await run('bash', ['-c', script], { env });
    expect((JSON.parse(stdout) as Array<{ name: string }>).map((client) => client.name)).toEqual(NAMES);
  });

  it('curl gets the secret and the token on standard input, never as an argument', () => {
    const script = readFileSync(`${LESSON}/get-token.sh`, 'utf8');
    expect(script).toContain('client_secret@-');
    expect(script).toContain('--header @-');
    expect(script).not.toMatch(/\$AUTH0_CLIENT_SECRET"?\s*\\?$|client_secret=\$|Bearer \$TOKEN"/m);
  });
});

describe('the lesson\'s snippets on a tenant with more than one page of applications', () => {
  // 60 more applications: with the Global Client that is 65, two pages of 50.
  const EXTRA = Array.from({ length: 60 }, (_, index) => `Paging Test App ${String(index + 1).padStart(2, '0')}`);
  let bigSandbox: HttpsTenant;
  let big: HttpsTenant['server'];
  let bigEnv: NodeJS.ProcessEnv;
  const clientRequests: string[] = [];

  beforeAll(async () => {
    bigSandbox = await startHttpsTenant();
    big = bigSandbox.server;
    for (const name of EXTRA) {
      const created = big.tenant.createApplication({ name, app_type: 'non_interactive', grant_types: ['client_credentials'] });
      if (created instanceof TenantError) throw new Error(`could not seed ${name}: ${created.message}`);
    }
    // Record the page requests the snippets make, so the test sees them page.
    big.server.prependListener('request', (request) => {
      if (request.url?.startsWith('/api/v2/clients')) clientRequests.push(request.url);
    });
    bigEnv = { ...env, ...bigSandbox.trustEnvironment, AUTH0_DOMAIN: big.tenant.domain };
  });

  afterAll(() => bigSandbox.close());

  it('the Auth0 SDK\'s for await reaches the applications after the first 50', async () => {
    clientRequests.length = 0;
    const { stdout } = await run(process.execPath, [`${LESSON}/get-clients-sdk.mjs`], { env: bigEnv });
    const names = stdout.trim().split('\n').map((line) => line.split(' ').slice(0, -1).join(' '));
    expect(names).toHaveLength(NAMES.length + EXTRA.length);
    expect(names).toEqual(expect.arrayContaining([...NAMES, ...EXTRA]));
    expect(names.at(-1)).toBe('All Applications');
    expect(clientRequests.filter((url) => /[?&]page=1(&|$)/.test(url))).toHaveLength(1);
  });

  it('Node (fetch) keeps asking until a page comes back short', async () => {
    clientRequests.length = 0;
    const { stdout } = await run(process.execPath, [`${LESSON}/get-clients-fetch.mjs`], { env: bigEnv });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(NAMES.length + EXTRA.length);
    expect(lines.at(-1)).toMatch(/^All Applications /);
    expect(clientRequests.map((url) => new URL(url, 'http://x').searchParams.get('page'))).toEqual(['0', '1']);
  });
});
