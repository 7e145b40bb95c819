/**
 * The API Explorer tab's "Token Expiration (Seconds)" field. It sets the Management API's
 * `token_lifetime` in the sandbox tenant for real (the same rule as `PATCH
 * /api/v2/resource-servers/{id}`), so the regenerated token's `expires_in` and `exp − iat` follow it.
 */
import { formatDuration } from '../../playground/decode-jwt.ts';
import { MAX_TOKEN_LIFETIME } from '../../tenant/index.ts';

/** Auth0's default lifetime for an API's tokens; above it the field warns. */
export const DEFAULT_API_TOKEN_LIFETIME = 86_400;

/** What the field's text means. */
export type ExpirationCheck = { readonly ok: false; readonly message: string } | { readonly ok: true; readonly seconds: number };

const seconds = (value: number) => `${value.toLocaleString('en-US')} s`;

/**
 * "7 days", "25 hours", "1 d 0 h 30 min"-style below: a lifetime in the unit a reader weighs risk
 * in. Whole days read as days and whole hours as hours (90,000 s is 25 hours, not "1.04 days");
 * anything else, and anything under a day, as its two largest units.
 */
export function formatSpan(value: number): string {
  if (value < DEFAULT_API_TOKEN_LIFETIME) return formatDuration(value);
  if (value % DEFAULT_API_TOKEN_LIFETIME === 0) {
    const days = value / DEFAULT_API_TOKEN_LIFETIME;
    return `${days} day${days === 1 ? '' : 's'}`;
  }
  if (value % 3_600 === 0) return `${value / 3_600} hours`;
  return formatDuration(value);
}

/** Checks the field's text against Auth0's limits before anything is changed. */
export function checkTokenExpiration(text: string): ExpirationCheck {
  const trimmed = text.trim();
  if (!/^\d{1,9}$/.test(trimmed)) return { ok: false, message: 'Enter a whole number of seconds, for example 86400 (24 hours). Nothing was changed.' };
  const value = Number(trimmed);
  if (value < 1 || value > MAX_TOKEN_LIFETIME) {
    return { ok: false, message: `Use 1 to ${MAX_TOKEN_LIFETIME.toLocaleString('en-US')} seconds (30 days, the most Auth0 allows for an API). Nothing was changed.` };
  }
  return { ok: true, seconds: value };
}

/** "604,800 s (7 d)": a lifetime as the field shows it, with a readable duration. */
export function describeLifetime(value: number): string {
  return `${seconds(value)} (${formatSpan(value)})`;
}

/**
 * The warning next to the field, or `null` at 24 hours or less. `applied` says whether the
 * tenant already issues tokens that long or the reader has only typed the number.
 */
export function lifetimeRisk(value: number, applied: boolean): string | null {
  if (!Number.isInteger(value) || value <= DEFAULT_API_TOKEN_LIFETIME || value > MAX_TOKEN_LIFETIME) return null;
  const span = formatSpan(value);
  return applied
    ? `New Management API tokens now live ${span}. Anyone who copies one from a log, a ticket or a laptop can use it for ${span}, and nothing takes it back. Raising this field is today's usual road to long-lived tokens.`
    : `Saving this makes new Management API tokens live ${span}: a stolen one would work for ${span}, and nothing takes it back.`;
}
