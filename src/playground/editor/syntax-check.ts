/**
 * Asks Monaco's TypeScript worker about the editor's file: the first syntax error, in
 * TypeScript's words (clearer than a stripper's "Unexpected token"), and a first full check that
 * leaves the worker warm, with the libraries and jose's types parsed.
 */
import type { monaco as Monaco } from './monaco-core.ts';
import type { getTypeScriptWorker as GetWorker } from './monaco-core.ts';

/** A syntax error at a 1-based line and column of the learner's file. */
export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
}

/** The first syntax error TypeScript finds in the model, if any. */
export async function firstSyntaxError(getWorker: typeof GetWorker, model: Monaco.editor.ITextModel): Promise<SyntaxProblem | undefined> {
  const client = await (await getWorker())(model.uri);
  const [syntax] = await client.getSyntacticDiagnostics(model.uri.toString());
  if (!syntax) return undefined;
  const position = model.getPositionAt(syntax.start ?? 0);
  const message = typeof syntax.messageText === 'string' ? syntax.messageText : syntax.messageText.messageText;
  return { message, line: position.lineNumber, column: position.column };
}

/** Type-checks the model once, so the worker has loaded everything the first hover needs. */
export async function warmTypeScript(getWorker: typeof GetWorker, model: Monaco.editor.ITextModel): Promise<void> {
  const client = await (await getWorker())(model.uri);
  await client.getSemanticDiagnostics(model.uri.toString());
}
