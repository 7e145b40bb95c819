/**
 * Tokens arrive in pieces: a `.env` value run on over two quoted lines, a shell line continued
 * with a backslash, a terminal or `base64` that wrapped at 64 or 76 columns, a YAML value folded
 * onto an indented line. This joins a run of token characters that ends a line with the lines
 * that continue it, when the joined run reads better (the caller's `score`) or a backslash
 * right after it says the line goes on.
 */

/** How the pieces were held together, to tell the reader. */
export type RejoinHow = 'backslash' | 'quotes' | 'line-break';

export interface Rejoined {
  /** The run with its continuations appended, line breaks and quotes removed. */
  readonly text: string;
  /** Index in the source just after the last piece used. */
  readonly end: number;
  /** How many lines after the first were joined. */
  readonly extraLines: number;
  readonly how: RejoinHow;
}

/** A token has no more lines than this in any wrapping seen (900 characters at 64 or 76 a line is 15). */
const MAX_CONTINUATION_LINES = 40;

interface Piece {
  readonly text: string;
  readonly end: number;
  readonly backslash: boolean;
  readonly quoted: boolean;
}

/**
 * @param source The whole pasted text.
 * @param run The run as found (from its start to `end`).
 * @param end Index in `source` just after the run.
 * @param chars The characters a run may hold, as a regular-expression class body (`A-Za-z0-9_.-`).
 * @param score How whole a run reads; higher is better, `perfect` is whole.
 * @returns The rejoined run, or undefined when no following line continues it.
 */
export function rejoinWrapped(
  source: string,
  run: string,
  end: number,
  chars: string,
  score: (candidate: string) => number,
  perfect: number,
): Rejoined | undefined {
  // Closing quote, or a backslash straight after the run; the line break; indent; opening quote;
  // then a piece that is only run characters up to the end of its line, a quote or a backslash.
  const next = new RegExp(`(["']?)(\\\\)?[ \\t]*\\r?\\n[ \\t]*(["']?)([${chars}]+)(?=["'\\\\]|[ \\t]*(?:\\r?\\n|$))`, 'y');
  const pieces: Piece[] = [];
  const scores = [score(run)];
  let joined = run;
  for (let at = end; pieces.length < MAX_CONTINUATION_LINES; ) {
    next.lastIndex = at;
    const match = next.exec(source);
    if (!match) break;
    // A backslash after a closing quote ends a shell word ("…" \): only one right after the run joins.
    const backslash = match[2] !== undefined && match[1] === '';
    const forcedSoFar = pieces.every((piece) => piece.backslash);
    // A whole run goes on only where a backslash says so.
    if (scores.at(-1)! >= perfect && !(backslash && forcedSoFar)) break;
    at = next.lastIndex;
    const quoted = match[1] !== '' || match[3] !== '' || source[at] === '"' || source[at] === "'";
    pieces.push({ text: match[4]!, end: at, backslash, quoted });
    joined += match[4]!;
    scores.push(score(joined));
  }
  if (pieces.length === 0) return undefined;

  // Lines ended by a backslash must be joined; past them, join only as far as it reads best.
  let forced = 0;
  while (forced < pieces.length && pieces[forced]!.backslash) forced++;
  let best = forced;
  for (let count = forced + 1; count < scores.length; count++) if (scores[count]! > scores[best]!) best = count;
  if (best === 0) return undefined;
  const used = pieces.slice(0, best);
  const how: RejoinHow = used.some((piece) => piece.backslash) ? 'backslash' : used.some((piece) => piece.quoted) ? 'quotes' : 'line-break';
  return { text: run + used.map((piece) => piece.text).join(''), end: used.at(-1)!.end, extraLines: best, how };
}
