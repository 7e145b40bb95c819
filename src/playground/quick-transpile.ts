/**
 * Turns the learner's TypeScript into the JavaScript module the run worker loads, with Sucrase:
 * about 40 KB (brotli) and well under a millisecond for a lesson-sized file, so a Run never waits
 * for Monaco or its TypeScript service, not even when the reader presses Run before the editor
 * has loaded. Types are only stripped here; type errors are the editor's job, and they do not
 * stop a run (as in the TypeScript playground).
 *
 * @module
 */
import { transform } from 'sucrase';

/**
 * What a run gets: code, or why there is nothing to run. Sucrase keeps every line where it was,
 * so a line in the output is the same line in the learner's file; columns move where types were
 * removed, so runtime errors are placed by line only. (Sucrase's own source maps were wrong past
 * the first line in 3.35, so none is passed on.)
 */
export type Transpiled =
  | { kind: 'code'; code: string }
  | { kind: 'empty' }
  | { kind: 'syntax-error'; message: string; line: number; column: number };

const LEARNER_FILE = 'learner.ts';
// Comments and whitespace only: nothing would run, and "Finished in 2 ms" would puzzle a reader.
const ONLY_COMMENTS = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*$/;

/** Strips the types of `source`, keeping ES module syntax, top-level `await` and modern JS as written. */
export function transpileForRun(source: string): Transpiled {
  if (ONLY_COMMENTS.test(source)) return { kind: 'empty' };
  try {
    const { code } = transform(source, {
      transforms: ['typescript'],
      // The worker is a current browser: no class-field or optional-chaining rewrites needed.
      disableESTransforms: true,
      filePath: LEARNER_FILE,
    });
    return { kind: 'code', code };
  } catch (error) {
    return syntaxError(error);
  }
}

// Sucrase's parser errors read "Error transforming learner.ts: Unexpected token (3:5)" and carry
// `loc` with the same 1-based line and column; the reader gets the sentence and the position.
function syntaxError(error: unknown): Transpiled {
  const loc = (error as { loc?: { line?: unknown; column?: unknown } } | null)?.loc;
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(/^Error transforming [^:]+:\s*/, '').replace(/\s*\(\d+:\d+\)$/, '');
  const line = typeof loc?.line === 'number' ? loc.line : 1;
  const column = typeof loc?.column === 'number' ? loc.column : 1;
  return { kind: 'syntax-error', message: `${message.charAt(0).toUpperCase()}${message.slice(1)}.`, line, column };
}
