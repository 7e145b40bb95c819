/**
 * Asks Monaco's TypeScript worker about the editor's file: the first syntax error, in
 * TypeScript's words (clearer than a stripper's "Unexpected token"), and everything it reports,
 * for the line under the editor.
 */
import type { monaco as Monaco } from './monaco-core.ts';
import type { getTypeScriptWorker as GetWorker } from './monaco-core.ts';
import type { MarkerLike } from './problem-summary.ts';

// Monaco's MarkerSeverity values, as plain numbers so this module needs no value import of Monaco.
const ERROR_SEVERITY = 8;
const WARNING_SEVERITY = 4;

/** A syntax error at a 1-based line and column of the learner's file. */
export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
}

/**
 * The TypeScript worker for the model. Monaco sets its TypeScript support up in a module it
 * imports when the first TypeScript model appears, and until then `getTypeScriptWorker` rejects
 * with "TypeScript not registered!"; so ask again, a frame apart, for up to about five seconds.
 */
async function workerFor(getWorker: typeof GetWorker, model: Monaco.editor.ITextModel) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await (await getWorker())(model.uri);
    } catch (error) {
      if (attempt >= 300 || !String(error).includes('not registered')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
  }
}

/** The first syntax error TypeScript finds in the model, if any. */
export async function firstSyntaxError(getWorker: typeof GetWorker, model: Monaco.editor.ITextModel): Promise<SyntaxProblem | undefined> {
  const client = await workerFor(getWorker, model);
  const [syntax] = await client.getSyntacticDiagnostics(model.uri.toString());
  if (!syntax) return undefined;
  const position = model.getPositionAt(syntax.start ?? 0);
  const message = typeof syntax.messageText === 'string' ? syntax.messageText : syntax.messageText.messageText;
  return { message, line: position.lineNumber, column: position.column };
}

/** What TypeScript reports on the model now, syntax and types, as marker-like problems. */
export async function currentProblems(getWorker: typeof GetWorker, model: Monaco.editor.ITextModel): Promise<MarkerLike[]> {
  const client = await workerFor(getWorker, model);
  const file = model.uri.toString();
  const [syntax, semantic] = await Promise.all([client.getSyntacticDiagnostics(file), client.getSemanticDiagnostics(file)]);
  if (model.isDisposed()) return [];
  return [...syntax, ...semantic].map((diagnostic) => ({
    startLineNumber: model.getPositionAt(diagnostic.start ?? 0).lineNumber,
    message: typeof diagnostic.messageText === 'string' ? diagnostic.messageText : diagnostic.messageText.messageText,
    // TypeScript's DiagnosticCategory: 1 is an error; Monaco marks the rest as warnings or hints.
    severity: diagnostic.category === 1 ? ERROR_SEVERITY : WARNING_SEVERITY,
  }));
}
