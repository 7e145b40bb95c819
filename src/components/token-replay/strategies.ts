/**
 * The two ways of getting a token the replay compares. Both take the token request and the
 * clock as arguments, so they run the same against the replay's tenant and in tests.
 */

/** A token endpoint answer, reduced to what a token supply needs. */
export interface TokenAnswer {
  readonly access_token: string;
  /** Seconds the token lives, as `/oauth/token` reports it. */
  readonly expires_in: number;
}

/** Gets a token: resolves with one, or rejects when the token endpoint refused. */
export type GetToken = () => Promise<string>;

/** The names the replay knows. */
export type StrategyName = 'naive' | 'cached';

/** Asks the token endpoint on every single call. */
export function naiveGetToken(requestToken: () => Promise<TokenAnswer>): GetToken {
  return async () => (await requestToken()).access_token;
}

/**
 * Keeps the token and refreshes it `leewayMs` before it expires; concurrent callers share one
 * request in flight. The same design as Auth0's Node SDK (which uses a 10 s leeway).
 */
export function cachedGetToken(requestToken: () => Promise<TokenAnswer>, now: () => number, leewayMs = 60_000): GetToken {
  let cached: { token: string; expiresAt: number } | undefined;
  let inFlight: Promise<string> | undefined;
  return () => {
    if (cached && cached.expiresAt - leewayMs > now()) return Promise.resolve(cached.token);
    inFlight ??= requestToken()
      .then((answer) => {
        cached = { token: answer.access_token, expiresAt: now() + answer.expires_in * 1000 };
        return answer.access_token;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
}

/** Builds a strategy by name. */
export function strategy(name: StrategyName, requestToken: () => Promise<TokenAnswer>, now: () => number): GetToken {
  return name === 'naive' ? naiveGetToken(requestToken) : cachedGetToken(requestToken, now);
}
