import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_ADVANCE_SECONDS } from './sandbox-clock-endpoint.ts';
import { START, START_SECONDS, callApi, tokenFor, useTenantServer } from './hosts/testing.ts';

const tenant = useTenantServer();

function clock(init: RequestInit = {}): Promise<Response> {
  return fetch(`https://${tenant().domain}/__sandbox/clock`, init);
}

function advance(body: unknown, contentType = 'application/json'): Promise<Response> {
  return clock({ method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('the sandbox test clock', () => {
  it('reads the tenant time without credentials', async () => {
    const response = await clock();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ now: START.toISOString(), now_seconds: START_SECONDS });
  });

  it('moves the tenant clock forward and answers with the new time', async () => {
    const response = await advance({ advance_seconds: 3600.5 });
    expect(response.status).toBe(200);
    expect((await response.json()).now_seconds).toBe(START_SECONDS + 3600);
    expect(tenant().clock.now()).toBe(START.getTime() + 3_600_500);
  });

  it('makes the tenant itself refuse a token once a day has passed', async () => {
    const token = await tokenFor(tenant());
    expect((await callApi(tenant(), '/api/v2/clients', token)).status).toBe(200);
    await advance({ advance_seconds: 86_400 });
    const expired = await callApi(tenant(), '/api/v2/clients', token);
    expect(expired.status).toBe(401);
    expect((await expired.json()).message).toBe('Expired token received for JSON Web Token validation');
  });

  it.each([
    [{ advance_seconds: -1 }, "Payload validation error: 'Expected a number of seconds from 0 to 31622400' on property advance_seconds."],
    [{ advance_seconds: MAX_CLOCK_ADVANCE_SECONDS + 1 }, "Payload validation error: 'Expected a number of seconds from 0 to 31622400' on property advance_seconds."],
    [{ advance_seconds: '60' }, "Payload validation error: 'Expected a number of seconds from 0 to 31622400' on property advance_seconds."],
    [{}, "Payload validation error: 'Expected a number of seconds from 0 to 31622400' on property advance_seconds."],
    [{ advance_seconds: 1, back: true }, "Payload validation error: 'Additional properties not allowed: back'."],
    [[1], "Payload validation error: 'Expected type object but found type array'."],
    ['{"advance_seconds":', 'Invalid request payload JSON format'],
  ])('refuses %j with an exact 400 and leaves the clock alone', async (body, message) => {
    const response = await advance(body);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe(message);
    expect(tenant().clock.now()).toBe(START.getTime());
  });

  it('refuses a form body with 415 and other methods with 404', async () => {
    expect((await advance('advance_seconds=5', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await clock({ method: 'DELETE' })).status).toBe(404);
    expect(tenant().clock.now()).toBe(START.getTime());
  });
});
