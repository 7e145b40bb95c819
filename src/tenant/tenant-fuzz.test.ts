import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './create-tenant.ts';
import { handleTenantRequest } from './handle-request.ts';
import { mintLegacyExplorerToken } from './legacy-token.ts';
import { START } from './hosts/testing.ts';
import type { Tenant } from './tenant.ts';

/*
 * Property: whatever arrives, the tenant answers with a well-formed JSON body (or an empty 204),
 * never a 5xx, never an exception. Rate limits are raised so the requests reach the real logic.
 */

const RUNS = 2_500;

let tenant: Tenant;
let goodToken: string;
let adminToken: string;
let legacyToken: string;

beforeAll(async () => {
  const generous = { limit: 1_000_000, perSecond: 1_000_000 };
  tenant = await createTenant({ now: START, rateLimits: { token: generous, management: generous, jwks: generous } });
  const issue = async (role: 'reporting' | 'explorer') => {
    const { client_id, client_secret } = tenant.seeded[role];
    const response = await handleTenantRequest(tenant, new Request(`https://${tenant.domain}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id, client_secret, audience: tenant.managementAudience }),
    }));
    return (await response.json()).access_token as string;
  };
  goodToken = await issue('reporting');
  adminToken = await issue('explorer');
  legacyToken = await mintLegacyExplorerToken(tenant);
});

const printable = (max = 80) => fc.string({ unit: 'grapheme-ascii', maxLength: max });
const anyText = fc.string({ unit: 'binary', maxLength: 120 });

const pathArb = fc.oneof(
  fc.constantFrom('/oauth/token', '/.well-known/jwks.json', '/api/v2/clients', '/api/v2/client-grants', '/api/v2', '/', '/api/v2/users'),
  fc.constantFrom('sbxReportingService0000000000001', 'cgr_sbxReporting000001', 'nobody', '%E0%A4%A', '..', '').chain((id) =>
    fc.constantFrom(`/api/v2/clients/${id}`, `/api/v2/clients/${id}/rotate-secret`, `/api/v2/client-grants/${id}`),
  ),
  anyText.map((text) => `/api/v2/${encodeURIComponent(text)}`),
);

const queryArb = fc.dictionary(
  fc.constantFrom('page', 'per_page', 'include_totals', 'fields', 'include_fields', 'audience', 'client_id'),
  fc.oneof(printable(12), fc.constantFrom('0', '1', '50', '100', '101', 'true', 'false', '-1', 'name,client_secret')),
  { maxKeys: 4 },
);

const authorizationArb = fc.option(
  fc.oneof(
    fc.constant('GOOD'),
    fc.constant('ADMIN'),
    fc.constant('LEGACY'),
    printable().map((text) => `Bearer ${text}`),
    printable().map((text) => `Basic ${btoa(text)}`),
    printable(),
  ),
  { nil: undefined },
);

const tokenParamsArb = fc.record(
  {
    grant_type: fc.oneof(fc.constant('client_credentials'), printable(20), fc.jsonValue({ maxDepth: 1 })),
    client_id: fc.oneof(fc.constantFrom('sbxReportingService0000000000001', 'sbxNightlyBackup0000000000000002', 'sbxCustomerPortal000000000000003'), printable(40)),
    client_secret: fc.oneof(fc.constant('sandbox-NOT-A-REAL-SECRET-reporting-service-00000000000000000001'), printable(70)),
    audience: fc.oneof(fc.constant('https://acme.auth0.test/api/v2/'), printable(40)),
    scope: fc.oneof(fc.constantFrom('read:clients', 'read:client_keys read:clients', 'delete:users', ''), printable(40)),
  },
  { requiredKeys: [] },
);

const grantBodyArb = fc.record(
  {
    client_id: fc.oneof(fc.constantFrom('sbxNightlyBackup0000000000000002', 'sbxReportingService0000000000001'), printable(20)),
    audience: fc.oneof(fc.constant('https://acme.auth0.test/api/v2/'), printable(20)),
    scope: fc.oneof(fc.subarray(['read:clients', 'read:users', 'create:clients']), fc.array(printable(15), { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })),
  },
  { requiredKeys: [] },
);

const bodyArb = fc.oneof(
  fc.constant(undefined),
  grantBodyArb.map((grant) => ({ type: 'application/json', text: JSON.stringify(grant) })),
  fc.record({ name: printable(30), app_type: fc.constantFrom('non_interactive', 'spa', 'robot') }, { requiredKeys: [] }).map((app) => ({ type: 'application/json', text: JSON.stringify(app) })),
  tokenParamsArb.map((params) => ({ type: 'application/json', text: JSON.stringify(params) })),
  tokenParamsArb.map((params) => ({ type: 'application/x-www-form-urlencoded', text: new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString() })),
  fc.json({ maxDepth: 3 }).map((text) => ({ type: 'application/json', text })),
  anyText.map((text) => ({ type: 'application/json', text })),
  fc.record({ type: fc.oneof(printable(30), fc.constantFrom('text/plain', 'application/json; charset=utf-8', '')), text: anyText }),
);

const idArb = fc.oneof(fc.constantFrom('sbxReportingService0000000000001', 'cgr_sbxReporting000001', 'cgr_sbxApiExplorer0004'), printable(20).map(encodeURIComponent));

// Mostly real routes, so the requests get past routing; the rest is anything at all.
const routeArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.constant({ method: 'POST', path: '/oauth/token' }),
      fc.constant({ method: 'GET', path: '/api/v2/clients' }),
      fc.constant({ method: 'POST', path: '/api/v2/clients' }),
      fc.constant({ method: 'GET', path: '/api/v2/client-grants' }),
      fc.constant({ method: 'POST', path: '/api/v2/client-grants' }),
      idArb.map((id) => ({ method: 'GET', path: `/api/v2/clients/${id}` })),
      idArb.map((id) => ({ method: 'POST', path: `/api/v2/clients/${id}/rotate-secret` })),
      idArb.map((id) => ({ method: 'PATCH', path: `/api/v2/client-grants/${id}` })),
      idArb.map((id) => ({ method: 'DELETE', path: `/api/v2/client-grants/${id}` })),
    ),
  },
  { weight: 1, arbitrary: fc.record({ method: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS', 'HEAD'), path: pathArb }) },
);

const requestArb = fc.record({
  route: routeArb,
  query: queryArb,
  authorization: authorizationArb,
  body: bodyArb,
});

const methodOf = (shape: RequestShape): string => shape.route.method;

type RequestShape = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

function toRequest(shape: RequestShape): Request {
  const { method, path } = shape.route;
  const url = new URL(`https://${tenant.domain}${path}`);
  for (const [key, value] of Object.entries(shape.query)) url.searchParams.append(key, value);
  const headers = new Headers();
  const auth = shape.authorization === 'GOOD' ? `Bearer ${goodToken}` : shape.authorization === 'ADMIN' ? `Bearer ${adminToken}` : shape.authorization === 'LEGACY' ? `Bearer ${legacyToken}` : shape.authorization;
  if (auth !== undefined) headers.set('authorization', auth);
  const canHaveBody = method !== 'GET' && method !== 'HEAD';
  if (canHaveBody && shape.body !== undefined) {
    if (shape.body.type !== '') headers.set('content-type', shape.body.type);
    return new Request(url, { method: method, headers, body: shape.body.text });
  }
  return new Request(url, { method: method, headers });
}

describe('fuzzing handleTenantRequest', () => {
  it(`answers ${RUNS} random requests with well-formed JSON and never a 5xx`, async () => {
    const errors: unknown[] = [];
    const statuses = new Map<number, number>();
    const original = console.error;
    console.error = (...args: unknown[]) => { errors.push(args); };
    try {
      await fc.assert(
        fc.asyncProperty(requestArb, fc.boolean(), async (shape, legacy) => {
          tenant.setLegacyMode(legacy);
          const response = await handleTenantRequest(tenant, toRequest(shape));
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status).toBeLessThan(500);
          const text = await response.text();
          if (response.status === 204 || methodOf(shape) === 'HEAD') {
            expect(text).toBe('');
          } else {
            expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
            const body: unknown = JSON.parse(text);
            expect(typeof body === 'object' && body !== null).toBe(true);
          }
        }),
        { numRuns: RUNS },
      );
    } finally {
      console.error = original;
    }
    expect(errors).toEqual([]);
    // The generators must reach the real logic, not only the routing: successes and each error family.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 204, 400, 401, 403, 404]));
    console.info(`[tenant] fuzz statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  }, 120_000);
});
