import { decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';

/** A token split into its readable parts. Decoding checks nothing: the signature is not verified. */
export interface DecodedJwt {
  raw: string;
  header: ProtectedHeaderParameters;
  claims: JWTPayload;
}

/** One header parameter or claim, with a sentence a newcomer can read when the name is known. */
export interface ExplainedField {
  name: string;
  value: unknown;
  explanation?: string;
}

/** Plain-language meaning of the header parameters and claims an Auth0 access token carries. */
export const FIELD_EXPLANATIONS: Readonly<Record<string, string>> = {
  alg: 'Algorithm: how the token is signed. RS256 uses the tenant\'s private key and is checked with its public key; HS256 uses a shared secret, as the old API explorer tokens did.',
  typ: 'Type: what kind of token this is, usually JWT (or at+jwt for access tokens).',
  kid: 'Key ID: which of the tenant\'s signing keys made the signature; find the matching public key in https://<domain>/.well-known/jwks.json.',
  iss: 'Issuer: who minted the token. For Auth0 it is the tenant\'s URL, ending in a slash.',
  sub: 'Subject: who the token speaks for. A client-credentials token names the application: its client ID followed by @clients.',
  aud: 'Audience: the API the token is meant for. The Management API only accepts https://<domain>/api/v2/.',
  iat: 'Issued at: when the token was minted, in seconds since 1 January 1970 (UTC).',
  exp: 'Expires: from this moment on the API refuses the token. Client-credentials tokens for the Management API last 24 hours by default, up to 30 days if someone raised its Token Expiration.',
  nbf: 'Not before: the token is not valid until this moment.',
  jti: 'JWT ID: a unique identifier for this one token.',
  scope: 'Scope: the permissions the token grants, separated by spaces (for example read:users). The API allows only what is listed here.',
  gty: 'Grant type: how the token was obtained. client-credentials means an application asked for it with its own ID and secret, no user involved.',
  azp: 'Authorized party: the client ID of the application the token was issued to.',
};

const JWT_SHAPE = /^[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*$/;
// Real access tokens are a few kilobytes; a cap keeps detection cheap on huge logged strings.
const MAX_JWT_LENGTH = 16_384;

/**
 * Whether a string is a compact JWS: three base64url parts whose first decodes to a JSON header
 * naming an `alg`. Used to render logged tokens as chips, so false positives must stay rare.
 */
export function looksLikeJwt(text: string): boolean {
  if (text.length > MAX_JWT_LENGTH || !JWT_SHAPE.test(text)) return false;
  try {
    return typeof decodeProtectedHeader(text).alg === 'string';
  } catch {
    return false;
  }
}

/** Decodes a token without verifying it; `null` when it is not a readable JWT. */
export function decodeToken(raw: string): DecodedJwt | null {
  if (!looksLikeJwt(raw)) return null;
  try {
    return { raw, header: decodeProtectedHeader(raw), claims: decodeJwt(raw) };
  } catch {
    return null;
  }
}

/** Header parameters or claims in their original order, each with its explanation when known. */
export function explainFields(fields: object): ExplainedField[] {
  return Object.entries(fields).map(([name, value]) => {
    const explanation = Object.hasOwn(FIELD_EXPLANATIONS, name) ? FIELD_EXPLANATIONS[name] : undefined;
    return explanation === undefined ? { name, value } : { name, value, explanation };
  });
}

/** A NumericDate claim (`exp`, `iat`, `nbf`) as a Date; `null` when the claim is missing or not a number. */
export function claimAsDate(claims: JWTPayload, name: 'exp' | 'iat' | 'nbf'): Date | null {
  const seconds = claims[name];
  return typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000) : null;
}

/**
 * Seconds until `exp` on the given clock (pass the tenant's virtual clock, not `Date.now()`, so a
 * lesson that fast-forwards time sees the token expire). Negative once expired; `null` without `exp`.
 */
export function secondsLeft(claims: JWTPayload, nowMs: number): number | null {
  const exp = claims.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? Math.floor(exp - nowMs / 1000) : null;
}

/** A countdown sentence: "Expires in 23 h 59 min", "Expired 5 min ago", or a warning when there is no `exp`. */
export function describeLifetime(claims: JWTPayload, nowMs: number): string {
  const left = secondsLeft(claims, nowMs);
  if (left === null) return 'Never expires: there is no exp claim, so anyone holding this token can use it for ever.';
  if (left <= 0) return `Expired ${formatDuration(-left)} ago.`;
  return `Expires in ${formatDuration(left)}.`;
}

/** "2 h 5 min", "45 s": the two largest units, enough for a countdown a reader can take in at a glance. */
export function formatDuration(totalSeconds: number): string {
  const units: Array<[label: string, seconds: number]> = [['d', 86_400], ['h', 3_600], ['min', 60], ['s', 1]];
  const parts: string[] = [];
  let rest = Math.max(0, Math.floor(totalSeconds));
  for (const [label, size] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || (parts.length > 0 && parts.length < 2)) parts.push(`${count} ${label}`);
    if (parts.length === 2) break;
  }
  return parts.length === 0 ? '0 s' : parts.join(' ');
}
