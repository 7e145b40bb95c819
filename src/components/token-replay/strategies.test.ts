import { describe, expect, it } from 'vitest';
import { cachedGetToken, naiveGetToken, type TokenAnswer } from './strategies.ts';

/** A fake token endpoint that counts requests and can be made to fail. */
function fakeEndpoint() {
  const state = { requests: 0, fail: false };
  const requestToken = async (): Promise<TokenAnswer> => {
    state.requests += 1;
    await Promise.resolve();
    if (state.fail) throw new Error('refused');
    return { access_token: `token-${state.requests}`, expires_in: 86_400 };
  };
  return { state, requestToken };
}

describe('naiveGetToken', () => {
  it('sends one token request per call', async () => {
    const { state, requestToken } = fakeEndpoint();
    const getToken = naiveGetToken(requestToken);
    await Promise.all([getToken(), getToken(), getToken()]);
    expect(state.requests).toBe(3);
  });
});

describe('cachedGetToken', () => {
  it('shares one request among concurrent callers', async () => {
    const { state, requestToken } = fakeEndpoint();
    const getToken = cachedGetToken(requestToken, () => 0);
    const tokens = await Promise.all([getToken(), getToken(), getToken(), getToken(), getToken()]);
    expect(state.requests).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
  });

  it('keeps using the token until the leeway before expiry, then refreshes once', async () => {
    const { state, requestToken } = fakeEndpoint();
    let now = 0;
    const getToken = cachedGetToken(requestToken, () => now, 60_000);
    await getToken();
    now = (86_400 - 61) * 1000;
    expect(await getToken()).toBe('token-1');
    now = (86_400 - 59) * 1000;
    await Promise.all([getToken(), getToken()]);
    expect(state.requests).toBe(2);
    expect(await getToken()).toBe('token-2');
  });

  it('does not cache a failure: the next call asks again', async () => {
    const { state, requestToken } = fakeEndpoint();
    const getToken = cachedGetToken(requestToken, () => 0);
    state.fail = true;
    await expect(Promise.all([getToken(), getToken()])).rejects.toThrow('refused');
    expect(state.requests).toBe(1);
    state.fail = false;
    expect(await getToken()).toBe('token-2');
  });
});
