/**
 * Checks what a reader types into the placeholder form. Only a domain and a client ID are
 * ever wanted: anything that looks like a client secret or a token is refused, so it is never
 * pasted into a page (or a screenshot) by mistake. Pure.
 */

/** The outcome of a check: a value to fill in (or none: keep the placeholder), or a refusal. */
export type InputCheck = { ok: true; value: string | undefined } | { ok: false; message: string };

const JWT = /^eyJ[\w-]*\.[\w-]*\.?[\w-]*$/;
const HOSTNAME = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const CLIENT_ID = /^[A-Za-z0-9]{16,40}$/;
// `npm run tenant -- --https` is the tenant `localhost:N`: lesson 9 has readers try it first.
const LOCAL_SANDBOX = /^localhost:([1-9]\d{0,4})$/;
const TOKEN_MESSAGE = 'That looks like an access token. Tokens and secrets stay out of this page: only a domain and a client ID are needed.';
const SECRET_MESSAGE = 'That looks like a client secret. Never paste a secret into a web page; keep it in your server\'s environment or a secret manager.';

/** Reads a tenant domain (or the local sandbox's `localhost:N`); `https://` and a trailing slash are forgiven. */
export function checkDomain(input: string): InputCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (JWT.test(trimmed)) return { ok: false, message: TOKEN_MESSAGE };
  const host = trimmed.replace(/^https?:\/\//i, '').replace(/\/$/, '').toLowerCase();
  if (!host.includes('.') && /^[\w-]{32,}$/.test(host)) return { ok: false, message: SECRET_MESSAGE };
  const local = LOCAL_SANDBOX.exec(host);
  if (local && Number(local[1]) <= 65535) return { ok: true, value: host };
  if (!HOSTNAME.test(host)) {
    return { ok: false, message: 'Give the domain only, like dev-abc123.us.auth0.com (no path, no spaces).' };
  }
  return { ok: true, value: host };
}

/** Reads a client ID: letters and digits, typically 32 of them. */
export function checkClientId(input: string): InputCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (JWT.test(trimmed) || trimmed.startsWith('eyJ')) return { ok: false, message: TOKEN_MESSAGE };
  if (trimmed.length > 40 || /[-_~.+/=]/.test(trimmed) || /secret/i.test(trimmed)) return { ok: false, message: SECRET_MESSAGE };
  if (!CLIENT_ID.test(trimmed)) return { ok: false, message: 'A client ID is letters and digits only (Auth0\'s are 32 characters).' };
  return { ok: true, value: trimmed };
}

/** The placeholders the snippets use, and what replaces each. */
export interface Fill {
  readonly domain?: string | undefined;
  readonly clientId?: string | undefined;
}

/** Replaces YOUR_DOMAIN and YOUR_CLIENT_ID in `text`; placeholders without a value stay. */
export function fillPlaceholders(text: string, fill: Fill): string {
  let out = text;
  if (fill.domain) out = out.replaceAll('YOUR_DOMAIN', fill.domain);
  if (fill.clientId) out = out.replaceAll('YOUR_CLIENT_ID', fill.clientId);
  return out;
}
