/**
 * Finds token-shaped strings in any pasted text: env files, JSON, YAML, Terraform, headers, URLs.
 * A JWT's header is base64url JSON, so it always starts `eyJ` (`{"`); segments are joined by dots.
 * The work is capped so a megabyte of junk stays a quick, plain answer.
 */

/** Only the first this many characters are scanned. */
export const MAX_SCAN_CHARS = 2_000_000;
/** At most this many distinct tokens are analysed; the rest are counted. */
export const MAX_TOKENS = 20;
/** A token longer than this is reported, not decoded. */
export const MAX_TOKEN_CHARS = 100_000;

/** The shapes a found string can have. */
export type TokenShape = 'jws' | 'jwe' | 'truncated' | 'malformed' | 'too-long';

export interface FoundToken {
  /** The token as found (kept in memory only; never rendered whole). */
  readonly text: string;
  readonly shape: TokenShape;
  /** 1-based line numbers where it appears. */
  readonly lines: number[];
}

export interface FoundTokens {
  readonly tokens: FoundToken[];
  /** Distinct token-shaped strings beyond MAX_TOKENS, left unanalysed. */
  readonly skipped: number;
  /** Whether the text was longer than MAX_SCAN_CHARS. */
  readonly cutShort: boolean;
}

// Not preceded by a base64url character or a dot, so a blob that merely contains "eyJ" is not a token.
const CANDIDATE = /(?<![A-Za-z0-9_.-])eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)*/g;

/** Every distinct token-shaped string in `text`, in order of first appearance. */
export function findTokens(text: string): FoundTokens {
  const cutShort = text.length > MAX_SCAN_CHARS;
  const scanned = cutShort ? text.slice(0, MAX_SCAN_CHARS) : text;
  const byText = new Map<string, FoundToken>();
  const skippedTexts = new Set<string>();
  let line = 1;
  let counted = 0;
  for (const match of scanned.matchAll(CANDIDATE)) {
    line += countNewlines(scanned, counted, match.index);
    counted = match.index;
    const token = trimSentenceDot(match[0]);
    const known = byText.get(token);
    if (known) {
      if (known.lines.at(-1) !== line) known.lines.push(line);
    } else if (byText.size < MAX_TOKENS) {
      byText.set(token, { text: token, shape: shapeOf(token), lines: [line] });
    } else if (skippedTexts.size < 10_000) {
      skippedTexts.add(token);
    }
  }
  return { tokens: [...byText.values()], skipped: skippedTexts.size, cutShort };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/** `eyJa.eyJb.sig.` at the end of a sentence: the last dot is prose, not a fourth segment. */
function trimSentenceDot(candidate: string): string {
  const parts = candidate.split('.');
  while (parts.length > 3 && parts.length !== 5 && parts.at(-1) === '') parts.pop();
  return parts.join('.');
}

function shapeOf(token: string): TokenShape {
  if (token.length > MAX_TOKEN_CHARS) return 'too-long';
  const segments = token.split('.').length;
  if (segments === 3) return 'jws';
  if (segments === 5) return 'jwe';
  return segments < 3 ? 'truncated' : 'malformed';
}

/**
 * Whether text with no token in it looks like binary data (control characters or the
 * replacement character a failed decoding leaves), so the answer can say so.
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.length === 0) return false;
  let odd = 0;
  for (const char of sample) {
    const code = char.codePointAt(0)!;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd || code === 127) odd++;
  }
  return odd / sample.length > 0.05;
}
