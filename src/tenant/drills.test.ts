import { describe, expect, it } from 'vitest';
import { callApi, requestToken, tokenFor, useTenantServer } from './hosts/testing.ts';

const tenant = useTenantServer();

describe('error drills', () => {
  it('rateLimited makes every token request a 429 with no requests remaining', async () => {
    tenant().drills.set({ rateLimited: true });
    const response = await requestToken(tenant());
    expect(response.status).toBe(429);
    expect((await response.json()).error).toBe('too_many_requests');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('rateLimited makes every Management API request a 429 with the global-limit body', async () => {
    const token = await tokenFor(tenant());
    tenant().drills.set({ rateLimited: true });
    const response = await callApi(tenant(), '/api/v2/clients', token);
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ statusCode: 429, error: 'Too Many Requests', message: 'Global limit has been reached', errorCode: 'too_many_requests' });
  });

  it('clockSkewSeconds ahead by a day makes a fresh token look expired', async () => {
    const token = await tokenFor(tenant());
    tenant().drills.set({ clockSkewSeconds: 86400 });
    expect((await (await callApi(tenant(), '/api/v2/clients', token)).json()).message).toBe('Expired token received for JSON Web Token validation');
  });

  it('clockSkewSeconds behind makes a fresh token look not yet valid', async () => {
    const token = await tokenFor(tenant());
    tenant().drills.set({ clockSkewSeconds: -120 });
    expect((await (await callApi(tenant(), '/api/v2/clients', token)).json()).message).toBe('Not yet valid token received for JSON Web Token validation');
  });

  it('wrongAudience makes the API refuse real tokens with Bad audience', async () => {
    const token = await tokenFor(tenant());
    tenant().drills.set({ wrongAudience: true });
    const response = await callApi(tenant(), '/api/v2/clients', token);
    expect(response.status).toBe(401);
    expect((await response.json()).message).toBe('Bad audience: https://acme.auth0.test/api/v2/');
  });

  it('grantRevoked makes /oauth/token answer as if the grant were deleted', async () => {
    tenant().drills.set({ grantRevoked: true });
    const response = await requestToken(tenant());
    expect(response.status).toBe(403);
    expect((await response.json()).error_description).toMatch(/is not authorized to access resource server/);
  });

  it('reset switches every drill off and lists none as active', async () => {
    tenant().drills.set({ rateLimited: true, wrongAudience: true });
    expect(tenant().drills.active).toEqual(['rateLimited', 'wrongAudience']);
    tenant().drills.reset();
    expect(tenant().drills.active).toEqual([]);
    expect((await requestToken(tenant())).status).toBe(200);
  });

  it('refuses unknown drills and wrong types with a [tenant] error', () => {
    expect(() => tenant().drills.set({ nope: true } as never)).toThrow(/\[tenant\] unknown drill "nope"/);
    expect(() => tenant().drills.set({ clockSkewSeconds: 1.5 })).toThrow(/whole number/);
    expect(() => tenant().drills.set({ rateLimited: 'yes' as never })).toThrow(/true or false/);
  });

  it('announces drill changes to onChange listeners', () => {
    let calls = 0;
    const stop = tenant().onChange(() => { calls += 1; });
    tenant().drills.set({ grantRevoked: true });
    stop();
    tenant().drills.set({ grantRevoked: false });
    expect(calls).toBe(1);
  });
});
