import { describe, expect, it, vi } from 'vitest';
import { createGuardedFetch, recordBody } from './fetch-guard.ts';
import type { RecordedRequest } from './protocol.ts';

const DOMAIN = 'dev-lab.eu.auth0.com';

function setup(respond: (request: Request) => Response | Promise<Response> = () => Response.json({ access_token: 'tok' })) {
  const records: RecordedRequest[] = [];
  const realFetch = vi.fn(async (input: RequestInfo | URL) => respond(input as Request));
  let clock = 100;
  const guarded = createGuardedFetch(realFetch as typeof fetch, {
    allowedHosts: [DOMAIN],
    onRecord: (record) => records.push(record),
    now: () => (clock += 5),
  });
  return { guarded, realFetch, records };
}

describe('createGuardedFetch', () => {
  it('passes a request to the tenant through and records it with both bodies', async () => {
    const { guarded, records } = setup();
    const response = await guarded(`https://${DOMAIN}/oauth/token`, {
      method: 'post',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: 'abc', client_secret: 'shh' }),
    });
    expect(await response.json()).toEqual({ access_token: 'tok' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ method: 'POST', url: `https://${DOMAIN}/oauth/token`, status: 200, durationMs: 5 });
    expect(records[0]?.requestHeaders).toContainEqual({ name: 'content-type', value: 'application/json', secret: false });
    expect(records[0]?.requestBody?.text).toBe('{"client_id":"abc","client_secret":"shh"}');
    expect(records[0]?.responseBody?.secrets).toEqual([{ field: 'access_token', start: 17, end: 20 }]);
  });

  it('accepts a Request object and a URL object', async () => {
    const { guarded, records } = setup();
    await guarded(new Request(`https://${DOMAIN}/api/v2/clients`, { headers: { authorization: 'Bearer abc' } }));
    await guarded(new URL(`https://${DOMAIN}/.well-known/jwks.json`));
    expect(records.map((record) => record.url)).toEqual([`https://${DOMAIN}/api/v2/clients`, `https://${DOMAIN}/.well-known/jwks.json`]);
    expect(records[0]?.requestHeaders).toEqual([{ name: 'authorization', value: 'Bearer abc', secret: true }]);
  });

  it.each([
    ['https://acme.us.auth0.com/oauth/token', /Blocked a request to acme\.us\.auth0\.com\. Nothing leaves your browser here: only the mocked tenant https:\/\/dev-lab\.eu\.auth0\.com is reachable\. Real Auth0 tenants/],
    ['https://93.184.216.34/', /Blocked a request to 93\.184\.216\.34\./],
    ['https://[::1]:8080/', /Blocked a request to \[::1\]:8080\./],
    ['https://localhost/', /Blocked a request to localhost\./],
    [`http://${DOMAIN}/oauth/token`, /Blocked a request to http:\/\/dev-lab\.eu\.auth0\.com\. .* Use https:\/\/\./],
    [`https://${DOMAIN}:444/`, /Blocked a request to dev-lab\.eu\.auth0\.com:444\./],
    ['data:text/plain,hi', /Blocked a request to a data: URL\./],
    [`https://${DOMAIN}.evil.test/`, /Blocked a request to dev-lab\.eu\.auth0\.com\.evil\.test\./],
  ])('refuses %s with a TypeError that names the host, and never calls the real fetch', async (url, message) => {
    const { guarded, realFetch, records } = setup();
    const failure = await guarded(url).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as Error).message).toMatch(message);
    expect(realFetch).not.toHaveBeenCalled();
    expect(records).toEqual([expect.objectContaining({ url, status: 0, error: (failure as Error).message })]);
  });

  it('records the body of a refused request so the learner sees what would have been sent', async () => {
    const { guarded, records } = setup();
    await guarded('https://acme.auth0.com/oauth/token', { method: 'POST', body: 'client_secret=shh' }).catch(() => {});
    expect(records[0]?.requestBody?.secrets).toEqual([{ field: 'client_secret', start: 14, end: 17 }]);
  });

  it('refuses a relative URL and says how to build a full one', async () => {
    const { guarded } = setup();
    await expect(guarded('/oauth/token')).rejects.toThrow(/fetch needs a full URL such as https:\/\/dev-lab\.eu\.auth0\.com\/oauth\/token.*tokenLab\.domain/);
  });

  it('matches the allowed host whatever its case', async () => {
    const { guarded, realFetch } = setup();
    await guarded(`https://DEV-LAB.EU.AUTH0.COM/oauth/token`);
    expect(realFetch).toHaveBeenCalledOnce();
  });

  it('records a failing fetch and rethrows it as a TypeError that keeps the cause', async () => {
    const { guarded, records } = setup(() => { throw new Error('offline'); });
    const failure = (await guarded(`https://${DOMAIN}/x`).catch((error: unknown) => error)) as Error;
    expect(failure).toBeInstanceOf(TypeError);
    expect(failure.message).toBe(`[playground] The request to ${DOMAIN} failed: offline`);
    expect(failure.cause).toBeInstanceOf(Error);
    expect(records[0]).toMatchObject({ status: 0, error: failure.message });
  });

  it('leaves the response body readable for the learner after recording it', async () => {
    const { guarded } = setup(() => new Response('plain text', { status: 404 }));
    const response = await guarded(`https://${DOMAIN}/missing`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('plain text');
  });
});

describe('recordBody', () => {
  it('marks secret values in a JSON body, escapes included', () => {
    const text = '{"client_secret":"a\\"b","id_token":"x","other":"y"}';
    const body = recordBody(text, 1000);
    expect(body.secrets.map((span) => [span.field, text.slice(span.start, span.end)])).toEqual([
      ['client_secret', 'a\\"b'], ['id_token', 'x'],
    ]);
  });

  it('marks secret values in a form-encoded body', () => {
    const text = 'grant_type=client_credentials&client_secret=s%3Dx&client_id=c';
    const span = recordBody(text, 1000).secrets[0]!;
    expect(text.slice(span.start, span.end)).toBe('s%3Dx');
  });

  it('cuts a long body, keeps its full size and still masks a secret the cut split', () => {
    const body = recordBody(`${'x'.repeat(10)}{"client_secret":"${'s'.repeat(50)}"}`, 40);
    expect(body).toMatchObject({ size: 80, truncated: true, secrets: [{ field: 'client_secret', start: 28, end: 40 }] });
    expect(body.text).toHaveLength(40);
  });
});
