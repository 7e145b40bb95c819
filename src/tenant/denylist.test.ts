import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { DENYLIST_LIMIT } from './add-to-denylist.ts';
import { mintLegacyExplorerToken } from './legacy-token.ts';
import { isTenantError } from './tenant-error.ts';
import { callApi, tokenFor, useTenantServer } from './hosts/testing.ts';

const tenant = useTenantServer();

const PATH = '/api/v2/blacklists/tokens';

function post(token: string | undefined, body: unknown): Promise<Response> {
  return callApi(tenant(), PATH, token, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
}

function badBody(message: string) {
  return { statusCode: 400, error: 'Bad Request', message, errorCode: 'invalid_body' };
}

const REVOKED = { statusCode: 401, error: 'Unauthorized', message: 'The token has been revoked.', attributes: { error: 'The token has been revoked.' } };

describe('POST /api/v2/blacklists/tokens', () => {
  it('adds {aud, jti} and answers 204 with no body; GET lists it', async () => {
    const token = await tokenFor(tenant(), 'explorer');
    const response = await post(token, { aud: 'sbxGlobalClient00000000000000000', jti: 'leaked-1' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const list = await callApi(tenant(), PATH, token);
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual([{ aud: 'sbxGlobalClient00000000000000000', jti: 'leaked-1' }]);
  });

  it('records the caller\'s own audience when aud is left out, and adds a pair only once', async () => {
    const token = await tokenFor(tenant(), 'explorer');
    await post(token, { jti: 'mine' });
    await post(token, { jti: 'mine' });
    expect(tenant().records.denylist).toEqual([{ aud: tenant().managementAudience, jti: 'mine' }]);
  });

  it('filters the list by ?aud= and ignores paging parameters (a plain array)', async () => {
    const token = await tokenFor(tenant(), 'explorer');
    await post(token, { aud: 'a', jti: '1' });
    await post(token, { aud: 'b', jti: '2' });
    const onlyA = await callApi(tenant(), `${PATH}?aud=a&include_totals=true&per_page=50`, token);
    expect(await onlyA.json()).toEqual([{ aud: 'a', jti: '1' }]);
    const twice = await callApi(tenant(), `${PATH}?aud=a&aud=b`, token);
    expect(twice.status).toBe(400);
    expect(await twice.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: "Query validation error: 'Expected type string but found type array' on property aud.", errorCode: 'invalid_query_string' });
  });

  it('validates the body and changes nothing when it refuses', async () => {
    const token = await tokenFor(tenant(), 'explorer');
    const cases: Array<[unknown, unknown]> = [
      [{ aud: 'x' }, badBody("Payload validation error: 'Missing required property: jti'.")],
      [{ jti: 5 }, badBody("Payload validation error: 'Expected type string but found type integer' on property jti.")],
      [{ jti: '' }, badBody("Payload validation error: 'String is too short (0 chars), minimum 1' on property jti.")],
      [{ jti: 'x'.repeat(501) }, badBody("Payload validation error: 'String is too long (501 chars), maximum 500' on property jti.")],
      [{ jti: 'x', aud: null }, badBody("Payload validation error: 'Expected type string but found type null' on property aud.")],
      [{ jti: 'x', token: 'eyJ' }, badBody("Payload validation error: 'Additional properties not allowed: token'.")],
      ['[]', badBody("Payload validation error: 'Expected type object but found type array'.")],
      ['{"jti":', { statusCode: 400, error: 'Bad Request', message: 'Invalid request payload JSON format' }],
    ];
    for (const [body, expected] of cases) {
      const response = await post(token, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual(expected);
    }
    expect(tenant().records.denylist).toEqual([]);
  });

  it('says when the sandbox\'s denylist is full', async () => {
    const token = await tokenFor(tenant(), 'explorer');
    tenant().mutate((records) => {
      for (let index = 0; index < DENYLIST_LIMIT; index += 1) records.denylist.push({ aud: 'a', jti: String(index) });
    });
    const response = await post(token, { aud: 'a', jti: 'one-more' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(badBody('This sandbox tenant keeps at most 10000 denylist entries; the entry was not added.'));
    expect(tenant().records.denylist).toHaveLength(DENYLIST_LIMIT);
  });

  it('needs blacklist:tokens for both methods, and a token', async () => {
    const reporting = await tokenFor(tenant(), 'reporting');
    const forbidden = { statusCode: 403, error: 'Forbidden', message: 'Insufficient scope, expected any of: blacklist:tokens', errorCode: 'insufficient_scope' };
    const add = await post(reporting, { jti: 'x' });
    expect(add.status).toBe(403);
    expect(await add.json()).toEqual(forbidden);
    expect(await (await callApi(tenant(), PATH, reporting)).json()).toEqual(forbidden);
    const anonymous = await post(undefined, { jti: 'x' });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' });
    expect(tenant().records.denylist).toEqual([]);
  });
});

describe('a denylisted token', () => {
  it('refuses a hand-signed legacy token whose jti is denylisted for the Global Client id', async () => {
    tenant().setLegacyMode(true);
    const legacy = await mintLegacyExplorerToken(tenant(), { scope: 'read:clients', jti: 'old-explorer-7' });
    expect(decodeJwt(legacy).jti).toBe('old-explorer-7');
    expect((await callApi(tenant(), '/api/v2/clients', legacy)).status).toBe(200);

    await post(await tokenFor(tenant(), 'explorer'), { aud: tenant().globalClient.client_id, jti: 'old-explorer-7' });
    const response = await callApi(tenant(), '/api/v2/clients', legacy);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(REVOKED);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="The token has been revoked."');
  });

  it('matches on aud too: the same jti for another audience does not touch the token', async () => {
    tenant().setLegacyMode(true);
    const legacy = await mintLegacyExplorerToken(tenant(), { scope: 'read:clients', jti: 'same-id' });
    await post(await tokenFor(tenant(), 'explorer'), { aud: tenant().managementAudience, jti: 'same-id' });
    expect((await callApi(tenant(), '/api/v2/clients', legacy)).status).toBe(200);
  });

  it('lets a legacy token denylist itself when aud is left out', async () => {
    tenant().setLegacyMode(true);
    const legacy = await mintLegacyExplorerToken(tenant(), { jti: 'self' });
    expect((await post(legacy, { jti: 'self' })).status).toBe(204);
    expect(await (await callApi(tenant(), PATH, legacy)).json()).toEqual(REVOKED);
  });

  it('cannot reach a client-credentials token: it carries no jti', async () => {
    const token = await tokenFor(tenant(), 'explorer');
    expect(decodeJwt(token).jti).toBeUndefined();
    await post(token, { aud: tenant().managementAudience, jti: 'anything' });
    expect((await callApi(tenant(), '/api/v2/clients', token)).status).toBe(200);
  });

  it('mintLegacyExplorerToken refuses an empty or over-long jti', async () => {
    for (const jti of ['', 'x'.repeat(501)]) {
      const error = await mintLegacyExplorerToken(tenant(), { jti }).catch((cause: unknown) => cause);
      expect(isTenantError(error, 'invalid_argument')).toBe(true);
    }
  });
});
