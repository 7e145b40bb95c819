import { calculateJwkThumbprint, exportJWK, importSPKI, importX509, type CryptoKey } from 'jose';
import { base64ToBytes, bytesToBase64 } from './base64.ts';
import type { CredentialAlgorithm } from './model.ts';
import { TenantError } from './tenant-error.ts';

/*
 * Reading the `pem` of a Private Key JWT credential. node-auth0 describes it as a "PEM-formatted
 * public key (SPKI and PKCS1) or X509 certificate"; Auth0 takes RSA keys of 2048 to 4096 bits
 * ("Configure Private Key JWT Authentication", Credential limits). A private key sent by mistake
 * is refused (by `prepareCredential`, with `holdsPrivateKey`) before anything else looks at the
 * body, and never stored or repeated back.
 */

/** Smallest and largest RSA modulus Auth0 accepts for a credential, in bits. */
export const MIN_KEY_BITS = 2048;
export const MAX_KEY_BITS = 4096;

/** A credential's public key, ready to verify assertions, and its RFC 7638 thumbprint. */
export interface CredentialKey {
  readonly key: CryptoKey;
  readonly thumbprint: string;
}

/** The error codes reading a pem can end in (a private key is refused before, by its caller). */
export type CredentialKeyError = 'invalid_credential_key';

const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

/** True when the text holds a private key (PKCS#8, PKCS#1, EC, encrypted or OpenSSH). */
export function holdsPrivateKey(pem: string): boolean {
  return PRIVATE_KEY.test(pem);
}

/** Imports the public key in `pem` for `alg`, checking that it is RSA and of an accepted size. */
export async function readCredentialKey(pem: string, alg: CredentialAlgorithm): Promise<CredentialKey | TenantError<CredentialKeyError>> {
  const format = new TenantError('invalid_credential_key', { problem: 'format' });
  const block = BLOCK.exec(pem.replace(/\r\n?/g, '\n'));
  if (block === null) return format;
  const [, label, body] = block;
  let key: CryptoKey;
  try {
    if (label === 'PUBLIC KEY') key = await importSPKI(block[0], alg, { extractable: true });
    else if (label === 'CERTIFICATE') key = await importX509(block[0], alg, { extractable: true });
    else if (label === 'RSA PUBLIC KEY') {
      const spki = spkiFromPkcs1(body!);
      if (spki === undefined) return format;
      key = await importSPKI(spki, alg, { extractable: true });
    } else return format;
  } catch {
    return format;
  }
  const jwk = await exportJWK(key);
  if (jwk.kty !== 'RSA' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string') return format;
  const bits = modulusBits(jwk.n);
  if (bits < MIN_KEY_BITS || bits > MAX_KEY_BITS) return new TenantError('invalid_credential_key', { problem: 'size', bits });
  return { key, thumbprint: await calculateJwkThumbprint({ kty: 'RSA', n: jwk.n, e: jwk.e }) };
}

function modulusBits(n: string): number {
  const bytes = base64ToBytes(n) ?? new Uint8Array();
  let index = 0;
  while (index < bytes.length && bytes[index] === 0) index += 1;
  if (index === bytes.length) return 0;
  return (bytes.length - index - 1) * 8 + (32 - Math.clz32(bytes[index]!));
}

// AlgorithmIdentifier for rsaEncryption (OID 1.2.840.113549.1.1.1) with NULL parameters.
const RSA_ALGORITHM = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];

/** Wraps a PKCS#1 RSAPublicKey in a SubjectPublicKeyInfo (what WebCrypto imports), as PEM. */
function spkiFromPkcs1(base64Body: string): string | undefined {
  const pkcs1 = base64ToBytes(base64Body.replace(/\s+/g, ''));
  if (pkcs1 === undefined || pkcs1.length === 0) return undefined;
  const bitString = [0x03, ...derLength(pkcs1.length + 1), 0x00, ...pkcs1];
  const inner = [...RSA_ALGORITHM, ...bitString];
  const der = Uint8Array.from([0x30, ...derLength(inner.length), ...inner]);
  const lines = bytesToBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----`;
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return [0x80 | bytes.length, ...bytes];
}
