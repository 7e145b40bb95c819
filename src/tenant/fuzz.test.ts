import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTenant } from './create-tenant.ts';
import { AUDIENCE, authorizationArb, ORIGIN, type Fixture } from './fuzz-credentials-test-support.ts';
import {
  apiPathArb, bakeRequest, bodyArb, coherentApiArb, FUZZ_KEYS, methodArb, nearlyRightTokenBody, originArb, queryArb,
  type RequestRecipe,
} from './fuzz-requests-test-support.ts';
import { checkResponse, seen, seenByRoute } from './fuzz-response-check-test-support.ts';
import { handleTenantRequest } from './handle-request.ts';
import { MANAGEMENT_ROUTES } from './management-api.ts';
import { DEFAULT_RATE_LIMITS } from './rate-limit.ts';
import { displayRoutePath } from './management-route.ts';
import { tenantHandlers } from './msw-handlers.ts';
import { restoreTenant } from './restore-tenant.ts';
import { SEEDED_CREDENTIALS } from './seed.ts';
import type { Tenant } from './tenant.ts';
import { TenantError } from './tenant-error.ts';
import { START } from './hosts/testing.ts';

/*
 * Property-based fuzzing of /oauth/token and /api/v2/* with fast-check. Beyond "JSON, never a
 * 5xx" it checks that each error body has the shape of its route family and that a 429 never
 * comes without its x-ratelimit-* headers (fuzz-response-check-test-support.ts); the generators
 * are in fuzz-credentials-test-support.ts and fuzz-requests-test-support.ts.
 *
 * The seed is fixed so CI runs are reproducible; set FUZZ_SEED to explore others. On a failure
 * fast-check prints the seed and the shrunk counterexample.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_129);
// Two properties of RUNS random requests and one of RUNS / 2 through the real fetch: 10,000 in all,
// before the rate-limit property's own sequences.
const RUNS = 4_000;
// Far above what a run sends, so requests reach the real logic; each property restores a snapshot of it.
const GENEROUS = { limit: 1_000_000, perSecond: 1_000_000 };
/**
 * Real time stands still at START (x-ratelimit-reset reads it), so runs are reproducible; the
 * tenant's own clock is moved apart from it by the rate-limit property's clock jumps.
 */
const wallClock = (): number => START.getTime();

let fixture: Fixture;
let casesRun = 0;
/** Requests made from a generated recipe (the rate-limit property's fixed requests not included). */
let generatedRequests = 0;
const started = performance.now();
const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);

