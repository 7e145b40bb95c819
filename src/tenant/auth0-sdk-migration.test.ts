import { ManagementClient, ManagementError } from 'auth0';
import { ManagementApiError, ManagementClient as LegacyManagementClient } from 'auth0-legacy';
import { describe, expect, it, vi } from 'vitest';
import { SEEDED_CREDENTIALS, SEEDED_GLOBAL_CLIENT } from './seed.ts';
import { requestLine, useSdkTenant, type SdkCredential } from './sdk-test-support.ts';

/*
 * A service migrating from node-auth0 v4 to v7 makes the same calls with both SDKs, unmodified,
 * against the mocked tenant through msw/node: create a client with the refresh-token and
 * cross-origin fields, walk /clients by checkpoint (with and without the grant query), and update
 * a user's app_metadata past Auth0's name rules. The calls are written once per SDK behind one
 * small interface, so each SDK's own method names and argument shapes are exercised, and every
 * test runs for both. A last test (v7 only) checks that the SDK's automatic retry after a 429 is
 * short even when the sandbox clock has been moved a day ahead.
 *
 * One msw server per file: `useSdkTenant()` owns it, and the v4 client simply talks to the same
 * tenant domain, which those handlers serve.
 */

const { explorer } = SEEDED_CREDENTIALS;

const { tenant, requests: seen, clientFor } = useSdkTenant();

/** What a call answered: its HTTP status and its parsed JSON body, whether it succeeded or not. */
interface Answer {
  status: number;
  body: unknown;
}

/** One checkpoint page as the tenant sends it: `{ clients, next }`, with no `next` on the last page. */
interface CheckpointPage {
  clients: { client_id?: string; name?: string }[];
  next: string | undefined;
}

/** The calls of the migrating service, written once with each SDK. */
interface MigratingService {
  createClient: () => Promise<Answer>;
  clientPage: (query: { take: number; from?: string; q?: string }) => Promise<CheckpointPage>;
  allowAnyOrganization: (grantId: string) => Promise<Answer>;
  updateAppMetadata: (userId: string, appMetadata: Record<string, unknown>) => Promise<Answer>;
}

/** The client the service creates with either SDK (typed separately below, so each SDK's types check it). */
const MIGRATED_CLIENT = {
  name: 'Migrated Storefront',
  app_type: 'regular_web',
  callbacks: ['https://storefront.example.com/callback'],
  logo_uri: 'https://storefront.example.com/logo.png',
  cross_origin_authentication: true,
  refresh_token: { rotation_type: 'rotating', expiration_type: 'expiring', token_lifetime: 2_592_000, leeway: 0 },
} as const;

/** The `next` of a page body, which neither SDK's list response type declares. */
function nextOf(body: unknown): string | undefined {
  const next = (body as { next?: unknown }).next;
  return typeof next === 'string' ? next : undefined;
}

/** A refused call as an answer; anything but the SDK's own API error is rethrown. */
function refusal(error: unknown): Answer {
  if (error instanceof ManagementError) return { status: error.statusCode ?? 0, body: error.body };
  // v4 keeps the body as the raw text, so parse it to compare like v7's.
  if (error instanceof ManagementApiError) return { status: error.statusCode, body: JSON.parse(error.body) as unknown };
  throw error;
}

/** The service written against node-auth0 v7 (`auth0`). */
function v7Service(credential: SdkCredential): MigratingService {
  const sdk = clientFor(credential);
  return {
    createClient: async () => {
      const { data, rawResponse } = await sdk.clients.create({ ...MIGRATED_CLIENT, callbacks: [...MIGRATED_CLIENT.callbacks] }).withRawResponse();
      return { status: rawResponse.status, body: data };
    },
    clientPage: async ({ take, from, q }) => {
      // v7's `clients.list` has no `from`/`take`, so they go in as extra query parameters; `q` is
      // a documented parameter. v7 also sends page/per_page/include_totals, and checkpoint wins.
      const page = await sdk.clients.list(q === undefined ? {} : { q }, { queryParams: from === undefined ? { take } : { take, from } });
      return { clients: page.data, next: nextOf(page.response) };
    },
    allowAnyOrganization: async (grantId) => {
      const { data, rawResponse } = await sdk.clientGrants.update(grantId, { allow_any_organization: true }).withRawResponse();
      return { status: rawResponse.status, body: data };
    },
    updateAppMetadata: async (userId, appMetadata) => {
      try {
        const { data, rawResponse } = await sdk.users.update(userId, { app_metadata: appMetadata }).withRawResponse();
        return { status: rawResponse.status, body: data };
      } catch (error) {
        return refusal(error);
      }
    },
  };
}

