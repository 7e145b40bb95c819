/**
 * Share links: a playground's code travels in the URL fragment, so it never reaches a server log,
 * compressed (deflate-raw) when the browser can. Several playgrounds on one page can share at once:
 * each has its own `pg.<id>` parameter in the fragment.
 *
 * @module
 */
import { base64url } from 'jose';

/** Thrown when code is too long to fit in a link; `code` is stable so the UI can switch on it. */
export class ShareLinkError extends Error {
  readonly code = 'ERR_SHARE_TOO_LARGE';
  override name = 'ShareLinkError';
}

/** What a page found in its URL for one playground. */
export type SharedCode = { code: string } | { notice: string };

/** Longest encoded code a link may carry: links much past this get cut by chat apps and mail clients. */
export const MAX_SHARE_LENGTH = 8_000;
// A small link may inflate to a lot of text (a "zip bomb"); nobody shares more code than this.
const MAX_DECODED_BYTES = 200_000;
const COMPRESSED = 'z.';
const PLAIN = 'b.';

/** The fragment parameter that carries a playground's code. */
export function shareParameter(id: string): string {
  return `pg.${id}`;
}

/** Encodes code for a link: `z.` + base64url of deflate-raw, or `b.` + base64url of UTF-8 where compression is missing. */
export async function encodeSharedCode(code: string): Promise<string> {
  const bytes = new TextEncoder().encode(code);
  const compressed = await transform(bytes, 'compress');
  return compressed ? COMPRESSED + base64url.encode(compressed) : PLAIN + base64url.encode(bytes);
}

/** Decodes what {@link encodeSharedCode} made; `null` for anything damaged, oversized or not UTF-8. */
export async function decodeSharedCode(payload: string): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = base64url.decode(payload.slice(2));
  } catch {
    return null;
  }
  const prefix = payload.slice(0, 2);
  const raw = prefix === COMPRESSED ? await transform(bytes, 'decompress') : prefix === PLAIN ? bytes : null;
  if (!raw || raw.byteLength > MAX_DECODED_BYTES) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return null;
  }
}

/**
 * The page URL with this playground's code in its fragment, keeping other playgrounds' shared code.
 * @throws {ShareLinkError} when the code is too long for a link.
 */
export async function createShareUrl(pageUrl: string, id: string, code: string): Promise<string> {
  const payload = await encodeSharedCode(code);
  if (payload.length > MAX_SHARE_LENGTH) {
    throw new ShareLinkError(`[playground] This code is too long to share as a link (${payload.length} characters encoded, at most ${MAX_SHARE_LENGTH}). Use Export to save it as a file instead.`);
  }
  const url = new URL(pageUrl);
  const params = playgroundParams(url.hash);
  params.set(shareParameter(id), payload);
  url.hash = params.toString();
  return url.href;
}

/** The code shared for a playground in a page URL: `null` when there is none, a notice when it is unreadable. */
export async function readSharedCode(pageUrl: string, id: string): Promise<SharedCode | null> {
  const payload = playgroundParams(new URL(pageUrl).hash).get(shareParameter(id));
  if (payload === null) return null;
  const code = payload.length <= MAX_SHARE_LENGTH ? await decodeSharedCode(payload) : null;
  return code === null
    ? { notice: '[playground] The shared code in this link could not be read (the link may have been cut off when it was copied), so your own or the starting code is shown instead.' }
    : { code };
}

// Only our own parameters: a heading anchor in the fragment is not carried into a share link.
function playgroundParams(hash: string): URLSearchParams {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  for (const key of [...params.keys()]) if (!key.startsWith('pg.')) params.delete(key);
  return params;
}

// Runs bytes through (De)CompressionStream, stopping past the size cap; `null` when unsupported or invalid.
async function transform(bytes: Uint8Array, direction: 'compress' | 'decompress'): Promise<Uint8Array | null> {
  let stream: ReadableStream<Uint8Array>;
  try {
    const codec = direction === 'compress' ? new CompressionStream('deflate-raw') : new DecompressionStream('deflate-raw');
    stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(codec);
  } catch {
    return null;
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      total += chunk.value.byteLength;
      if (total > MAX_DECODED_BYTES) {
        await reader.cancel();
        return null;
      }
      chunks.push(chunk.value);
    }
  } catch {
    return null;
  }
  return new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer());
}
