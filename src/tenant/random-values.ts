import { bytesToBase64 } from './base64.ts';

/*
 * Fresh identifiers and secrets for records created at run time. Seeded records use fixed values
 * (see seed.ts) so lessons can quote them; these use the platform CSPRNG, which both browsers and
 * Node provide as `crypto.getRandomValues`.
 */

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SECRET_ALPHABET = `${ALPHANUMERIC}-_`;

function randomString(length: number, alphabet: string): string {
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** A new client id: 32 alphanumerics, the shape of real Auth0 client ids. */
export function newClientId(): string {
  return randomString(32, ALPHANUMERIC);
}

/** A new client secret: 64 URL-safe characters, the shape of real Auth0 client secrets. */
export function newClientSecret(): string {
  return randomString(64, SECRET_ALPHABET);
}

/** A new client grant id, `cgr_` plus 16 alphanumerics like Auth0's. */
export function newGrantId(): string {
  return `cgr_${randomString(16, ALPHANUMERIC)}`;
}

/** A new credential id, `cred_` plus 22 alphanumerics, the shape terraform-provider-auth0's recorded traffic shows. */
export function newCredentialId(): string {
  return `cred_${randomString(22, ALPHANUMERIC)}`;
}

/** A new API (resource server) id: 24 lowercase hex characters, the shape of Auth0's. */
export function newResourceServerId(): string {
  return randomString(24, '0123456789abcdef');
}

/** A new global client secret: 48 random bytes, base64-encoded (the HS256 key is the bytes). */
export function newGlobalSecret(): string {
  return bytesToBase64(crypto.getRandomValues(new Uint8Array(48)));
}

/** A fresh value from `generate` that `taken` does not know yet (collisions are astronomically rare). */
export function uniqueId(generate: () => string, taken: (id: string) => boolean): string {
  for (;;) {
    const id = generate();
    if (!taken(id)) return id;
  }
}
