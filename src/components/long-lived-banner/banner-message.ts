/*
 * What the page-wide warning says, from the kinds of risky tokens on screen. Any element showing
 * such a token carries `data-long-lived-token="<kind>"`; the banner reads them all and speaks of
 * the worst. Imported by an eager script: keep it tiny and free of imports.
 */

/** Kinds of risky token, worst first. */
export const TOKEN_KINDS = ['never', 'long', 'hand-signed'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

const MESSAGES: Record<TokenKind, string> = {
  never:
    'A token that never expires is on screen. Whoever copies it keeps that access until the signing secret is rotated. Sandbox only: never make one for a real tenant.',
  long:
    'A token that lives longer than 24 hours is on screen, hand-signed or issued after someone raised the Token Expiration. If it leaks, the holder keeps access until its exp. Sandbox only: on a real tenant, keep the 24-hour default and never hand-sign tokens.',
  'hand-signed':
    'A hand-signed token is on screen, made with the shared Global Client Secret. Sandbox only: never sign Management API tokens yourself for a real tenant.',
};

/** The warning for the kinds present (unknown values count as the worst), or `null` when there are none. */
export function bannerMessage(kinds: readonly string[]): string | null {
  if (kinds.length === 0) return null;
  const worst = TOKEN_KINDS.find((kind) => kinds.includes(kind)) ?? 'never';
  return MESSAGES[worst];
}

/**
 * A message cut after its first sentence: on a phone the bar shows that line and a "More" button,
 * so two bars never take a quarter of the screen.
 */
export function headlineAndRest(message: string): { headline: string; rest: string } {
  const end = message.indexOf('. ');
  return end === -1 ? { headline: message, rest: '' } : { headline: message.slice(0, end + 1), rest: message.slice(end + 1) };
}

/** The kind of a token from its lifetime in seconds (`null`: no `exp`). */
export function kindForLifetime(lifetimeSeconds: number | null): TokenKind {
  if (lifetimeSeconds === null) return 'never';
  return lifetimeSeconds > 86_400 ? 'long' : 'hand-signed';
}
