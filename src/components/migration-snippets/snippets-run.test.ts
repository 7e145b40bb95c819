import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTenantServer } from '../../tenant/hosts/node-http.ts';
import { SEEDED_CREDENTIALS } from '../../tenant/index.ts';

/*
 * The runbook's Node, Python and curl snippets, run exactly as the page shows them (the page imports
 * these same files with ?raw) against the local mocked tenant (`npm run tenant`). Each must list
 * the applications with one token for two rounds of calls, stop on a 403 for an application
 * without a grant, and refuse to start without a secret.
 */
const run = promisify(execFile);
const GUIDE = 'content/guides/01-migrate-your-services';
const { reporting, noGrant, noClientCredentials, explorer } = SEEDED_CREDENTIALS;
const APPLICATIONS = [reporting, noGrant, noClientCredentials, explorer].map((app) => `${app.name} ${app.client_id}`);

const INSTALL = {
  python3: 'Install Debian\'s python3 (apt-get install -y python3); .ci/run installs it on CI.',
  curl: 'Install curl (apt-get install -y curl); .ci/run installs it on CI.',
  jq: 'Install jq (apt-get install -y jq); .ci/run installs it on CI.',
} as const;

/** Fails, never skips, when a tool a snippet needs is missing: an untested snippet must not pass. */
function requireTool(tool: keyof typeof INSTALL): string {
  try {
    return execFileSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`[migration snippets] ${tool} is not installed, so the runbook's snippets cannot be tested. ${INSTALL[tool]}`);
  }
}

const SNIPPETS = [
  { language: 'Node (Auth0 SDK)', command: () => [process.execPath, `${GUIDE}/list-applications-sdk.mjs`] },
  { language: 'Python (urllib)', command: () => [requireTool('python3'), `${GUIDE}/list_applications.py`] },
  {
    language: 'curl',
    command: () => {
      requireTool('curl');
      requireTool('jq');
      return ['bash', `${GUIDE}/list-applications.sh`];
    },
  },
] as const;

let server: Awaited<ReturnType<typeof startTenantServer>>;
let requests: string[] = [];

beforeAll(async () => {
  server = await startTenantServer({ port: 0 });
  server.server.on('request', (incoming) => requests.push(`${incoming.method} ${incoming.url?.split('?')[0]}`));
});
afterAll(() => server.close());
beforeEach(() => {
  requests = [];
});

function envFor(credential: { client_id: string; client_secret: string }, overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AUTH0_DOMAIN: server.tenant.domain,
    AUTH0_CLIENT_ID: credential.client_id,
    AUTH0_CLIENT_SECRET: credential.client_secret,
    AUTH0_BASE_URL: server.origin,
    ...overrides,
  };
}

describe('the runbook\'s snippet files and tools', () => {
  it('the page shows, through ?raw imports, exactly the files this suite runs', () => {
    const page = readFileSync(`${GUIDE}/index.mdx`, 'utf8');
    for (const file of ['list-applications-sdk.mjs', 'list_applications.py', 'list-applications.sh']) {
      expect(page).toMatch(new RegExp(`^import \\w+ from '\\./${file.replace('.', '\\.')}\\?raw';$`, 'm'));
    }
  });

  it('python3, curl and jq are installed, or the test says how to install them', () => {
    for (const tool of Object.keys(INSTALL) as Array<keyof typeof INSTALL>) expect(requireTool(tool)).toMatch(/\//);
  });
});

describe.each(SNIPPETS)('the runbook\'s $language snippet against the local tenant', ({ command }) => {
  it('lists every application but the Global Client, twice, with a single token request', async () => {
    const [program, ...args] = command();
    const { stdout } = await run(program, args, { env: envFor(reporting) });
    expect(stdout.trim().split('\n')).toEqual([...APPLICATIONS, `Again: ${APPLICATIONS.length} applications`]);
    expect(requests.filter((line) => line === 'POST /oauth/token')).toHaveLength(1);
    expect(requests.filter((line) => line === 'GET /api/v2/clients').length).toBeGreaterThanOrEqual(2);
  });

  it('stops with the tenant\'s 403 for an application that has no client grant', async () => {
    const [program, ...args] = command();
    const failing = run(program, args, { env: envFor(noGrant) });
    await expect(failing).rejects.toMatchObject({ stderr: expect.stringMatching(/403|not authorized/) });
    expect(requests).not.toContain('GET /api/v2/clients');
  });

  it('refuses to start without a client secret in the environment', async () => {
    const [program, ...args] = command();
    const failing = run(program, args, { env: envFor(reporting, { AUTH0_CLIENT_SECRET: '' }) });
    await expect(failing).rejects.toMatchObject({ stderr: expect.stringContaining('Set AUTH0_CLIENT_SECRET') });
    expect(requests).toEqual([]);
  });
});
