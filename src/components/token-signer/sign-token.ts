/**
 * Signs the signer's header and payload with HS256, the way the jwt.io debugger did: the only
 * algorithm it allowed while editing, keyed with the Global Client Secret, base64-decoded.
 */
import { SignJWT, type JWTHeaderParameters } from 'jose';

export type SignResult = { ok: true; token: string } | { ok: false; message: string };

/** The secret's bytes (base64 or base64url), or `undefined` when it is not base64. */
export function secretBytes(base64: string): Uint8Array | undefined {
  const normalized = base64.trim().replace(/-/g, '+').replace(/_/g, '/');
  if (normalized === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(normalized)) return undefined;
  try {
    return Uint8Array.from(atob(normalized), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Signs; refuses anything but HS256 and a secret that is not base64, with a sentence saying why. */
export async function signHs256(header: Readonly<Record<string, unknown>>, payload: Readonly<Record<string, unknown>>, secretBase64: string): Promise<SignResult> {
  if (header.alg !== 'HS256') {
    return { ok: false, message: `The header's alg must be "HS256" (it is ${JSON.stringify(header.alg) ?? 'missing'}). Like the jwt.io debugger when you edit, this signer does HS256 only.` };
  }
  if ('crit' in header || 'b64' in header) {
    return { ok: false, message: 'Remove "crit" and "b64" from the header: this signer makes plain JWTs.' };
  }
  const key = secretBytes(secretBase64);
  if (key === undefined || key.length === 0) {
    return { ok: false, message: 'The secret must be base64, as the Global Client Secret is shown in the Dashboard.' };
  }
  try {
    const token = await new SignJWT({ ...payload }).setProtectedHeader({ ...header } as JWTHeaderParameters).sign(key);
    return { ok: true, token };
  } catch (error) {
    return { ok: false, message: `Could not sign: ${error instanceof Error ? error.message : String(error)}` };
  }
}