/** The service written against node-auth0 v4 (`auth0-legacy`). */
function v4Service(credential: SdkCredential): MigratingService {
  // Retries off, as `clientFor` does for v7: one refused call must stay one request.
  const sdk = new LegacyManagementClient({ domain: tenant().domain, clientId: credential.client_id, clientSecret: credential.client_secret, retry: { enabled: false } });
  return {
    createClient: async () => {
      const { status, data } = await sdk.clients.create({ ...MIGRATED_CLIENT, callbacks: [...MIGRATED_CLIENT.callbacks] });
      return { status, body: data };
    },
    clientPage: async ({ take, from, q }) => {
      // v4 types a list without include_totals as an array, but a checkpoint answer is `{ clients, next }`.
      const { data } = await sdk.clients.getAll({ take, ...(from === undefined ? {} : { from }), ...(q === undefined ? {} : { q }) });
      const body = data as unknown as { clients: CheckpointPage['clients'] };
      return { clients: body.clients, next: nextOf(body) };
    },
    allowAnyOrganization: async (grantId) => {
      const { status, data } = await sdk.clientGrants.update({ id: grantId }, { allow_any_organization: true });
      return { status, body: data };
    },
    updateAppMetadata: async (userId, appMetadata) => {
      try {
        const { status, data } = await sdk.users.update({ id: userId }, { app_metadata: appMetadata });
        return { status, body: data };
      } catch (error) {
        return refusal(error);
      }
    },
  };
}

/** Every client id the walk saw, following `next` until the tenant stops sending it. */
async function walkClients(service: MigratingService, query: { take: number; q?: string }): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let pages = 0;
  let from: string | undefined;
  do {
    const page = await service.clientPage(from === undefined ? query : { ...query, from });
    pages += 1;
    expect(page.clients.length).toBeLessThanOrEqual(query.take);
    ids.push(...page.clients.map((client) => client.client_id ?? '<no client_id>'));
    from = page.next;
    // A tenant that kept sending `next` would loop forever; no walk here needs more than 10 pages.
    if (pages > 10) throw new Error('checkpoint walk did not end');
  } while (from !== undefined);
  return { ids, pages };
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const SDKS = [
  { name: 'node-auth0 v4 (auth0-legacy)', service: v4Service, firstWalkRequest: 'GET /api/v2/clients?take=2' },
  // v7 cannot leave out its page parameters; the tenant must let the checkpoint win over them.
  { name: 'node-auth0 v7 (auth0)', service: v7Service, firstWalkRequest: 'GET /api/v2/clients?page=0&per_page=50&include_totals=true&take=2' },
] as const;

