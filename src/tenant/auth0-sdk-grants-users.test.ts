import { Management } from 'auth0';
import { describe, expect, it } from 'vitest';
import { SEEDED_CREDENTIALS } from './seed.ts';
import { rejectionOf, requestLine, useSdkTenant } from './sdk-test-support.ts';
import { addAuthorizedApp } from './hosts/testing.ts';

/*
 * The official Auth0 Node SDK (`auth0` v7), unmodified, against the mocked tenant's client-grant
 * and user routes (issue 13): checkpoint paging on `next`, the Organizations fields of a grant,
 * and the user calls a migrating service makes. Set-up from `sdk-test-support.ts`: msw/node, only
 * `Date` faked and kept with the tenant clock, every request recorded.
 */

const { explorer } = SEEDED_CREDENTIALS;
const ADA = 'auth0|6650a1b2c3d4e5f600000001';

const { tenant, requests: seen, clientFor } = useSdkTenant({ fakeDate: true });

/** The all-scopes API Explorer Application, without retries so one refusal is one request. */
const admin = () => clientFor(explorer);

const apiRequests = () => seen().filter((request) => request.path.startsWith('/api/v2/')).map(requestLine);

describe('the official SDK with client grants', () => {
  it('pages clientGrants.list on next through checkpoint paging, and stops when next is gone', async () => {
    for (let index = 0; index < 4; index += 1) addAuthorizedApp(tenant(), `Paging Job ${index}`, ['read:users']);
    const collected: string[] = [];
    for await (const grant of await admin().clientGrants.list({ take: 3 })) collected.push(grant.id ?? '');
    const expected = tenant().clientGrants.map((grant) => grant.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(collected).toEqual(expected);
    const requests = apiRequests();
    expect(requests).toHaveLength(3);
    expect(requests[0]).toBe('GET /api/v2/client-grants?include_totals=true&take=3');
    expect(requests[1]).toMatch(/^GET \/api\/v2\/client-grants\?include_totals=true&from=[A-Za-z0-9_-]+&take=3$/);
  });

  it('creates a grant with organization_usage and reads it back with clientGrants.get', async () => {
    const created = await admin().clientGrants.create({
      client_id: tenant().seeded.noGrant.client_id,
      audience: tenant().managementAudience,
      scope: ['read:users'],
      organization_usage: 'allow',
      allow_any_organization: true,
    });
    expect(created).toMatchObject({ client_id: tenant().seeded.noGrant.client_id, scope: ['read:users'], organization_usage: 'allow', allow_any_organization: true });
    const read = await admin().clientGrants.get(created.id ?? '');
    expect(read).toEqual(created);
  });

  it('sees the sandbox-rule 400 for a scope the API does not define', async () => {
    const error = await rejectionOf(admin().clientGrants.create({ client_id: tenant().seeded.noGrant.client_id, audience: tenant().managementAudience, scope: ['read:everything'] }));
    expect(error).toBeInstanceOf(Management.BadRequestError);
    expect(error.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: "Payload validation error: 'Scopes are not defined by the resource server: read:everything (a Token Lab sandbox rule; Auth0 itself accepts them)' on property scope.",
      errorCode: 'invalid_body',
    });
  });
});

describe('the official SDK with users', () => {
  it('searches users.list with q=email:"…" and gets the {start, limit, length, total, users} wrapper', async () => {
    const page = await admin().users.list({ q: 'email:"ada.sandbox@customers.example"', search_engine: 'v3' });
    expect(page.data.map((user) => user.user_id)).toEqual([ADA]);
    expect(page.response).toMatchObject({ start: 0, limit: 50, length: 1, total: 1 });
    expect(apiRequests()).toEqual([`GET /api/v2/users?page=0&per_page=50&include_totals=true&q=${encodeURIComponent('email:"ada.sandbox@customers.example"')}&search_engine=v3`]);
  });

  it('finds users with listUsersByEmail and reads one with users.get (the | goes percent-encoded)', async () => {
    const byEmail = await admin().users.listUsersByEmail({ email: 'ada.sandbox@customers.example' });
    expect(byEmail.map((user) => user.user_id)).toEqual([ADA]);
    const user = await admin().users.get(ADA);
    expect(user).toMatchObject({ user_id: ADA, email: 'ada.sandbox@customers.example', app_metadata: { plan: 'team' } });
    expect(apiRequests()).toContain('GET /api/v2/users/auth0%7C6650a1b2c3d4e5f600000001');
  });

  it('merges app_metadata with users.update and sees the change on the next read', async () => {
    const updated = await admin().users.update(ADA, { app_metadata: { plan: 'enterprise', roles: null } });
    expect(updated.app_metadata).toEqual({ plan: 'enterprise' });
    expect((await admin().users.get(ADA)).app_metadata).toEqual({ plan: 'enterprise' });
  });

  it('sees 404 inexistent_user and the v1 search-engine refusal as typed SDK errors', async () => {
    const missing = await rejectionOf(admin().users.get('auth0|000000000000000000000000'));
    expect(missing).toBeInstanceOf(Management.NotFoundError);
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'The user does not exist.', errorCode: 'inexistent_user' });
    const v1 = await rejectionOf(admin().users.list({ search_engine: 'v1' }));
    expect(v1).toBeInstanceOf(Management.BadRequestError);
    expect(v1.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'You are not allowed to use search_engine=v1.', errorCode: 'operation_not_supported' });
  });
});
