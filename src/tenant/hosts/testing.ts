import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTenant, type CreateTenantOptions } from '../create-tenant.ts';
import { tenantHandlers } from '../msw-handlers.ts';
import { restoreTenant } from '../restore-tenant.ts';
import type { Application } from '../model.ts';
import type { SEEDED_CREDENTIALS } from '../seed.ts';
import type { Tenant } from '../tenant.ts';
import { TenantError } from '../tenant-error.ts';
import type { TenantSnapshot } from '../tenant-snapshot.ts';

/*
 * Shared set-up for the tenant's tests (not a test file itself). Key generation is the slow part,
 * so one seeded snapshot is made per test file and every test restores a fresh tenant from it.
 */

/** The frozen start time of every test tenant. */
export const START = new Date('2026-11-29T10:00:00Z');
/** `START` in JWT seconds. */
export const START_SECONDS = START.getTime() / 1000;

/** Real time for test tenants stands still at START too, so `x-ratelimit-reset` is predictable. */
const wallClock = (): number => START.getTime();

let baseSnapshot: TenantSnapshot | undefined;

/** A fresh seeded tenant at {@link START}, restored from a cached snapshot (fast). */
export async function freshTenant(): Promise<Tenant> {
  baseSnapshot ??= (await createTenant({ now: START })).toJSON();
  const { tenant, restored, problem } = await restoreTenant(baseSnapshot, { wallClock });
  if (!restored) throw new Error(`test set-up: ${problem}`);
  return tenant;
}

/**
 * Starts an msw server for the file and gives every test a fresh tenant behind it.
 * Unhandled requests fail loudly, so a test can never reach the network.
 */
export function useTenantServer(options: CreateTenantOptions = {}): () => Tenant {
  const server = setupServer();
  let current: Tenant | undefined;
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => server.close());
  beforeEach(async () => {
    current = Object.keys(options).length === 0 ? await freshTenant() : await createTenant({ now: START, wallClock, ...options });
    server.resetHandlers(...tenantHandlers(current));
  });
  return () => {
    if (current === undefined) throw new Error('test set-up: no tenant yet (use it inside a test)');
    return current;
  };
}

/** Which seeded application to log in as. */
export type SeededRole = keyof typeof SEEDED_CREDENTIALS;

/** POSTs a JSON client-credentials request for a seeded app; `overrides` replace or (as undefined) drop fields. */
export function requestToken(tenant: Tenant, role: SeededRole = 'reporting', overrides: Record<string, unknown> = {}): Promise<Response> {
  const credential = tenant.seeded[role];
  const body: Record<string, unknown> = {
    grant_type: 'client_credentials',
    client_id: credential.client_id,
    client_secret: credential.client_secret,
    audience: tenant.managementAudience,
    ...overrides,
  };
  for (const [key, value] of Object.entries(body)) if (value === undefined) delete body[key];
  return fetch(`https://${tenant.domain}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** An access token for a seeded app (optionally narrowed to `scope`). */
export async function tokenFor(tenant: Tenant, role: SeededRole = 'reporting', scope?: string): Promise<string> {
  const response = await requestToken(tenant, role, scope === undefined ? {} : { scope });
  const body = (await response.json()) as { access_token?: string };
  if (response.status !== 200 || body.access_token === undefined) throw new Error(`test set-up: no token (${response.status} ${JSON.stringify(body)})`);
  return body.access_token;
}

/** Calls the Management API with a bearer token (or none, when `token` is undefined). */
export function callApi(tenant: Tenant, path: string, token: string | undefined, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return fetch(`https://${tenant.domain}${path}`, { ...init, headers });
}

/** Calls the Management API as the seeded API Explorer Application, which holds every scope. */
export async function callApiAsExplorer(tenant: Tenant, path: string, init: RequestInit = {}): Promise<Response> {
  return callApi(tenant, path, await tokenFor(tenant, 'explorer'), init);
}

/** A new machine-to-machine application granted `scopes` on the Management API; throws if the tenant refuses. */
export function addAuthorizedApp(tenant: Tenant, name: string, scopes: readonly string[]): Application {
  const app = tenant.createApplication({ name, app_type: 'non_interactive' });
  if (app instanceof TenantError) throw new Error(`test set-up: no application (${app.message})`);
  const grant = tenant.authorize(app.client_id, scopes);
  if (grant instanceof TenantError) throw new Error(`test set-up: no grant (${grant.message})`);
  return app;
}
