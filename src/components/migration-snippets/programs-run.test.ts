import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHttpsTenant, type HttpsTenant } from '../../tenant/hosts/https-tenant-test-support.ts';
import { SEEDED_CREDENTIALS, TenantError } from '../../tenant/index.ts';
import { toCurlCommand, toNodeScript } from '../../playground/export-code.ts';
import { GUIDE_PROGRAMS_DIR as PROGRAMS_DIR } from './pinned-sdk.ts';

/*
 * The migration guide's programs, one folder per language, run as a reader runs them: its
 * `install` (when it has one), then its `run`, with nothing but AUTH0_DOMAIN, AUTH0_CLIENT_ID,
 * AUTH0_CLIENT_SECRET and the export lines of `npm run tenant -- --https` set (plus PATH and HOME,
 * which every toolchain needs). The tenant is served over HTTPS on localhost with 130 more
 * applications than it is seeded with, so every program must walk several pages, and their names
 * hold what real names hold: accents, other scripts, quotes, commas, spaces, the longest allowed.
 */
const run = promisify(execFile);

/** What to do when a tool is missing; `.ci/run` does it on CI. */
const INSTALL: Record<string, string> = {
  node: 'Node.js comes with this project (npm ci).',
  npm: 'npm comes with Node.js.',
  python3: 'Install Python 3 with venv (Debian: apt-get install -y python3 python3-venv); .ci/run does.',
  go: 'Install Go 1.25 or later (https://go.dev/dl/); .ci/run fetches it from the Go module proxy when it is missing.',
  java: 'Install a JDK 17 (Debian: apt-get install -y openjdk-17-jdk-headless); .ci/run does.',
  mvn: 'Install Maven (Debian: apt-get install -y maven); .ci/run does.',
  curl: 'Install curl (Debian: apt-get install -y curl); .ci/run does.',
  jq: 'Install jq (Debian: apt-get install -y jq); .ci/run does.',
};

/** Fails, never skips, when a tool is missing: a program nobody ran must not pass. */
function requireTool(tool: string): string {
  try {
    return execFileSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`[guide programs] ${tool} is not installed, so the guide's programs cannot be run. ${INSTALL[tool] ?? ''}`);
  }
}

/** How each program fails for an application whose token request the tenant refuses (403). */
const REFUSED_TOKEN = { stderr: /403|access_denied|not authorized/i, callsApi: false };
const PROGRAMS = [
  { folder: 'node', tools: ['node', 'npm'], refused: REFUSED_TOKEN },
  { folder: 'python', tools: ['python3'], refused: REFUSED_TOKEN },
  { folder: 'python-sdk', tools: ['python3'], refused: REFUSED_TOKEN },
  // go-auth0 v3.4.0 drops a failed token request's error and sends the call with no token
  // (management/core/request_option.go, ToHeader), so the reader sees the API's 401, not the 403.
  { folder: 'go', tools: ['go'], refused: { stderr: /401.*Missing authentication/, callsApi: true } },
  { folder: 'java', tools: ['java', 'mvn'], refused: REFUSED_TOKEN },
  { folder: 'curl', tools: ['curl', 'jq'], refused: REFUSED_TOKEN },
] as const;

// 130 more applications: with the four seeded ones, 134 to list, three pages of 50.
const LONGEST = `Überlänge ${'ø'.repeat(110)} ${'x'.repeat(7)}`.slice(0, 128);
const AWKWARD_NAMES = [
  'Zahlungsdienst Müller & Söhne',
  '請求書サービス',
  'Служба отчётов',
  'Café "Crème" Export',
  "O'Brien's nightly job",
  'Billing, EU region, v2',
  'Two  spaces   inside',
  'emoji 🚀 deploy bot',
  'back\\slash and $dollar and `tick`',
  LONGEST,
];
const EXTRA_NAMES = [...AWKWARD_NAMES, ...Array.from({ length: 130 - AWKWARD_NAMES.length }, (_, index) => `Batch job ${String(index + 1).padStart(3, '0')}`)];

let sandbox: HttpsTenant;
let server: HttpsTenant['server'];
let expected: string[];
let requests: string[] = [];
const { reporting, noGrant } = SEEDED_CREDENTIALS;

function envFor(credential: { client_id: string; client_secret: string }, overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...sandbox.trustEnvironment,
    AUTH0_DOMAIN: server.tenant.domain,
    AUTH0_CLIENT_ID: credential.client_id,
    AUTH0_CLIENT_SECRET: credential.client_secret,
    ...overrides,
  };
}

beforeAll(async () => {
  sandbox = await startHttpsTenant();
  server = sandbox.server;
  for (const name of EXTRA_NAMES) {
    const created = server.tenant.createApplication({ name, app_type: 'non_interactive', grant_types: ['client_credentials'] });
    if (created instanceof TenantError) throw new Error(`could not create "${name}": ${created.message}`);
  }
  // The Global Client ("All Applications") is not among them: the programs ask for is_global=false.
  expected = server.tenant.applications.map((app) => `${app.client_id}\t${app.name}`);
  server.server.on('request', (incoming) => requests.push(`${incoming.method} ${incoming.url?.split('?')[0]}`));
});
afterAll(() => sandbox?.close());
beforeEach(() => {
  requests = [];
});

