/**
 * How a request is written down for the Requests panel: every field cut to a size cap, and the
 * spans of secrets marked so the panel can mask them. The caps are what keeps a flood of refused
 * 1 MB URLs from freezing the page: a record never carries more than a few kilobytes of text
 * besides its two bodies. The page applies the same caps again when a record arrives
 * (`protocol.ts`), so a worker whose own copy of this code was tampered with gains nothing.
 *
 * @module
 */
import type { RecordedBody, RecordedHeader, SecretSpan } from './protocol.ts';

/** The caps of one record, in UTF-16 code units (and entries for the header lists). */
export const RECORD_LIMITS = Object.freeze({
  url: 2_048,
  method: 16,
  error: 2_000,
  headerName: 256,
  headerValue: 4_096,
  headers: 50,
  body: 65_536,
});

// Fields whose values are credentials; the Requests panel masks them.
const SECRET_FIELDS = 'client_secret|client_assertion|access_token|refresh_token|id_token|password';
// A value cut off by the size cap still counts (`$`), so no half of a secret shows unmasked.
const JSON_SECRET = new RegExp(`"(${SECRET_FIELDS})"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)(?:"|$)`, 'dg');
const FORM_SECRET = new RegExp(`(?:^|&)(${SECRET_FIELDS})=([^&]*)`, 'dg');
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization']);

/**
 * `text` cut to `max` characters, saying how long it was when it had to be cut:
 * "https://evil.example/aaaa… (1000021 characters)".
 */
export function capText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

/** Headers in order (at most {@link RECORD_LIMITS}.headers), with credentials (Basic or Bearer authorization) marked as secret. */
export function recordHeaders(headers: Iterable<readonly [string, string]>): RecordedHeader[] {
  const recorded: RecordedHeader[] = [];
  for (const [name, value] of headers) {
    if (recorded.length === RECORD_LIMITS.headers) break;
    const lower = name.toLowerCase();
    recorded.push({ name: capText(lower, RECORD_LIMITS.headerName), value: capText(value, RECORD_LIMITS.headerValue), secret: SECRET_HEADERS.has(lower) });
  }
  return recorded;
}

/** A body cut to `maxLength` characters, with the spans of secret field values (JSON or form encoded). */
export function recordBody(text: string, maxLength: number = RECORD_LIMITS.body): RecordedBody {
  const kept = text.length > maxLength ? text.slice(0, maxLength) : text;
  const secrets: SecretSpan[] = [];
  for (const pattern of [JSON_SECRET, FORM_SECRET]) {
    for (const match of kept.matchAll(pattern)) {
      const [start, end] = match.indices?.[2] ?? [0, 0];
      secrets.push({ start, end, field: match[1]! });
    }
  }
  secrets.sort((a, b) => a.start - b.start);
  return { text: kept, size: text.length, truncated: kept.length < text.length, secrets };
}
