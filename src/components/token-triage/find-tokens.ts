/**
 * Finds token-shaped strings in any pasted text: env files, JSON, YAML, Terraform, headers, URLs.
 * A JWT's header is base64url JSON, so it always starts `eyJ` (`{"`); segments are joined by dots.
 * Real pastes also hold tokens wrapped over lines (rejoined here) and tokens base64-encoded once
 * more (decoded by unwrap-base64.ts). The work is capped so a megabyte of junk stays a quick,
 * plain answer.
 */
import { rejoinWrapped, type RejoinHow } from './rejoin-wrapped.ts';
import { completeness } from './token-completeness.ts';
import { findBase64Runs, type Base64Run } from './unwrap-base64.ts';

/** Only the first this many characters are scanned. */
export const MAX_SCAN_CHARS = 2_000_000;
/** At most this many distinct tokens are analysed; the rest are counted. */
export const MAX_TOKENS = 20;
/** A token longer than this is reported, not decoded. */
export const MAX_TOKEN_CHARS = 100_000;
/** At most this many line-ending candidates are tried for rejoining, so a wall of junk stays quick. */
const MAX_REJOIN_ATTEMPTS = 200;
/** Places kept per token: enough to list where it sits, bounded for a paste that repeats it. */
const MAX_SIGHTINGS = 20;

/** The shapes a found string can have. */
export type TokenShape = 'jws' | 'jwe' | 'truncated' | 'malformed' | 'too-long';

/** One place a token was found. */
export interface Sighting {
  /** Index in the pasted text where it starts (for a base64-encoded token, where the base64 starts). */
  readonly index: number;
  /** 1-based line where it starts. */
  readonly line: number;
  readonly encoding: 'plain' | 'base64';
  /** Set when it was wrapped over lines and joined before reading. */
  readonly rejoined?: { readonly lastLine: number; readonly how: RejoinHow };
}

export interface FoundToken {
  /** The token as found (kept in memory only; never rendered whole). */
  readonly text: string;
  readonly shape: TokenShape;
  /** 1-based line numbers where it starts, each once. */
  readonly lines: number[];
  /** Where it was found, in order (at most MAX_SIGHTINGS). */
  readonly sightings: Sighting[];
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
const TOKEN_CHARS = 'A-Za-z0-9_.-';
const TOKEN_AT_START = /^eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)*/;
// What may sit between a candidate and a line break that could continue it: a quote, a backslash.
const ENDS_LINE = /["']?\\?[ \t]*\r?\n/y;

/**
 * Every distinct token-shaped string in `text`, in order of first appearance: plain, wrapped over
 * lines (rejoined), or base64-encoded once more (decoded).
 */
export function findTokens(text: string): FoundTokens {
  const cutShort = text.length > MAX_SCAN_CHARS;
  const scanned = cutShort ? text.slice(0, MAX_SCAN_CHARS) : text;
  const runs = findBase64Runs(scanned);
  const lineAt = lineCounter(scanned);
  const byText = new Map<string, FoundToken>();
  const skippedTexts = new Set<string>();
  const add = (token: string, sighting: Sighting) => {
    const known = byText.get(token);
    if (known) {
      // Sightings arrive in text order, so a line already listed is the last one.
      if (known.lines.at(-1) !== sighting.line) known.lines.push(sighting.line);
      if (known.sightings.length < MAX_SIGHTINGS) known.sightings.push(sighting);
    } else if (byText.size < MAX_TOKENS) {
      byText.set(token, { text: token, shape: shapeOf(token), lines: [sighting.line], sightings: [sighting] });
    } else if (skippedTexts.size < 10_000) {
      skippedTexts.add(token);
    }
  };
  let nextRun = 0;
  const addRunsBefore = (index: number) => {
    for (; nextRun < runs.length && runs[nextRun]!.start < index; nextRun++) addRun(runs[nextRun]!, lineAt, add);
  };

  let consumed = 0;
  let attempts = 0;
  let maskingRun = 0;
  for (const match of scanned.matchAll(CANDIDATE)) {
    while (maskingRun < runs.length && runs[maskingRun]!.end <= match.index) maskingRun++;
    // Inside a piece already joined to an earlier token, or inside a base64 run (whose + and /
    // are not base64url, so an eyJ after them would pass the look-behind).
    if (match.index < consumed || (runs[maskingRun] !== undefined && runs[maskingRun]!.start <= match.index)) continue;
    addRunsBefore(match.index);
    const line = lineAt(match.index);
    const end = match.index + match[0].length;
    let token = trimSentenceDot(match[0]);
    let rejoined: Sighting['rejoined'];
    ENDS_LINE.lastIndex = end;
    if (attempts < MAX_REJOIN_ATTEMPTS && token.length <= MAX_TOKEN_CHARS && ENDS_LINE.test(scanned)) {
      attempts++;
      const joined = rejoinWrapped(scanned, match[0], end, TOKEN_CHARS, completeness, 3);
      if (joined) {
        token = trimSentenceDot(joined.text);
        consumed = joined.end;
        rejoined = { lastLine: line + joined.extraLines, how: joined.how };
      }
    }
    add(token, { index: match.index, line, encoding: 'plain', ...(rejoined ? { rejoined } : {}) });
  }
  addRunsBefore(Infinity);
  return { tokens: [...byText.values()], skipped: skippedTexts.size, cutShort };
}

function addRun(run: Base64Run, lineAt: (index: number) => number, add: (token: string, sighting: Sighting) => void): void {
  const token = trimSentenceDot(TOKEN_AT_START.exec(run.decoded)![0]);
  const line = lineAt(run.start);
  const rejoined = run.rejoined ? { lastLine: line + run.rejoined.extraLines, how: run.rejoined.how } : undefined;
  add(token, { index: run.start, line, encoding: 'base64', ...(rejoined ? { rejoined } : {}) });
}

/** The 1-based line of an index; indexes must come in increasing order (one pass over the text). */
function lineCounter(text: string): (index: number) => number {
  let line = 1;
  let counted = 0;
  return (index) => {
    for (let at = text.indexOf('\n', counted); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
    counted = Math.max(counted, index);
    return line;
  };
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
