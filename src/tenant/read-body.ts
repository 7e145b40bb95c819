import { TenantError } from './tenant-error.ts';

/** Largest request body the tenant reads, in bytes (see `assumptions.ts`). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** A request body after reading: parsed JSON, or form parameters. */
export type RequestBody =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'form'; readonly params: URLSearchParams };

/** The media types an endpoint accepts. */
export type BodyKind = RequestBody['kind'];

type BodyError = TenantError<'body_too_large' | 'unsupported_content_type' | 'malformed_json'>;

/**
 * Reads a request body without ever holding more than `limit` bytes, then parses it by its
 * Content-Type. `assumeJson`: a missing Content-Type means JSON (as the Management API does).
 */
export async function readRequestBody(
  request: Request,
  accepted: readonly BodyKind[],
  options: { limit?: number; assumeJson?: boolean } = {},
): Promise<RequestBody | BodyError> {
  const limit = options.limit ?? BODY_LIMIT_BYTES;
  const kind = mediaKind(request.headers.get('content-type'), options.assumeJson === true);
  if (kind === undefined || !accepted.includes(kind)) {
    return new TenantError('unsupported_content_type', { contentType: request.headers.get('content-type') ?? '' });
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > limit) return new TenantError('body_too_large', { limit });
  const bytes = await readCapped(request, limit);
  if (bytes === undefined) return new TenantError('body_too_large', { limit });
  const text = new TextDecoder().decode(bytes);
  if (kind === 'form') return { kind, params: new URLSearchParams(text) };
  try {
    return { kind, value: JSON.parse(text) };
  } catch {
    return new TenantError('malformed_json');
  }
}

function mediaKind(contentType: string | null, assumeJson: boolean): BodyKind | undefined {
  if (contentType === null || contentType.trim() === '') return assumeJson ? 'json' : undefined;
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
  if (essence === 'application/json') return 'json';
  if (essence === 'application/x-www-form-urlencoded') return 'form';
  return undefined;
}

/** The body's bytes, or `undefined` as soon as it grows past `limit`. */
async function readCapped(request: Request, limit: number): Promise<Uint8Array | undefined> {
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a cloned request's body is a tee, and cancelling one branch settles only
      // once the other branch is cancelled or read too.
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
