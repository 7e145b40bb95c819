import { Management, ManagementClient } from 'auth0';
import { ManagementClient as LegacyManagementClient } from 'auth0/legacy';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { mintLegacyExplorerToken } from './legacy-token.ts';
import { SEEDED_CREDENTIALS } from './seed.ts';
import { rejectionOf, useSdkTenant } from './sdk-test-support.ts';

/*
 * The official Auth0 Node SDK (`auth0` v7, unmodified) on the Management API's resource server and
 * the token denylist. v7 dropped the blacklists manager, so the denylist calls go through the
 * package's own `auth0/legacy` entry (node-auth0 v4's `blacklists.add` / `blacklists.getAll`).
 * As in auth0-sdk.test.ts, `Date` is faked and kept equal to the tenant's virtual clock (sdk-test-support.ts).
 */

const { explorer, reporting } = SEEDED_CREDENTIALS;

const { tenant, requests: seen, clientFor } = useSdkTenant({ fakeDate: true });

function legacyClientFor(credential: { client_id: string; client_secret: string }): LegacyManagementClient {
  return new LegacyManagementClient({ domain: tenant().domain, clientId: credential.client_id, clientSecret: credential.client_secret, retry: { enabled: false } });
}

/** exp − iat of the token the SDK sent last. */
function lastTokenLifetime(): number {
  const bearerTokens = seen().flatMap((request) => (request.bearer === undefined ? [] : [request.bearer]));
  const claims = decodeJwt(bearerTokens.at(-1) ?? '');
  return (claims.exp ?? 0) - (claims.iat ?? 0);
}

describe('the official Auth0 Node SDK: resource servers and the token lifetime', () => {
  it('lists the Management API with resourceServers.list (include_totals paging)', async () => {
    const page = await clientFor(explorer).resourceServers.list();
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({ name: 'Auth0 Management API', is_system: true, identifier: tenant().managementAudience, token_lifetime: 86_400, signing_alg: 'RS256' });
    expect(page.response).toMatchObject({ start: 0, limit: 50, total: 1 });
    // Without per_page the SDK asks for the next page until one comes back empty.
    const all: Management.ResourceServer[] = [];
    for await (const item of page) all.push(item);
    expect(all.map((item) => item.identifier)).toEqual([tenant().managementAudience]);
  });

  it('reads it with resourceServers.get by id and by audience', async () => {
    const management = clientFor(explorer);
    const byId = await management.resourceServers.get(tenant().managementApi.id);
    const byAudience = await management.resourceServers.get(tenant().managementAudience);
    expect(byAudience).toEqual(byId);
    expect(byId.token_lifetime_for_web).toBe(7200);
  });

  it('updates token_lifetime, and a new ManagementClient\'s own token then lives that long', async () => {
    const admin = clientFor(explorer);
    await admin.clients.list();
    expect(lastTokenLifetime()).toBe(86_400);

    const updated = await admin.resourceServers.update(tenant().managementAudience, { token_lifetime: 604_800 });
    expect(updated.token_lifetime).toBe(604_800);

    await clientFor(reporting).clients.list();
    expect(lastTokenLifetime()).toBe(604_800);
  });

  it('sees Auth0\'s 400 for more than 30 days and for an immutable setting, and a 404 for an unknown API', async () => {
    const admin = clientFor(explorer);
    const tooLong = await rejectionOf(admin.resourceServers.update(tenant().managementApi.id, { token_lifetime: 2_592_001 }));
    expect(tooLong).toBeInstanceOf(Management.BadRequestError);
    expect(tooLong.body).toEqual({ statusCode: 400, error: 'Bad Request', message: "Payload validation error: 'Value 2592001 is greater than maximum 2592000' on property token_lifetime.", errorCode: 'invalid_body' });
    const renamed = await rejectionOf(admin.resourceServers.update(tenant().managementApi.id, { name: 'Renamed' }));
    expect(renamed.body).toMatchObject({ statusCode: 400, message: "Payload validation error: 'Additional properties not allowed: name'." });
    const missing = await rejectionOf(admin.resourceServers.get('rs_nope'));
    expect(missing).toBeInstanceOf(Management.NotFoundError);
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'The resource server does not exist', errorCode: 'inexistent_resource_server' });
    expect(tenant().managementApi.token_lifetime).toBe(86_400);
  });

  it('sees 403 insufficient_scope for an app without read:resource_servers', async () => {
    const error = await rejectionOf(clientFor(reporting).resourceServers.list());
    expect(error).toBeInstanceOf(Management.ForbiddenError);
    expect(error.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Insufficient scope, expected any of: read:resource_servers', errorCode: 'insufficient_scope' });
  });
});

describe('the official Auth0 Node SDK (auth0/legacy): the token denylist', () => {
  it('adds with blacklists.add and reads back with blacklists.getAll', async () => {
    const management = legacyClientFor(explorer);
    const added = await management.blacklists.add({ aud: tenant().globalClient.client_id, jti: 'leaked-explorer-token' });
    expect(added.status).toBe(204);
    const listed = await management.blacklists.getAll({ aud: tenant().globalClient.client_id });
    expect(listed.data).toEqual([{ aud: tenant().globalClient.client_id, jti: 'leaked-explorer-token' }]);
  });

  it('stops a hand-signed legacy token with that jti; the SDK\'s own client-credentials token is unaffected', async () => {
    tenant().setLegacyMode(true);
    const legacy = await mintLegacyExplorerToken(tenant(), { scope: 'read:clients', jti: 'leaked-explorer-token' });
    const withLegacyToken = new ManagementClient({ domain: tenant().domain, token: legacy, maxRetries: 0 });
    expect((await withLegacyToken.clients.list()).data).toHaveLength(5);

    await legacyClientFor(explorer).blacklists.add({ aud: tenant().globalClient.client_id, jti: 'leaked-explorer-token' });
    const error = await rejectionOf(withLegacyToken.clients.list());
    expect(error).toBeInstanceOf(Management.UnauthorizedError);
    expect(error.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'The token has been revoked.', attributes: { error: 'The token has been revoked.' } });
    expect((await clientFor(reporting).clients.list()).data).toHaveLength(5);
  });
});
