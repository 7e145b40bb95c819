/**
 * Turns a position in the code that ran (transpiled JavaScript loaded from a blob URL) into a
 * position in the TypeScript the learner wrote, so errors point at the learner's own line.
 *
 * @module
 */

/** A 1-based line and column, the way editors and stack traces count. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** One frame of a stack trace. */
export interface StackFrame {
  url: string;
  line: number;
  column: number;
  functionName?: string;
}

/** Maps positions in generated code back to the original source. */
export type PositionMapper = (generated: SourcePosition) => SourcePosition | null;

// [generated column, original line, original column], all 0-based, per generated line.
type Segment = [number, number, number];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const INLINE_MAP = /\/\/[#@]\s*sourceMappingURL=data:application\/json(?:;charset=[\w-]+)?;base64,([A-Za-z0-9+/=]+)\s*$/;

/**
 * Reads a version 3 source map (JSON text) with a single source, as TypeScript emits it.
 * Returns `null` when the text is not a usable map, so callers fall back to unmapped positions.
 */
export function createPositionMapper(sourceMapJson: string): PositionMapper | null {
  let map: { version?: unknown; mappings?: unknown };
  try {
    map = JSON.parse(sourceMapJson);
  } catch {
    return null;
  }
  if (map?.version !== 3 || typeof map.mappings !== 'string') return null;
  const lines = decodeMappings(map.mappings);
  if (!lines) return null;

  return ({ line, column }) => {
    const segments = lines[line - 1];
    if (!segments || segments.length === 0) return null;
    // The last segment that starts at or before the column; before the first one, the first one.
    let best = segments[0]!;
    for (const segment of segments) {
      if (segment[0] > column - 1) break;
      best = segment;
    }
    return { line: best[1] + 1, column: best[2] + 1 };
  };
}

/** The JSON of a source map inlined as a base64 data URL at the end of the code, if there is one. */
export function inlineSourceMap(code: string): string | null {
  const match = INLINE_MAP.exec(code);
  if (!match) return null;
  try {
    const bytes = Uint8Array.from(atob(match[1]!), (char) => char.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return null;
  }
}

/** Reads V8 (`at fn (url:1:2)`) and Firefox/Safari (`fn@url:1:2`) frames; lines it does not understand are skipped. */
export function parseStackFrames(stack: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const text of stack.split('\n')) {
    const v8 = /^\s*at (?:async )?(?:(.+?) \()?(.+):(\d+):(\d+)\)?\s*$/.exec(text);
    const gecko = v8 ? null : /^\s*(.*?)@(.+):(\d+):(\d+)\s*$/.exec(text);
    const match = v8 ?? gecko;
    if (!match) continue;
    const [, functionName, url, line, column] = match as unknown as [string, string | undefined, string, string, string];
    frames.push({ url, line: Number(line), column: Number(column), ...(functionName ? { functionName } : {}) });
  }
  return frames;
}

/**
 * Where in the learner's source an error happened: the first stack frame inside the learner's
 * module, mapped through the source map. Without a map the code is taken to be the source itself
 * (plain JavaScript ran unchanged). `null` when no frame is in the learner's module.
 */
export function learnerPosition(stack: string | undefined, moduleUrl: string, mapper: PositionMapper | null): SourcePosition | null {
  if (!stack) return null;
  const frame = parseStackFrames(stack).find((candidate) => candidate.url === moduleUrl);
  return frame ? mapPosition(frame, mapper) : null;
}

/** Maps one generated position, or returns it unchanged when there is no map. */
export function mapPosition(position: SourcePosition, mapper: PositionMapper | null): SourcePosition | null {
  const generated = { line: position.line, column: position.column };
  return mapper ? mapper(generated) : generated;
}

function decodeMappings(mappings: string): Segment[][] | null {
  const lines: Segment[][] = [];
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const lineText of mappings.split(';')) {
    const segments: Segment[] = [];
    let generatedColumn = 0;
    for (const segmentText of lineText.split(',')) {
      if (segmentText === '') continue;
      const fields = decodeVlq(segmentText);
      if (!fields) return null;
      generatedColumn += fields[0]!;
      if (fields.length < 4) continue; // a segment that maps to no source
      sourceLine += fields[2]!;
      sourceColumn += fields[3]!;
      segments.push([generatedColumn, sourceLine, sourceColumn]);
    }
    lines.push(segments);
  }
  return lines;
}

function decodeVlq(text: string): number[] | null {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    if (digit === -1) return null;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return shift === 0 ? values : null;
}
