import { ManagementClient, ManagementError } from 'auth0';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { tenantHandlers } from './msw-handlers.ts';
import type { Tenant } from './tenant.ts';
import { freshTenant } from './hosts/testing.ts';

/*
 * Shared set-up for the tests that drive the official Auth0 Node SDK (`auth0` v7, unmodified)
 * against the mocked tenant through msw/node (not a test file itself). Every such file needs the
 * same guarantees: no request may reach a real network, every request the SDK makes is recorded so
 * a test can count token fetches and pages, and each test starts from a fresh seeded tenant.
 */

/** One request the SDK made, as msw saw it start. */
export interface SeenRequest {
  method: string;
  /** The URL path, still percent-encoded as sent (`/api/v2/users/auth0%7C…`). */
  path: string;
  /** The URL search with its `?`, or `''` when there is none. */
  query: string;
  /** The token of an `Authorization: Bearer …` header, if the request had one. */
  bearer: string | undefined;
}

/** The `client_id` / `client_secret` pair the SDK logs in with. */
export interface SdkCredential {
  client_id: string;
  client_secret: string;
}

/** What {@link useSdkTenant} may set up besides the server and the tenant. */
export interface SdkTenantOptions {
  /**
   * Fake `Date` (only `Date`) and start it at the tenant clock. The tenant's clock is virtual, but
   * the SDK's token cache reads the system clock, so tests that let a token age need both to agree.
   */
  fakeDate?: boolean;
}

/** The accessors {@link useSdkTenant} returns; call them inside a test. */
export interface SdkTenant {
  /** The current test's fresh tenant. */
  tenant: () => Tenant;
  /** Every request of the current test so far, oldest first. */
  requests: () => readonly SeenRequest[];
  /** A `ManagementClient` for the current tenant that logs in as `credential`. */
  clientFor: (credential: SdkCredential) => ManagementClient;
  /** Moves the tenant's virtual clock and the faked `Date` forward together (needs `fakeDate`). */
  advanceBoth: (seconds: number) => void;
}

/**
 * Starts an msw server for the file, gives every test a fresh tenant behind it, records each
 * request, and fails the test if any request went unanswered by the tenant's handlers.
 */
export function useSdkTenant(options: SdkTenantOptions = {}): SdkTenant {
  const fakeDate = options.fakeDate === true;
  const server = setupServer();
  const seen: SeenRequest[] = [];
  const unhandled: string[] = [];
  let current: Tenant | undefined;

  beforeAll(() => {
    // Anything the handlers do not answer is an error, so the SDK can never reach a real network.
    server.listen({ onUnhandledFrame: 'error' });
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      const authorization = request.headers.get('authorization');
      const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
      seen.push({ method: request.method, path: url.pathname, query: url.search, bearer });
    });
    server.events.on('request:unhandled', ({ request }) => {
      unhandled.push(`${request.method} ${request.url}`);
    });
  });
  afterAll(() => server.close());

  beforeEach(async () => {
    // Timers stay real because msw and fetch need them; only `Date` follows the tenant clock.
    if (fakeDate) vi.useFakeTimers({ toFake: ['Date'] });
    current = await freshTenant();
    if (fakeDate) vi.setSystemTime(current.clock.now());
    server.resetHandlers(...tenantHandlers(current));
    seen.length = 0;
    unhandled.length = 0;
  });
  afterEach(() => {
    if (fakeDate) vi.useRealTimers();
    expect(unhandled).toEqual([]);
  });

  const tenant = (): Tenant => {
    if (current === undefined) throw new Error('test set-up: no tenant yet (use it inside a test)');
    return current;
  };
  return {
    tenant,
    requests: () => seen,
    // No retries: a single refused call must surface as a single request.
    clientFor: (credential) =>
      new ManagementClient({ domain: tenant().domain, clientId: credential.client_id, clientSecret: credential.client_secret, maxRetries: 0 }),
    advanceBoth: (seconds) => {
      // Moving only one side would make the SDK and the tenant disagree about a token's age.
      if (!fakeDate) throw new Error('test set-up: advanceBoth needs useSdkTenant({ fakeDate: true })');
      tenant().clock.advance(seconds);
      vi.setSystemTime(tenant().clock.now());
    },
  };
}

/** A request as one line, `GET /api/v2/clients?page=0`, for comparing against literal strings. */
export function requestLine(request: SeenRequest): string {
  return `${request.method} ${request.path}${request.query}`;
}

/** The rejection of `promise` as a `ManagementError`, or a failure if it resolved or threw anything else. */
export async function rejectionOf(promise: Promise<unknown>): Promise<ManagementError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ManagementError);
    return error as ManagementError;
  }
  throw new Error('expected the SDK call to be refused');
}
