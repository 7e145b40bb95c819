/**
 * Signs the signer's header and payload with HS256, the way the jwt.io debugger did: the only
 * algorithm it allowed while editing, keyed with the Global Client Secret, base64-decoded.
 */
import { SignJWT, type JWTHeaderParameters } from 'jose';

export type SignResult = { ok: true; token: string } | { ok: false; message: string };

/** The secret's bytes (base64 or base64url), or `undefined` when it is not base64. */
export function secretBytes(base64: string): Uint8Array<ArrayBuffer> | undefined {
  const normalized = base64.trim().replace(/-/g, '+').replace(/_/g, '/');
  if (normalized === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(normalized)) return undefined;
  try {
    return Uint8Array.from(atob(normalized), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Signs one header and payload with the secret given as base64. */
export type Hs256Signer = (header: Readonly<Record<string, unknown>>, payload: Readonly<Record<string, unknown>>, secretBase64: string) => Promise<SignResult>;

/**
 * A signer that keeps the key of the last secret it saw. Given bytes, jose imports a WebCrypto
 * key on every call, and each import is a round trip to the browser's crypto thread; the signer
 * re-signs on every keystroke while the secret rarely changes, so the import is done once per
 * secret and each keystroke costs only the signature. One secret is kept, not one per value
 * typed, so editing the secret does not pile up keys.
 */
export function createHs256Signer(): Hs256Signer {
  let last: { secret: string; key: Promise<CryptoKey> } | undefined;
  const keyFor = (secretBase64: string, bytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> => {
    if (last?.secret === secretBase64) return last.key;
    const entry = { secret: secretBase64, key: crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']) };
    // A failed import must not stick: the next call with the same secret tries again.
    entry.key.catch(() => {
      if (last === entry) last = undefined;
    });
    last = entry;
    return entry.key;
  };

  return async (header, payload, secretBase64) => {
    if (header.alg !== 'HS256') {
      return { ok: false, message: `The header's alg must be "HS256" (it is ${JSON.stringify(header.alg) ?? 'missing'}). Like the jwt.io debugger when you edit, this signer does HS256 only.` };
    }
    if ('crit' in header || 'b64' in header) {
      return { ok: false, message: 'Remove "crit" and "b64" from the header: this signer makes plain JWTs.' };
    }
    const bytes = secretBytes(secretBase64);
    if (bytes === undefined || bytes.length === 0) {
      return { ok: false, message: 'The secret must be base64, as the Global Client Secret is shown in the Dashboard.' };
    }
    try {
      const key = await keyFor(secretBase64, bytes);
      const token = await new SignJWT({ ...payload }).setProtectedHeader({ ...header } as JWTHeaderParameters).sign(key);
      return { ok: true, token };
    } catch (error) {
      return { ok: false, message: `Could not sign: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}

/** Signs once; refuses anything but HS256 and a secret that is not base64, with a sentence saying why. */
export const signHs256: Hs256Signer = (header, payload, secretBase64) => createHs256Signer()(header, payload, secretBase64);
