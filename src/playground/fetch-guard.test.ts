import { afterEach, describe, expect, it } from 'vitest';
import { createGuardedFetch, withoutPassthrough } from './fetch-guard.ts';
import type { RecordedRequest } from './protocol.ts';
import { recordBody, RECORD_LIMITS } from './request-record.ts';
import { senderFrom } from './wire-test-support.ts';

const DOMAIN = 'dev-lab.eu.auth0.com';

function setup(respond: (request: Request) => Response | Promise<Response> = () => Response.json({ access_token: 'tok' })) {
  const records: RecordedRequest[] = [];
  const realFetch = senderFrom(respond);
  let clock = 100;
  const guarded = createGuardedFetch(realFetch, {
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
    expect(realFetch.sent).toEqual([]);
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
    expect(realFetch.sent).toHaveLength(1);
  });

  it('turns the page\'s network error into a TypeError and records it', async () => {
    const { guarded, records } = setup(() => { throw new Error('[playground] The mocked tenant has no answer for GET /x.'); });
    const failure = (await guarded(`https://${DOMAIN}/x`).catch((error: unknown) => error)) as Error;
    expect(failure).toBeInstanceOf(TypeError);
    expect(failure.message).toBe('[playground] The mocked tenant has no answer for GET /x.');
    expect(records[0]).toMatchObject({ status: 0, error: failure.message });
  });

  it('leaves the response body readable for the learner after recording it', async () => {
    const { guarded } = setup(() => new Response('plain text', { status: 404 }));
    const response = await guarded(`https://${DOMAIN}/missing`);
    expect(response.status).toBe(404);
    expect(response.url).toBe(`https://${DOMAIN}/missing`);
    expect(await response.text()).toBe('plain text');
  });
});

describe('createGuardedFetch against hostile input', () => {
  const saved = { URL: globalThis.URL, Request: globalThis.Request, Headers: globalThis.Headers, has: Set.prototype.has, host: Object.getOwnPropertyDescriptor(URL.prototype, 'host')!, includes: Array.prototype.includes };
  afterEach(() => {
    Object.assign(globalThis, { URL: saved.URL, Request: saved.Request, Headers: saved.Headers });
    Set.prototype.has = saved.has;
    Object.defineProperty(URL.prototype, 'host', saved.host);
  });

  it('reads a URL object\'s text once, so a toString that changes its answer cannot pass the check with one URL and send another', async () => {
    const { guarded, realFetch, records } = setup();
    let calls = 0;
    const shifty = { toString: () => (++calls === 1 ? `https://${DOMAIN}/oauth/token` : 'http://127.0.0.1:9/steal') };
    await guarded(shifty as unknown as string);
    expect(calls).toBe(1);
    expect(realFetch.sent.map((request) => request.url)).toEqual([`https://${DOMAIN}/oauth/token`]);
    expect(records[0]?.url).toBe(`https://${DOMAIN}/oauth/token`);

    calls = 0;
    const reversed = { toString: () => (++calls === 1 ? 'http://127.0.0.1:9/steal' : `https://${DOMAIN}/oauth/token`) };
    await expect(guarded(reversed as unknown as string)).rejects.toThrow(/Blocked a request to http:\/\/127\.0\.0\.1:9/);
    expect(realFetch.sent).toHaveLength(1);
  });

  it('reads init fields once: a method or body getter cannot answer differently later', async () => {
    const { guarded, realFetch } = setup();
    let reads = 0;
    const init = { get method() { reads++; return reads === 1 ? 'POST' : 'DELETE'; }, body: 'a=1' };
    await guarded(`https://${DOMAIN}/oauth/token`, init);
    expect(reads).toBe(1);
    expect(realFetch.sent[0]?.method).toBe('POST');
  });

  it('keeps its own copies of URL, Request, Headers, URL.prototype.host and Set.prototype.has', async () => {
    const { guarded, realFetch } = setup();
    Object.defineProperty(URL.prototype, 'host', { get: () => DOMAIN, configurable: true });
    Set.prototype.has = () => true;
    // Node's own Response (undici) reads Array.prototype.includes, so it is put back before the
    // allowed request; a browser's Response is native and never asks.
    Array.prototype.includes = () => true;
    class FakeUrl { constructor() { return { href: `https://${DOMAIN}/`, host: DOMAIN, protocol: 'https:' }; } }
    Object.assign(globalThis, { URL: FakeUrl, Request: class {}, Headers: class {} });
    try {
      await expect(guarded('https://evil.example/x')).rejects.toThrow(/Blocked a request to evil\.example\./);
    } finally {
      Array.prototype.includes = saved.includes;
    }
    await expect(guarded(`https://${DOMAIN}/ok`)).resolves.toBeDefined();
    expect(realFetch.sent.map((request) => request.url)).toEqual([`https://${DOMAIN}/ok`]);
  });

  it('strips MSW\'s passthrough token and every header the tenant does not read', async () => {
    const { guarded, realFetch } = setup();
    await guarded(`https://${DOMAIN}/api/v2/clients`, {
      headers: { accept: 'msw/passthrough', authorization: 'Bearer t', 'x-forwarded-for': '10.0.0.1', 'x-msw-intention': 'passthrough' },
    });
    await guarded(`https://${DOMAIN}/api/v2/clients`, { headers: { accept: 'application/json, MSW/Passthrough' } });
    expect(realFetch.sent[0]?.headers).toEqual([['authorization', 'Bearer t']]);
    expect(realFetch.sent[1]?.headers).toEqual([['accept', 'application/json']]);
    expect(withoutPassthrough(' msw/passthrough ,text/plain')).toBe('text/plain');
  });

  it('caps the URL and the error of a refused 1 MB URL in the record', async () => {
    const { guarded, records } = setup();
    const huge = `https://evil.example/${'a'.repeat(1_000_000)}`;
    const failure = (await guarded(huge).catch((error: unknown) => error)) as Error;
    expect(failure.message.length).toBeLessThan(400);
    expect(records[0]!.url.length).toBeLessThan(RECORD_LIMITS.url + 40);
    expect(records[0]!.url).toMatch(/… \(1000021 characters\)$/);
    const hugeHost = `https://${'b'.repeat(100_000)}.example/`;
    await guarded(hugeHost).catch(() => {});
    expect(records[1]!.error!.length).toBeLessThanOrEqual(RECORD_LIMITS.error + 40);
  });

  it('caps the text of a URL that is not a URL at all', async () => {
    const { guarded } = setup();
    const failure = (await guarded('x'.repeat(1_000_000)).catch((error: unknown) => error)) as Error;
    expect(failure.message.length).toBeLessThan(500);
  });

  it('refuses a body over 1 MiB before it is sent', async () => {
    const { guarded, realFetch } = setup();
    await expect(guarded(`https://${DOMAIN}/oauth/token`, { method: 'POST', body: 'x'.repeat(1_048_577) })).rejects.toThrow(/1048577 bytes; the mocked tenant takes at most 1048576/);
    expect(realFetch.sent).toEqual([]);
  });

  it('honours an AbortSignal: an aborted one sends nothing', async () => {
    const { guarded, realFetch } = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(guarded(`https://${DOMAIN}/x`, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(realFetch.sent).toEqual([]);
  });

  it('says so when reading the input throws', async () => {
    const { guarded } = setup();
    const hostile = { toString() { throw new Error('no string for you'); } };
    await expect(guarded(hostile as unknown as string)).rejects.toThrow('[playground] This request could not be built: no string for you');
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
