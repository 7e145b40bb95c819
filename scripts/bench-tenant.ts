// What the mocked tenant costs in Node: token issue and token verify operations per second
// (in-process, through handleTenantRequest), and a bounded loopback load against the real HTTP
// server. Not a test: the figures go in the closing notes.
//
//   node scripts/bench-tenant.ts [--json] [--seconds 2] [--requests 10000] [--concurrency 20]
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { createTenant, handleTenantRequest, SEEDED_CREDENTIALS, type Tenant } from '../src/tenant/index.ts';
// Not part of the tenant's public API; measured on its own to separate JWT verification from routing.
import { verifyAccessToken } from '../src/tenant/verify-access-token.ts';
import { startTenantServer } from '../src/tenant/hosts/node-http.ts';

interface Measurement {
  name: string;
  operations: number;
  seconds: number;
  opsPerSecond: number;
  microsPerOp: number;
}

interface LoadResult {
  requests: number;
  concurrency: number;
  failures: number;
  misanswered: number;
  throttled: number;
  stoppedEarly: boolean;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  examples: string[];
}

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '2' },
    requests: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '20' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('Usage: node scripts/bench-tenant.ts [--json] [--seconds 2] [--requests 10000] [--concurrency 20]');
  process.exit(0);
}

function wholeNumber(text: string, name: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    console.error(`[bench] --${name} must be a number from ${min} to ${max}, not "${text}".`);
    process.exit(2);
  }
  return value;
}

const SECONDS = wholeNumber(values.seconds, 'seconds', 0.1, 60);
const REQUESTS = Math.floor(wholeNumber(values.requests, 'requests', 1, 100_000));
const CONCURRENCY = Math.floor(wholeNumber(values.concurrency, 'concurrency', 1, 200));
// The whole load run stops here even if requests remain: it must stay bounded on a slow machine.
const LOAD_TIME_LIMIT_MS = 120_000;
const WARM_UP_MS = 300;

const { reporting } = SEEDED_CREDENTIALS;
const log = (line: string) => {
  if (!values.json) console.log(line);
};

