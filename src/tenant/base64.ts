// Base64 without Node's Buffer, so the tenant runs unchanged in browsers and workers.

/** Standard base64 of some bytes (no dependency on Node's Buffer, so it runs in browsers too). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Decodes standard or URL-safe base64; `undefined` when the text is not base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  const normalized = text.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normalized)) return undefined;
  try {
    const binary = atob(normalized);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}
