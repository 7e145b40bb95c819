/**
 * Monaco's own TypeScript worker, run in Node for tests: the same `TypeScriptWorker` class, the
 * same bundled lib files and the same options the editor hands it, so what passes here is what
 * the reader sees. (A plain `tsc` program does not prove that: the editor's earlier bug, short
 * `lib` names, only showed in Monaco's worker.)
 *
 * @module
 */
import { TypeScriptWorker } from 'monaco-editor/languages/features/typescript/tsWorker';
import { EDITOR_COMPILER_OPTIONS, editorExtraLibs } from './editor-environment.ts';

/** A diagnostic as the editor would mark it: 1-based line and column. */
export interface EditorDiagnostic {
  line: number;
  column: number;
  code: number;
  message: string;
}

interface MirrorModel {
  uri: { toString(): string; path: string };
  version: number;
  getValue(): string;
}

interface WorkerDiagnostic {
  start?: number;
  code: number;
  messageText: string | { messageText: string; next?: unknown };
}

/** The parts of Monaco's worker these tests call (its own typings are not exported to us). */
interface MonacoTypeScriptWorker {
  getSyntacticDiagnostics(fileName: string): Promise<WorkerDiagnostic[]>;
  getSemanticDiagnostics(fileName: string): Promise<WorkerDiagnostic[]>;
  getQuickInfoAtPosition(fileName: string, offset: number): Promise<{ displayParts?: { text: string }[] } | undefined>;
  getCompletionsAtPosition(fileName: string, offset: number): Promise<{ entries: { name: string }[] } | undefined>;
}

/** One learner file opened in a fresh worker, as one playground's editor would hold it. */
export interface OpenedFile {
  diagnostics(): Promise<EditorDiagnostic[]>;
  /** The hover text at the first occurrence of `needle` (plus `offset` characters into it). */
  hover(needle: string, offset?: number): Promise<string>;
  /** Completion names after the first occurrence of `needle`. */
  completions(needle: string): Promise<string[]>;
}

const FILE = 'file:///playgrounds/learner.ts';

/** Opens `code` in Monaco's TypeScript worker with the editor's environment (or an override). */
export function openInEditorWorker(code: string, compilerOptions: object = EDITOR_COMPILER_OPTIONS): OpenedFile {
  const model: MirrorModel = { uri: { toString: () => FILE, path: '/playgrounds/learner.ts' }, version: 1, getValue: () => code };
  const extraLibs = Object.fromEntries(editorExtraLibs().map((lib) => [lib.filePath, { content: lib.content, version: 1 }]));
  const worker = new TypeScriptWorker({ getMirrorModels: () => [model] }, { compilerOptions, extraLibs, inlayHintsOptions: {} }) as unknown as MonacoTypeScriptWorker;
  const lineStarts = [0, ...[...code.matchAll(/\n/g)].map((match) => match.index + 1)];
  const position = (offset: number) => {
    let line = lineStarts.findLastIndex((start) => start <= offset);
    if (line < 0) line = 0;
    return { line: line + 1, column: offset - lineStarts[line]! + 1 };
  };
  const find = (needle: string) => {
    const at = code.indexOf(needle);
    if (at < 0) throw new Error(`[test] "${needle}" is not in the code`);
    return at;
  };
  return {
    async diagnostics() {
      const found = [...(await worker.getSyntacticDiagnostics(FILE)), ...(await worker.getSemanticDiagnostics(FILE))];
      return found.map((diagnostic) => ({
        ...position(diagnostic.start ?? 0),
        code: diagnostic.code,
        message: typeof diagnostic.messageText === 'string' ? diagnostic.messageText : diagnostic.messageText.messageText,
      }));
    },
    async hover(needle, offset = 0) {
      const info = await worker.getQuickInfoAtPosition(FILE, find(needle) + offset);
      return (info?.displayParts ?? []).map((part) => part.text).join('');
    },
    async completions(needle) {
      const info = await worker.getCompletionsAtPosition(FILE, find(needle) + needle.length);
      return (info?.entries ?? []).map((entry) => entry.name);
    },
  };
}