/** Runs `operation` for a warm-up, then as often as it can in `SECONDS`. */
async function measure(name: string, operation: () => Promise<void>): Promise<Measurement> {
  let until = performance.now() + WARM_UP_MS;
  while (performance.now() < until) await operation();
  let operations = 0;
  const started = performance.now();
  until = started + SECONDS * 1000;
  while (performance.now() < until) {
    await operation();
    operations += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  return { name, operations, seconds, opsPerSecond: operations / seconds, microsPerOp: (seconds * 1e6) / operations };
}

function tokenRequest(origin: string, form = false): Request {
  const params = { grant_type: 'client_credentials', client_id: reporting.client_id, client_secret: reporting.client_secret, audience: `https://acme.auth0.test/api/v2/` };
  return new Request(`${origin}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: form ? new URLSearchParams(params).toString() : JSON.stringify(params),
  });
}

async function issueToken(tenant: Tenant): Promise<string> {
  const response = await handleTenantRequest(tenant, tokenRequest(`https://${tenant.domain}`));
  const body = (await response.json()) as { access_token?: string };
  if (response.status !== 200 || body.access_token === undefined) throw new Error(`[bench] no token: ${response.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

async function microBenchmarks(): Promise<Measurement[]> {
  // Raised limits: the buckets must never throttle the operations being measured.
  const unlimited = { limit: 1_000_000, perSecond: 1_000_000 };
  const tenant = await createTenant({ rateLimits: { token: unlimited, management: unlimited } });
  const origin = `https://${tenant.domain}`;
  const token = await issueToken(tenant);
  const clientUrl = `${origin}/api/v2/clients/${reporting.client_id}`;
  const results: Measurement[] = [];

  results.push(await measure('token issue (POST /oauth/token)', async () => {
    const response = await handleTenantRequest(tenant, tokenRequest(origin));
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`[bench] token issue answered ${response.status}`);
  }));
  results.push(await measure('token verify (GET /api/v2/clients/{id})', async () => {
    const response = await handleTenantRequest(tenant, new Request(clientUrl, { headers: { authorization: `Bearer ${token}` } }));
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`[bench] API call answered ${response.status}`);
  }));
  results.push(await measure('token verify (verifyAccessToken alone)', async () => {
    const principal = await verifyAccessToken(tenant, `Bearer ${token}`);
    if (!('scopes' in principal)) throw new Error(`[bench] verify refused the token: ${principal.code}`);
  }));
  return results;
}

type Check = (status: number, body: unknown) => boolean;

interface Job {
  label: string;
  send: (origin: string, token: string) => Request;
  check: Check;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const JOBS: Job[] = [
  {
    label: 'token (json)',
    send: (origin) => tokenRequest(origin),
    check: (status, body) => status === 200 && isObject(body) && typeof body.access_token === 'string' && body.scope === 'read:clients read:client_keys' && body.expires_in === 86_400 && body.token_type === 'Bearer',
  },
  {
    label: 'token (form)',
    send: (origin) => tokenRequest(origin, true),
    check: (status, body) => status === 200 && isObject(body) && typeof body.access_token === 'string',
  },
  {
    label: 'GET client',
    send: (origin, token) => new Request(`${origin}/api/v2/clients/${reporting.client_id}`, { headers: { authorization: `Bearer ${token}` } }),
    check: (status, body) => status === 200 && isObject(body) && body.client_id === reporting.client_id && body.client_secret === reporting.client_secret,
  },
  {
    label: 'GET clients page',
    send: (origin, token) => new Request(`${origin}/api/v2/clients?per_page=2&include_totals=true`, { headers: { authorization: `Bearer ${token}` } }),
    check: (status, body) => status === 200 && isObject(body) && body.total === 5 && body.limit === 2 && Array.isArray(body.clients) && body.clients.length === 2,
  },
  {
    label: 'API without token',
    send: (origin) => new Request(`${origin}/api/v2/clients`),
    check: (status, body) => status === 401 && JSON.stringify(body) === '{"statusCode":401,"error":"Unauthorized","message":"Missing authentication"}',
  },
];

// Per 10 requests: 3 token requests, 6 API calls, 1 refused call.
const MIX = [0, 1, 2, 3, 2, 0, 3, 2, 4, 3];

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function loopbackLoad(): Promise<LoadResult> {
  const server = await startTenantServer({ port: 0, host: '127.0.0.1' });
  if (!server.origin.startsWith('http://127.0.0.1:')) {
    await server.close();
    throw new Error(`[bench] refusing to load ${server.origin}: loopback only`);
  }
  const latencies: number[] = [];
  const examples: string[] = [];
  let failures = 0;
  let misanswered = 0;
  let throttled = 0;
  let next = 0;
  const deadline = performance.now() + LOAD_TIME_LIMIT_MS;
  const note = (text: string) => {
    if (examples.length < 5) examples.push(text);
  };

  // startTenantServer keeps the real free-plan limits (30 tokens/s), which would turn most of the
  // load into 429s; refilling the buckets before each request keeps it on the token and API paths.
  // A 429 that still slips in is a correct answer and counted apart.
  const send = async (request: Request): Promise<{ status: number; body: unknown; limited: boolean }> => {
    server.tenant.resetRateLimits();
    const response = await fetch(request, { signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text), limited: response.status === 429 && response.headers.has('x-ratelimit-reset') };
  };

  const worker = async () => {
    const first = await send(tokenRequest(server.origin));
    const token = isObject(first.body) && typeof first.body.access_token === 'string' ? first.body.access_token : '';
    for (;;) {
      const index = next;
      if (index >= REQUESTS || performance.now() > deadline) return;
      next += 1;
      const job = JOBS[MIX[index % MIX.length]!]!;
      const started = performance.now();
      try {
        const { status, body, limited } = await send(job.send(server.origin, token));
        latencies.push(performance.now() - started);
        if (limited) throttled += 1;
        else if (!job.check(status, body)) {
          misanswered += 1;
          note(`${job.label}: ${status} ${JSON.stringify(body).slice(0, 200)}`);
        }
      } catch (error) {
        failures += 1;
        note(`${job.label}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    await server.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const done = Math.min(next, REQUESTS);
  return {
    requests: done,
    concurrency: CONCURRENCY,
    failures,
    misanswered,
    throttled,
    stoppedEarly: done < REQUESTS,
    seconds,
    requestsPerSecond: done / seconds,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    examples,
  };
}

const environment = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', parallelism: availableParallelism() };
log(`[bench] Node ${environment.node}, ${environment.parallelism} CPUs (${environment.cpu}); ${SECONDS} s per measurement after a ${WARM_UP_MS} ms warm-up`);

const micro = await microBenchmarks();
log('');
log('operation                                      ops/s     µs/op');
for (const result of micro) {
  log(`${result.name.padEnd(44)} ${result.opsPerSecond.toFixed(0).padStart(7)} ${result.microsPerOp.toFixed(1).padStart(9)}`);
}

log('');
log(`[bench] loopback load: ${REQUESTS} requests from ${CONCURRENCY} concurrent clients against the real HTTP server on 127.0.0.1`);
const load = await loopbackLoad();
log(`requests ${load.requests}${load.stoppedEarly ? ' (stopped at the time limit)' : ''}, failures ${load.failures}, mis-answered ${load.misanswered}, throttled ${load.throttled}`);
log(`${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.p50Ms.toFixed(2)} ms, p95 ${load.p95Ms.toFixed(2)} ms`);
for (const example of load.examples) log(`  e.g. ${example}`);

if (values.json) console.log(JSON.stringify({ environment, micro, load }, null, 2));
if (load.failures > 0 || load.misanswered > 0) process.exitCode = 1;