beforeAll(async () => {
  const tenant = await createTenant({ now: START, wallClock, rateLimits: { token: GENEROUS, management: GENEROUS, jwks: GENEROUS } });
  const issue = async (role: 'reporting' | 'explorer') => {
    const { client_id, client_secret } = SEEDED_CREDENTIALS[role];
    const response = await handleTenantRequest(tenant, new Request(`${ORIGIN}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id, client_secret, audience: AUDIENCE }),
    }));
    return ((await response.json()) as { access_token: string }).access_token;
  };
  // A credential for two applications, so the credential routes' reads and deletes find one from the start.
  for (const role of ['reporting', 'noGrant'] as const) {
    const created = await tenant.createCredential(SEEDED_CREDENTIALS[role].client_id, { pem: FUZZ_KEYS[0]!.publicKeyPem, name: 'fuzz' });
    if (created instanceof TenantError) throw created;
  }
  fixture = { tenant, snapshot: tenant.toJSON(), reporting: await issue('reporting'), explorer: await issue('explorer'), kid: tenant.signingKey.kid };
});

afterAll(() => {
  consoleError.mockRestore();
  console.info(`[tenant] fuzz statuses: ${JSON.stringify(Object.fromEntries([...seen].map(([family, statuses]) => [family, [...statuses].sort()])))}`);
  console.info(`[tenant] fuzz: ${generatedRequests} generated requests, ${casesRun} in all, in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${SEED})`);
});

/** A tenant of its own per property, so one property's mutations cannot mask another's findings. */
async function isolatedTenant(): Promise<Tenant> {
  const { tenant, restored, problem } = await restoreTenant(fixture.snapshot, { wallClock });
  if (!restored) throw new Error(`test set-up: ${problem}`);
  return tenant;
}

async function answer(tenant: Tenant, recipe: RequestRecipe): Promise<void> {
  const { method, url, init } = await bakeRequest(recipe, fixture, tenant);
  const response = await handleTenantRequest(tenant, new Request(url, init));
  casesRun += 1;
  generatedRequests += 1;
  await checkResponse(method, url, response);
  expect(consoleError).not.toHaveBeenCalled();
}

const parameters = (numRuns: number) => ({ numRuns, seed: SEED });

/**
 * Whatever the API accepted must survive a save and a restore, or a learner's tenant is lost on
 * the next page load (a longer run of this fuzzer, 160,000 requests, found PATCHes that answered 200
 * and left state the restore refused; restore-tenant.test.ts keeps those cases).
 */
async function expectRestorable(tenant: Tenant): Promise<void> {
  const { restored, problem } = await restoreTenant(JSON.stringify(tenant.toJSON()));
  expect(problem).toBeUndefined();
  expect(restored).toBe(true);
}

describe('fuzzing the mocked tenant with fast-check', () => {
  it('answers every random /oauth/token request with an Authentication API body and rate-limit headers', async () => {
    const tenant = await isolatedTenant();
    const recipe = fc.record({
      method: fc.oneof({ weight: 9, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: methodArb }),
      path: fc.constant('/oauth/token'),
      query: fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: queryArb }),
      authorization: fc.oneof({ weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) }, { weight: 2, arbitrary: authorizationArb }),
      body: fc.oneof(bodyArb, nearlyRightTokenBody),
      origin: originArb,
    });
    await fc.assert(fc.asyncProperty(recipe, (request) => answer(tenant, request)), parameters(RUNS));
  }, 60_000);

  it('answers every random /api/v2 request with a Management API body whose statusCode is the HTTP status', async () => {
    let tenant = await isolatedTenant();
    let sinceRestore = 0;
    const recipe = fc.oneof(coherentApiArb, fc.record({ method: methodArb, path: apiPathArb, query: queryArb, authorization: authorizationArb, body: bodyArb, origin: originArb }));
    await fc.assert(
      fc.asyncProperty(recipe, fc.boolean(), async (request, legacy) => {
        // Deletes and secret rotations wear the seed away; a fresh copy now and then keeps the
        // 200s, 204s and 409s reachable for the whole run.
        if (++sinceRestore > 150) {
          await expectRestorable(tenant);
          tenant = await isolatedTenant();
          sinceRestore = 0;
        }
        tenant.setLegacyMode(legacy);
        await answer(tenant, request);
      }),
      parameters(RUNS),
    );
    await expectRestorable(tenant);
  }, 60_000);

  it('answers any method on any path of the domain, through msw and the real fetch, without a 5xx', async () => {
    const tenant = await isolatedTenant();
    const server = setupServer(...tenantHandlers(tenant));
    server.listen({ onUnhandledFrame: 'error' });
    try {
      const pathArb = fc.oneof(
        fc.constantFrom('/oauth/token', '/.well-known/jwks.json', '/', '/oauth/token/', '/authorize', '/userinfo'),
        apiPathArb,
        fc.string({ unit: 'binary', maxLength: 40 }).map((text) => `/${encodeURIComponent(text).replace(/%2F/g, '/')}`),
      );
      // msw 3.0.5 in Node does not intercept fetch with a method outside Node's http.METHODS (a
      // lowercase 'patch', which fetch does not normalize, or 'FOO'): such a request goes to real
      // DNS despite onUnhandledFrame: 'error'. Those methods are fuzzed above, without the network.
      const wireMethod = fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS', 'HEAD', 'get', 'post', 'delete', 'PROPFIND');
      const recipe = fc.record({ method: wireMethod, path: pathArb, query: queryArb, authorization: authorizationArb, body: bodyArb });
      await fc.assert(
        fc.asyncProperty(recipe, async (request) => {
          const { method, url, init } = await bakeRequest(request, fixture, tenant, { forFetch: true });
          const response = await fetch(url, init);
          casesRun += 1;
          generatedRequests += 1;
          await checkResponse(method, url, response);
          expect(consoleError).not.toHaveBeenCalled();
        }),
        parameters(RUNS / 2),
      );
    } finally {
      server.close();
    }
  }, 60_000);

  it('only ever answers 429 with x-ratelimit-* headers, under the real limits, clock jumps and the rate-limited drill', async () => {
    const base = await createTenant({ now: START, wallClock });
    const snapshot = base.toJSON();
    const step = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('request' as const), route: fc.constantFrom('token', 'api'), valid: fc.boolean() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), seconds: fc.double({ min: 0, max: 3, noNaN: true }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('drill' as const), on: fc.boolean() }) },
    );
    let saw429 = false;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 80 }), async (steps) => {
        const { tenant } = await restoreTenant(snapshot, { wallClock });
        for (const action of steps) {
          if (action.kind === 'advance') tenant.clock.advance(action.seconds);
          else if (action.kind === 'drill') tenant.drills.set({ rateLimited: action.on });
          else {
            const token = action.valid ? fixture.reporting : 'garbage';
            const request = action.route === 'token'
              ? new Request(`${ORIGIN}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials', client_id: SEEDED_CREDENTIALS.reporting.client_id, client_secret: action.valid ? SEEDED_CREDENTIALS.reporting.client_secret : 'wrong', audience: AUDIENCE }) })
              : new Request(`${ORIGIN}/api/v2/clients/${SEEDED_CREDENTIALS.reporting.client_id}`, { headers: { authorization: `Bearer ${token}` } });
            const url = new URL(request.url);
            const response = await handleTenantRequest(tenant, request);
            casesRun += 1;
            const limit = response.headers.get('x-ratelimit-limit');
            const remaining = Number(response.headers.get('x-ratelimit-remaining'));
            const reset = Number(response.headers.get('x-ratelimit-reset'));
            expect(limit).toBe(action.route === 'token' ? '30' : '50');
            expect(remaining).toBeGreaterThanOrEqual(0);
            expect(remaining).toBeLessThanOrEqual(Number(limit));
            // Real seconds, whatever the tenant's clock says: a client compares the reset with its
            // own clock, so it is the wall clock's second plus at most the time to refill a whole
            // bucket (limit / perSecond), rounded up.
            const policy = DEFAULT_RATE_LIMITS[action.route === 'token' ? 'token' : 'management'];
            const wallSecond = Math.floor(wallClock() / 1000);
            expect(reset).toBeGreaterThanOrEqual(wallSecond);
            expect(reset).toBeLessThanOrEqual(wallSecond + policy.limit / policy.perSecond + 1);
            if (response.status === 429) {
              saw429 = true;
              expect(remaining).toBe(0);
            }
            if (tenant.drills.rateLimited) expect(response.status).toBe(429);
            await checkResponse(request.method, url, response);
          }
        }
        expect(consoleError).not.toHaveBeenCalled();
      }),
      parameters(RUNS / 8),
    );
    expect(saw429).toBe(true);
  }, 60_000);

  it('reached every status of both APIs, so the generators are not degenerate', () => {
    expect([...(seen.get('auth') ?? [])]).toEqual(expect.arrayContaining([200, 400, 401, 403, 413, 429]));
    expect([...(seen.get('management') ?? [])]).toEqual(expect.arrayContaining([200, 201, 204, 400, 401, 403, 404, 409, 413, 415, 429]));
    expect(generatedRequests).toBeGreaterThanOrEqual(10_000);
    // Every route answered at least once with success and at least once with a refusal.
    for (const route of MANAGEMENT_ROUTES) {
      const label = `${route.method} ${displayRoutePath(route.pattern)}`;
      const statuses = [...(seenByRoute.get(label) ?? [])];
      expect(statuses.some((status) => status < 300), `${label} never succeeded: ${statuses}`).toBe(true);
      expect(statuses.some((status) => status >= 400), `${label} was never refused: ${statuses}`).toBe(true);
    }
    expect(casesRun).toBeGreaterThan(generatedRequests);
  });
});