describe.each(SDKS)('a migrating service on $name', ({ service, firstWalkRequest }) => {
  it('creates a client with rotating refresh tokens, cross-origin authentication and a logo', async () => {
    const { status, body } = await service(explorer).createClient();
    expect(status).toBe(201);
    const created = body as Record<string, unknown>;
    expect(created).toMatchObject({
      name: 'Migrated Storefront',
      logo_uri: MIGRATED_CLIENT.logo_uri,
      cross_origin_authentication: true,
      // The deprecated name is still answered, for readers that have not migrated yet.
      cross_origin_auth: true,
      refresh_token: MIGRATED_CLIENT.refresh_token,
    });
    const clientId = created.client_id;
    expect(typeof clientId).toBe('string');
    expect(tenant().application(clientId as string)).toMatchObject({
      name: 'Migrated Storefront',
      logo_uri: MIGRATED_CLIENT.logo_uri,
      cross_origin_authentication: true,
      refresh_token: MIGRATED_CLIENT.refresh_token,
    });
  });

  it('walks every client exactly once by checkpoint, two at a time, including the new ones', async () => {
    const admin = service(explorer);
    const first = await admin.createClient();
    const second = await admin.createClient();
    const createdIds = [first, second].map((answer) => (answer.body as { client_id: string }).client_id);
    const { ids, pages } = await walkClients(admin, { take: 2 });
    // 4 seeded applications + the Global Client + 2 new ones, in client id order, none twice.
    const expected = [...tenant().applications.map((app) => app.client_id), SEEDED_GLOBAL_CLIENT.client_id].sort(byCodeUnit);
    expect(expected).toHaveLength(7);
    expect(expected).toEqual(expect.arrayContaining(createdIds));
    expect(ids).toEqual(expected);
    expect(pages).toBe(4);
    // The checkpoint really travelled: every page after the first asked `from` the previous `next`.
    const lists = seen().map(requestLine).filter((line) => line.startsWith('GET /api/v2/clients'));
    expect(lists).toHaveLength(4);
    expect(lists[0]).toBe(firstWalkRequest);
    expect(lists.slice(1).every((line) => /[?&]from=[A-Za-z0-9_-]+(&|$)/.test(line))).toBe(true);
  });

  it('walks only the clients whose grant allows any organization with q and take', async () => {
    const admin = service(explorer);
    // Two grants allow any organization, and take: 1 makes the filtered walk cross a page.
    const chosen = [SEEDED_CREDENTIALS.reporting.client_id, explorer.client_id];
    for (const clientId of chosen) {
      const grant = tenant().clientGrants.find((candidate) => candidate.client_id === clientId);
      expect(grant).toBeDefined();
      const updated = await admin.allowAnyOrganization(grant!.id);
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ id: grant!.id, client_id: clientId, allow_any_organization: true });
      expect(tenant().clientGrants.find((stored) => stored.id === grant!.id)?.allow_any_organization).toBe(true);
    }

    const { ids, pages } = await walkClients(admin, { take: 1, q: 'client_grant.allow_any_organization:true' });
    // Customer Portal has a grant too, but it does not allow any organization.
    expect(ids).toEqual([...chosen].sort(byCodeUnit));
    expect(pages).toBe(2);
    const lists = seen().map(requestLine).filter((line) => line.startsWith('GET /api/v2/clients'));
    expect(lists.every((line) => line.includes('q=client_grant.allow_any_organization%3Atrue'))).toBe(true);
  });

  it('gets Auth0\'s 400s for a reserved and a dotted app_metadata name, then updates a plain one', async () => {
    const admin = service(explorer);
    const userId = tenant().records.users[0]!.user_id;
    const before = structuredClone(tenant().records.users[0]!.app_metadata);

    const reserved = await admin.updateAppMetadata(userId, { clientID: 'x' });
    expect(reserved.status).toBe(400);
    expect(reserved.body).toMatchObject({ statusCode: 400, message: 'Forbidden attribute in app_metadata: clientID' });

    const dotted = await admin.updateAppMetadata(userId, { 'billing.plan': 'pro' });
    expect(dotted.status).toBe(400);
    expect(dotted.body).toMatchObject({ statusCode: 400, message: 'Fields with "." are not allowed, please remove all dotted fields.' });
    // Neither refusal changed the user.
    expect(tenant().records.users[0]!.app_metadata).toEqual(before);

    const plain = await admin.updateAppMetadata(userId, { billing_plan: 'pro' });
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ user_id: userId, app_metadata: { ...before, billing_plan: 'pro' } });
    expect(tenant().records.users[0]!.app_metadata).toEqual({ ...before, billing_plan: 'pro' });
  });
});

describe('node-auth0 v7 after a 429 on a tenant whose clock was moved a day ahead', () => {
  it('retries after about a second, not its 60 s cap, and the call then succeeds', { timeout: 10_000 }, async () => {
    // The test tenant's wall clock stands still at its start time, and `x-ratelimit-reset` is
    // dated on that wall clock. The SDK compares the header with `Date.now()`, so its `Date` is
    // frozen at the same instant; only the sandbox clock moves, as a lesson would move it.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(tenant().clock.now());
      const wallSeconds = Date.now() / 1000;
      tenant().clock.advance(86_400);

      const resets: string[] = [];
      const statuses: number[] = [];
      const sdk = new ManagementClient({
        domain: tenant().domain,
        clientId: explorer.client_id,
        clientSecret: explorer.client_secret,
        // The drill refuses everything; switching it off once the 429 has been answered lets
        // exactly one request be refused, so the SDK's own retry is what gets measured.
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          if (response.status === 429) {
            resets.push(response.headers.get('x-ratelimit-reset') ?? '<none>');
            tenant().drills.set({ rateLimited: false });
          }
          statuses.push(response.status);
          return response;
        },
      });
      // Fetch the token first: the drill would refuse /oauth/token too.
      await sdk.clients.get(SEEDED_CREDENTIALS.reporting.client_id);
      statuses.length = 0;

      tenant().drills.set({ rateLimited: true });
      const started = performance.now();
      const client = await sdk.clients.get(SEEDED_CREDENTIALS.reporting.client_id);
      const elapsed = performance.now() - started;

      expect(client).toMatchObject({ client_id: SEEDED_CREDENTIALS.reporting.client_id, name: 'Reporting Service' });
      expect(statuses).toEqual([429, 200]);
      // The reset is the wall clock plus the wait, not the sandbox clock a day ahead.
      expect(resets).toHaveLength(1);
      expect(Number(resets[0])).toBeGreaterThan(wallSeconds);
      expect(Number(resets[0])).toBeLessThanOrEqual(wallSeconds + 2);
      // It waited for the reset (about 1 s plus the SDK's jitter) instead of retrying at once,
      // and nowhere near the 60 s it waits for a reset a day away.
      expect(elapsed).toBeGreaterThanOrEqual(900);
      expect(elapsed).toBeLessThan(5_000);
    } finally {
      vi.useRealTimers();
    }
  });
});
