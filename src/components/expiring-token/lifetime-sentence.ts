/*
 * What the expiring-token widget says about its token's lifetime. It reads the token, never
 * assumes 24 hours: the Management API's Token Expiration may have been raised (lesson 3 lets the
 * reader do that), and the sandbox keeps the setting between pages.
 */
import { decodeToken, formatDuration } from '../../playground/decode-jwt.ts';

/** Auth0's default lifetime for Management API tokens, in seconds. */
export const DEFAULT_LIFETIME = 86_400;

/** `exp − iat` of a token, in seconds, or `undefined` when either claim is missing. */
export function lifetimeOf(token: string): number | undefined {
  const claims = decodeToken(token)?.claims;
  return typeof claims?.exp === 'number' && typeof claims.iat === 'number' ? claims.exp - claims.iat : undefined;
}

/** One sentence on how long the token lives, and why when it is not the default. */
export function lifetimeSentence(lifetime: number | undefined): string {
  if (lifetime === undefined) return 'Read its exp to see how long it lives.';
  if (lifetime === DEFAULT_LIFETIME) return 'It lives 24 hours on the tenant clock, the default.';
  const span = formatDuration(lifetime);
  return lifetime > DEFAULT_LIFETIME
    ? `It lives ${span} on the tenant clock: someone raised the Management API's Token Expiration above the 24-hour default. Put it back to 86,400 in lesson 3.`
    : `It lives ${span} on the tenant clock: the Management API's Token Expiration is set below the 24-hour default.`;
}
