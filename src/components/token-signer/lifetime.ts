/*
 * The signer's lifetime picker: the choices, and how a choice rewrites `iat` and `exp`.
 */

/** The lifetimes offered, shortest first; `seconds: null` means no `exp` at all. */
export const LIFETIMES = [
  { id: '1h', label: '1 hour', seconds: 3_600 },
  { id: '24h', label: '24 hours (what /oauth/token gives)', seconds: 86_400 },
  { id: '30d', label: '30 days', seconds: 2_592_000 },
  { id: '1y', label: '1 year (the old docs’ example)', seconds: 31_536_000 },
  { id: 'never', label: 'Never (no exp)', seconds: null },
] as const;

export type LifetimeId = (typeof LIFETIMES)[number]['id'];

/** The seconds of a lifetime id (`null` for never); `undefined` for an unknown id. */
export function lifetimeSeconds(id: string): number | null | undefined {
  const found = LIFETIMES.find((lifetime) => lifetime.id === id);
  return found === undefined ? undefined : found.seconds;
}

/** A copy of `payload` issued now, expiring after `seconds` (or never: `exp` removed). */
export function applyLifetime(payload: Readonly<Record<string, unknown>>, seconds: number | null, nowSeconds: number): Record<string, unknown> {
  const { exp: _exp, iat: _iat, ...rest } = payload;
  const next: Record<string, unknown> = { ...rest, iat: nowSeconds };
  if (seconds !== null) next.exp = nowSeconds + seconds;
  return next;
}

/** How long a payload's token lives (`exp - iat`, `iat` defaulting to now); `null` without `exp`. */
export function lifetimeOf(payload: Readonly<Record<string, unknown>>, nowSeconds: number): number | null {
  const exp = payload.exp;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return null;
  const iat = typeof payload.iat === 'number' && Number.isFinite(payload.iat) ? payload.iat : nowSeconds;
  return exp - iat;
}
