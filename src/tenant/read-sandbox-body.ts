import { readRequestBody } from './read-body.ts';
import { TenantError, isTenantError } from './tenant-error.ts';

/** What reading a sandbox route's body can refuse, in the Management API's words. */
export type SandboxBodyError = TenantError<'invalid_body' | 'body_not_object' | 'malformed_json' | 'body_too_large' | 'unsupported_content_type'>;

/**
 * The JSON object a sandbox route (the test clock, the fleet) was sent, refusing any property but
 * `allowed` and naming all of them, as the Management API does for its own bodies.
 */
export async function readSandboxBody(request: Request, allowed: readonly string[]): Promise<Record<string, unknown> | SandboxBodyError> {
  const body = await readRequestBody(request, ['json'], { assumeJson: true });
  if (isTenantError(body)) return body;
  if (body.kind !== 'json') return new TenantError('unsupported_content_type', { contentType: request.headers.get('content-type') ?? '' });
  const value = body.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return new TenantError('body_not_object', { found: value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value });
  }
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  if (extra.length > 0) return new TenantError('invalid_body', { detail: `Additional properties not allowed: ${extra.join(',')}` });
  return value as Record<string, unknown>;
}
