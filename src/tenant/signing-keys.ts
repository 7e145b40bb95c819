import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { TenantError } from './tenant-error.ts';

/**
 * One RS256 key pair the tenant signs access tokens with. The private half is kept as a JWK as
 * well, because the sandbox saves its whole state (a real tenant never hands out its keys).
 */
export interface SigningKey {
  /** Key id: the RFC 7638 thumbprint of the public key, so it is stable across save/restore. */
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

const RSA_PRIVATE_MEMBERS = ['kty', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/** Generates a fresh 2048-bit RS256 key pair. */
export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const privateJwk = await exportJWK(privateKey);
  const imported = await importSigningKey(privateJwk);
  if (imported instanceof TenantError) throw new Error(`[tenant] a key generated just now failed to import: ${imported.details.problem}`);
  return imported;
}

/**
 * Rebuilds a signing key from a saved private JWK. Saved state is something a reader's browser
 * can hand back damaged, so a JWK that is not a usable RSA private key is returned as an
 * `invalid_snapshot` error whose `details.problem` says what is wrong with the key.
 */
export async function importSigningKey(jwk: unknown, expectedKid?: unknown): Promise<SigningKey | TenantError<'invalid_snapshot'>> {
  const refused = (problem: string) => new TenantError('invalid_snapshot', { problem });
  if (typeof jwk !== 'object' || jwk === null) return refused('the key is not an object');
  const source = jwk as Record<string, unknown>;
  const privateJwk: JWK = {};
  for (const member of RSA_PRIVATE_MEMBERS) {
    const value = source[member];
    if (typeof value !== 'string' || value.length === 0) return refused(`the key has no "${member}"`);
    privateJwk[member] = value;
  }
  if (privateJwk.kty !== 'RSA') return refused('the key is not an RSA key');
  const publicJwk: JWK = { kty: 'RSA', n: privateJwk.n, e: privateJwk.e };
  try {
    const kid = await calculateJwkThumbprint(publicJwk);
    if (expectedKid !== undefined && expectedKid !== kid) return refused('the key id does not match the key');
    const privateKey = await importJWK(privateJwk, 'RS256', { extractable: true });
    const publicKey = await importJWK(publicJwk, 'RS256', { extractable: true });
    if (privateKey instanceof Uint8Array || publicKey instanceof Uint8Array) return refused('the key did not import as an RSA key');
    // A corrupted private key can import fine and still sign wrongly; prove one round trip.
    const probe = new Uint8Array([1, 2, 3]);
    const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', privateKey, probe);
    if (!(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', publicKey, signature, probe))) return refused('the private and public halves do not match');
    return { kid, privateKey, publicKey, privateJwk, publicJwk: { ...publicJwk, kid, use: 'sig', alg: 'RS256' } };
  } catch (cause) {
    return refused(`the key could not be imported (${cause instanceof Error ? cause.message : String(cause)})`);
  }
}

/** The public JSON Web Key Set a tenant serves at `/.well-known/jwks.json`. */
export function jwksDocument(keys: readonly SigningKey[]): { keys: JWK[] } {
  return { keys: keys.map((key) => ({ ...key.publicJwk })) };
}
