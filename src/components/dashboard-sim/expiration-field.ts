/**
 * The API Explorer tab's "Token Expiration (Seconds)" field. In a real tenant the number sets the
 * lifetime of the tokens the tab regenerates; the sandbox keeps Management API tokens at a fixed
 * lifetime (assumption `management-token-lifetime`), so the field is checked and then explained,
 * never silently ignored.
 */

/** The longest lifetime Auth0 lets an API set: 30 days. */
export const MAX_API_TOKEN_LIFETIME = 2_592_000;

/** What to do with the field's text. */
export type ExpirationCheck =
  | { readonly ok: false; readonly message: string }
  | { readonly ok: true; readonly seconds: number; readonly applied: boolean; readonly message: string };

/** Checks the field's text against Auth0's limits and says what the sandbox does with it. */
export function checkTokenExpiration(text: string, sandboxLifetime: number): ExpirationCheck {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: 'Enter a whole number of seconds, for example 86400 (24 hours).' };
  const seconds = Number(trimmed);
  if (seconds < 1 || seconds > MAX_API_TOKEN_LIFETIME) {
    return { ok: false, message: `Use 1 to ${MAX_API_TOKEN_LIFETIME.toLocaleString('en-US')} seconds (30 days, the most an API allows).` };
  }
  if (seconds === sandboxLifetime) {
    return { ok: true, seconds, applied: true, message: `New token issued, valid for ${seconds.toLocaleString('en-US')} s.` };
  }
  return {
    ok: true,
    seconds,
    applied: false,
    message: `New token issued. A real tenant would make it last ${seconds.toLocaleString('en-US')} s; this sandbox keeps every Management API token at ${sandboxLifetime.toLocaleString('en-US')} s (24 hours).`,
  };
}