describe('the guide\'s programs and what they need', () => {
  it('the tenant to list holds the seeded applications and 130 more, names intact', () => {
    expect(expected).toHaveLength(4 + 130);
    expect(expected).toContain(expected.find((line) => line.endsWith(`\t${LONGEST}`)));
    expect([...LONGEST]).toHaveLength(128);
  });

  it('nothing in content/ uses AUTH0_BASE_URL or puts a secret on a command line', () => {
    const files = readdirSync('content', { recursive: true, encoding: 'utf8' })
      .filter((file) => !/(^|\/)(node_modules|\.venv|target|__pycache__)(\/|$)/.test(file) && statSync(`content/${file}`).isFile());
    expect(files.length).toBeGreaterThan(40);
    const offenders = files.filter((file) => {
      const text = readFileSync(`content/${file}`, 'utf8');
      // A secret on a command line: client_secret=$VAR in an argument, or -u id:$SECRET.
      return text.includes('AUTH0_BASE_URL') || /client_secret=\$|client_secret=\\?"\$|-u [^\s]+:\$\w*SECRET/.test(text);
    });
    expect(offenders).toEqual([]);
  });
});

describe.each(PROGRAMS)('the $folder program against the HTTPS tenant', ({ folder, tools, refused }) => {
  const dir = `${PROGRAMS_DIR}/${folder}`;

  beforeAll(async () => {
    for (const tool of tools) requireTool(tool);
    // The reader's first step: fetch the pinned SDK (npm, PyPI, the Go proxy, Maven Central).
    if (existsSync(`${dir}/install`)) await run(`${dir}/install`, [], { env: { PATH: process.env.PATH, HOME: process.env.HOME }, timeout: 600_000 });
  }, 620_000);

  it('lists every application, each once, names intact, with one token request', async () => {
    const { stdout } = await run(`${dir}/run`, [], { env: envFor(reporting), timeout: 240_000, maxBuffer: 8 << 20 });
    const lines = stdout.split('\n').filter(Boolean);
    expect([...lines].sort()).toEqual([...expected].sort());
    expect(new Set(lines).size).toBe(lines.length);
    expect(requests.filter((line) => line === 'POST /oauth/token')).toHaveLength(1);
    expect(requests.filter((line) => line === 'GET /api/v2/clients').length).toBeGreaterThanOrEqual(3);
  }, 250_000);

  it('stops with an error for an application that has no client grant', async () => {
    const failing = run(`${dir}/run`, [], { env: envFor(noGrant), timeout: 240_000 });
    await expect(failing).rejects.toMatchObject({ stderr: expect.stringMatching(refused.stderr) });
    expect(requests).toContain('POST /oauth/token');
    expect(requests.includes('GET /api/v2/clients')).toBe(refused.callsApi);
  }, 250_000);

  it('refuses to start without a client secret in the environment', async () => {
    const failing = run(`${dir}/run`, [], { env: envFor(reporting, { AUTH0_CLIENT_SECRET: '' }), timeout: 240_000 });
    await expect(failing).rejects.toMatchObject({ stderr: expect.stringContaining('AUTH0_CLIENT_SECRET') });
    expect(requests).toEqual([]);
  }, 250_000);
});

describe('the playground\'s Export, run through the same harness', () => {
  // What the playground's Export button gives a reader, run as the reader would: the four
  // variables it names (the audience included) and the banner's trust lines, nothing else.
  const exportEnv = () => envFor(reporting, { AUTH0_AUDIENCE: server.tenant.managementAudience });
  const SANDBOX = { domain: 'acme.auth0.test', clientId: reporting.client_id, clientSecret: reporting.client_secret, audience: 'https://acme.auth0.test/api/v2/' };

  it('the curl command gets a token, the secret on standard input', async () => {
    const { stdout } = await run('bash', ['-c', toCurlCommand()], { env: exportEnv() });
    expect(JSON.parse(stdout)).toMatchObject({ token_type: 'Bearer', expires_in: 86400, access_token: expect.stringMatching(/^eyJ/) });
    expect(requests).toEqual(['POST /oauth/token']);
  });

  it('the Node script runs the learner\'s code against the tenant and prints its result', async () => {
    const code = [
      'const response = await fetch(tokenLab.tokenUrl, {',
      "  method: 'POST',",
      "  headers: { 'content-type': 'application/json' },",
      "  body: JSON.stringify({ grant_type: 'client_credentials', client_id: tokenLab.clientId, client_secret: tokenLab.clientSecret, audience: tokenLab.audience }),",
      '});',
      'const token = await response.json();',
      'const clients = await fetch(`https://${tokenLab.domain}/api/v2/clients?per_page=100`, { headers: { authorization: `Bearer ${token.access_token}` } });',
      'export default (await clients.json()).length;',
    ].join('\n');
    const script = toNodeScript(code, SANDBOX);
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: exportEnv() });
    expect(stdout.trim()).toBe('100');
    expect(requests).toEqual(['POST /oauth/token', 'GET /api/v2/clients']);
  });
});

describe('the .NET program, which cannot run here', () => {
  it('pins the SDK, reads only the three variables, and the page says it is not run', () => {
    expect(readFileSync(`${PROGRAMS_DIR}/dotnet/ListApplications.csproj`, 'utf8')).toMatch(/Include="Auth0\.ManagementApi" Version="\d+\.\d+\.\d+"/);
    const program = readFileSync(`${PROGRAMS_DIR}/dotnet/Program.cs`, 'utf8');
    expect([...program.matchAll(/"(AUTH0_[A-Z_]+)"/g)].map((match) => match[1]).sort()).toEqual(['AUTH0_CLIENT_ID', 'AUTH0_CLIENT_SECRET', 'AUTH0_DOMAIN']);
  });
});
