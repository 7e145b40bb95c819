/**
 * Turns the editor's TypeScript into the JavaScript module the worker runs, with Monaco's own
 * TypeScript worker (no second compiler in the bundle).
 */
import type { monaco as Monaco } from './monaco-core.ts';
import type { getTypeScriptWorker as GetWorker } from './monaco-core.ts';

export interface Transpiled {
  code: string;
  sourceMap?: string;
  /** The first syntax error, 1-based position in the learner's code: running would be pointless. */
  syntaxError?: { message: string; line: number; column: number };
}

export async function transpileModel(getWorker: typeof GetWorker, model: Monaco.editor.ITextModel): Promise<Transpiled> {
  const client = await (await getWorker())(model.uri);
  const fileName = model.uri.toString();
  const [syntax] = await client.getSyntacticDiagnostics(fileName);
  if (syntax) {
    const position = model.getPositionAt(syntax.start ?? 0);
    const message = typeof syntax.messageText === 'string' ? syntax.messageText : syntax.messageText.messageText;
    return { code: '', syntaxError: { message, line: position.lineNumber, column: position.column } };
  }
  const output = await client.getEmitOutput(fileName);
  const js = output.outputFiles.find((file) => file.name.endsWith('.js'));
  const map = output.outputFiles.find((file) => file.name.endsWith('.js.map'));
  if (!js) throw new Error('[playground] TypeScript produced no JavaScript for this code.');
  // With inlineSourceMap the map rides inside the code; a separate .map file travels alongside.
  return map ? { code: js.text, sourceMap: map.text } : { code: js.text };
}
