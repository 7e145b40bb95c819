/**
 * How whole a token-shaped string looks, from its shape alone: the yardstick for deciding whether
 * a line that follows a token continues it. A token wrapped over lines reads worse in pieces
 * than joined, and a whole token reads worse with a stray word stuck to it, so "join when it
 * reads better" rejoins the one and leaves the other.
 */
import { base64url } from 'jose';

/**
 * 0: not three parts, or the header is not JSON; 1: the claims are not JSON; 2: header and claims
 * read but the signature's length does not fit its algorithm; 3: looks whole.
 */
export type Completeness = 0 | 1 | 2 | 3;

// Signature sizes in bytes. RSA's follows the key (1024 to 4096 bits), so any common size passes.
const RSA_SIGNATURE_BYTES = [128, 256, 384, 512];
const SIGNATURE_BYTES: Readonly<Record<string, readonly number[]>> = {
  HS256: [32],
  HS384: [48],
  HS512: [64],
  ES256: [64],
  ES256K: [64],
  ES384: [96],
  ES512: [132],
  EdDSA: [64],
  Ed25519: [64],
};

/** How whole `token` looks; see {@link Completeness}. */
export function completeness(token: string): Completeness {
  const parts = token.split('.');
  if (parts.length !== 3) return 0;
  const [headerPart, claimsPart, signature] = parts as [string, string, string];
  const header = jsonObjectOf(headerPart);
  if (header === undefined) return 0;
  if (jsonObjectOf(claimsPart) === undefined) return 1;
  return signatureFits(typeof header.alg === 'string' ? header.alg : '', signature) ? 3 : 2;
}

function signatureFits(alg: string, signature: string): boolean {
  if (alg.toLowerCase() === 'none') return signature === '';
  const sizes = /^(?:RS|PS)\d+$/.test(alg) ? RSA_SIGNATURE_BYTES : SIGNATURE_BYTES[alg];
  // An algorithm this table does not know: any non-empty signature is given the benefit of the doubt.
  if (sizes === undefined) return signature !== '';
  return sizes.some((bytes) => signature.length === Math.ceil((bytes * 4) / 3));
}

function jsonObjectOf(part: string): Record<string, unknown> | undefined {
  if (part === '' || part.length % 4 === 1) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(part)));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
