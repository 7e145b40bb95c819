/**
 * Tokens stored base64-encoded once more: a Kubernetes Secret's `data:` values, `echo $TOKEN |
 * base64` pasted into a CI variable. A JWT starts `eyJ`, whose base64 is `ZXlK`, so a run of
 * base64 that starts `ZXlK` is decoded here and handed back as text to search again.
 */
import { rejoinWrapped, type RejoinHow } from './rejoin-wrapped.ts';
import { completeness } from './token-completeness.ts';

export interface Base64Run {
  /** Where the run starts and ends in the pasted text. */
  readonly start: number;
  readonly end: number;
  /** The decoded text (a token, perhaps with a trailing newline from `echo`). */
  readonly decoded: string;
  /** Set when the run was wrapped over lines and joined. */
  readonly rejoined?: { readonly extraLines: number; readonly how: RejoinHow };
}

/** At most this many runs are decoded; a paste with more is junk, not a config file. */
export const MAX_BASE64_RUNS = 200;

const MIN_DECODED_CHARS = 10;
// Standard and URL-safe alphabets, so both `base64` and `base64url` output are found. Not preceded
// by a base64 character, so `ZXlK` in the middle of a longer blob is not taken for a start.
const RUN = /(?<![A-Za-z0-9+/_-])ZXlK[A-Za-z0-9+/_-]*={0,2}/g;
const RUN_CHARS = 'A-Za-z0-9+/_=-';
const TOKEN = /eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)*/;

/** Every `ZXlK…` run in `text` that decodes to text starting with a token. */
export function findBase64Runs(text: string): Base64Run[] {
  const runs: Base64Run[] = [];
  let consumed = 0;
  for (const match of text.matchAll(RUN)) {
    if (match.index < consumed) continue;
    if (runs.length >= MAX_BASE64_RUNS) break;
    const end = match.index + match[0].length;
    const rejoined = rejoinWrapped(text, match[0], end, RUN_CHARS, scoreOf, 3);
    const whole = rejoined?.text ?? match[0];
    const decoded = decodeBase64Text(whole);
    // A few characters of eyJ… are a coincidence, not a token: a JWT header alone is 20 or more.
    if (decoded === undefined || !decoded.startsWith('eyJ') || decoded.length < MIN_DECODED_CHARS) continue;
    consumed = rejoined?.end ?? end;
    runs.push({ start: match.index, end: consumed, decoded, ...(rejoined ? { rejoined: { extraLines: rejoined.extraLines, how: rejoined.how } } : {}) });
  }
  return runs;
}

function scoreOf(run: string): number {
  const token = decodeBase64Text(run)?.match(TOKEN)?.[0];
  return token === undefined ? -1 : completeness(token);
}

/**
 * The UTF-8 text that `run` (standard or URL-safe base64, padded or not) encodes; undefined when
 * it is not base64 or not valid UTF-8.
 */
export function decodeBase64Text(run: string): string | undefined {
  let clean = run.replace(/=+$/, '').replaceAll('-', '+').replaceAll('_', '/');
  if (/[^A-Za-z0-9+/]/.test(clean)) return undefined;
  // A trailing single character carries no whole byte: a run cut there still decodes the rest.
  if (clean.length % 4 === 1) clean = clean.slice(0, -1);
  try {
    const binary = atob(clean);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
