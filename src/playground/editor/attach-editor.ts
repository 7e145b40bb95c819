/**
 * The Monaco half of a playground: replaces the static code with an editor, keeps TypeScript's
 * view of it in words under it, and follows the site's theme. Loaded after the playground can
 * already run (mount-playground.ts), so a Run never waits for the editor's 2 MB.
 */
import { monaco, getTypeScriptWorker } from './monaco-core.ts';
import { configureTypeScript } from './typescript-setup.ts';
import { leaveEditorWithEscapeTab } from './keyboard-exit.ts';
import { describeProblems } from './problem-summary.ts';
import { currentProblems, firstSyntaxError, type SyntaxProblem } from './syntax-check.ts';
import type { HeldEdit } from './held-keys.ts';

const RUN_MARKER_OWNER = 'token-lab-run';
// As Monaco's own diagnostics wait after a keystroke, so the line and the squiggles move together.
const CHECK_DELAY_MS = 500;
const NARROW = '(max-width: 40rem)';

/** What the page needs from the editor once it is there. */
export interface AttachedEditor {
  getCode(): string;
  /** Replaces the code as one edit, so Ctrl+Z brings the old code back. */
  replaceCode(code: string): void;
  /** Marks a run's error; without a column the whole line, as when only the line is known. */
  markRunError(message: string, line: number, column?: number): void;
  clearRunMarks(): void;
  /** TypeScript's words for the first syntax error, or undefined when it sees none. */
  syntaxError(): Promise<SyntaxProblem | undefined>;
  /** Types what the reader typed on the static code before the editor was there, as typing would. */
  typeHeld(edits: readonly HeldEdit[]): void;
}

/** Where the editor goes and whom it tells. */
export interface EditorSlots {
  host: HTMLElement;
  id: string;
  title: string;
  code: string;
  editorBox: HTMLElement;
  /**
   * The static code the editor replaces. When it has focus, the editor takes it over (never the
   * page's body), on the line the reader had scrolled it to.
   */
  staticCode: HTMLElement;
  problems: HTMLElement;
  /** Focus lands here before and after the editor when the reader leaves it with Escape, Tab. */
  before: HTMLElement;
  after: HTMLElement;
  onChange(): void;
  onRunShortcut(): void;
}

export function attachEditor(slots: EditorSlots): AttachedEditor {
  configureTypeScript();
  // Read before Monaco adds its own elements: where the reader is, so the editor opens there.
  const hadFocus = slots.staticCode.contains(document.activeElement);
  const scrollTop = slots.staticCode.scrollTop;
  const narrow = matchMedia(NARROW).matches;
  const model = monaco.editor.createModel(slots.code, 'typescript', monaco.Uri.parse(`file:///playgrounds/${slots.id}.ts`));
  const editor = monaco.editor.create(slots.editorBox, {
    model,
    theme: themeName(),
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    lineHeight: 21,
    padding: { top: 8, bottom: 8 },
    scrollBeyondLastLine: false,
    // Hovers and suggestions live in a layer on <body>: inside the page's content column (an
    // isolated stacking context in Starlight) the fixed "On this page" sidebar painted over them.
    fixedOverflowWidgets: true,
    overflowWidgetsDomNode: overflowLayer(),
    tabSize: 2,
    // A phone's 390 px leave room for about 34 characters behind the default gutter.
    lineNumbersMinChars: narrow ? 2 : 3,
    lineDecorationsWidth: narrow ? 8 : 10,
    folding: !narrow,
    // Monaco fades unused names to a grey that fails AA contrast; the TS diagnostics still say so.
    showUnused: false,
    ariaLabel: `${slots.title}: code editor. Ctrl+Enter runs. Escape then Tab leaves the editor.`,
  });
  openWhereTheReaderWas(editor, model, scrollTop);
  // Focus moves before the static code goes, so it never falls to the page's body on the way.
  if (hadFocus) editor.focus();
  slots.staticCode.remove();
  leaveEditorWithEscapeTab(editor, slots.before, slots.after);
  followSiteTheme();
  model.onDidChangeContent(() => slots.onChange());
  // An action, not addCommand: Monaco's addCommand bindings are page-global, so with two
  // playgrounds Ctrl+Enter would run the last one created whichever editor has focus.
  editor.addAction({
    id: 'token-lab.run',
    label: 'Run the code',
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
    run: () => slots.onRunShortcut(),
  });

  // What TypeScript finds, in words under the editor. The line asks TypeScript itself for the
  // version of the code on screen instead of reading Monaco's markers: Monaco sends no event when a
  // file that had no markers still has none, so a line written from markers could say "no
  // problems" before TypeScript had looked. A line for an older version is never written.
  let typescriptReady = false;
  let checkTimer: ReturnType<typeof setTimeout> | undefined;
  const check = async () => {
    const version = model.getVersionId();
    const problems = await currentProblems(getTypeScriptWorker, model);
    if (model.isDisposed() || model.getVersionId() !== version) return;
    slots.problems.textContent = describeProblems(problems);
    slots.problems.dataset.count = String(problems.filter((problem) => problem.severity === monaco.MarkerSeverity.Error).length);
    slots.problems.hidden = false;
  };
  const checkFailed = (error: unknown) => {
    console.warn('[playground] TypeScript could not check the code', error);
    slots.problems.textContent = 'TypeScript could not check this code; Run still works.';
    slots.problems.hidden = false;
  };
  model.onDidChangeContent(() => {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(() => void check().catch(checkFailed), CHECK_DELAY_MS);
  });
  // The first check also warms the worker (libraries, jose's types), so the first hover is quick.
  void check()
    .catch(checkFailed)
    .finally(() => {
      typescriptReady = true;
      slots.host.setAttribute('data-typescript-ready', '');
    });
  return {
    getCode: () => model.getValue(),
    replaceCode: (code) => {
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: code }], () => null);
    },
    markRunError(message, line, column) {
      // A position past the end of the file (a stale map, a line the reader just deleted) lands on
      // the last line rather than on a line that does not exist.
      const lineNumber = Math.min(Math.max(1, line), model.getLineCount());
      const lastColumn = model.getLineMaxColumn(lineNumber);
      const startColumn = column ? Math.min(Math.max(1, column), lastColumn) : model.getLineFirstNonWhitespaceColumn(lineNumber) || 1;
      monaco.editor.setModelMarkers(model, RUN_MARKER_OWNER, [
        {
          severity: monaco.MarkerSeverity.Error,
          message,
          startLineNumber: lineNumber,
          startColumn,
          endLineNumber: lineNumber,
          endColumn: column ? Math.min(startColumn + 1, lastColumn) : lastColumn,
        },
      ]);
      editor.revealLineInCenterIfOutsideViewport(lineNumber);
    },
    clearRunMarks: () => monaco.editor.setModelMarkers(model, RUN_MARKER_OWNER, []),
    syntaxError: () => (typescriptReady ? firstSyntaxError(getTypeScriptWorker, model) : Promise.resolve(undefined)),
    typeHeld(edits) {
      // Monaco's own commands for typing, so Enter indents, brackets close and Ctrl+Z undoes as after real keys.
      for (const edit of edits) {
        if (edit.kind === 'text') editor.trigger('keyboard', 'type', { text: edit.text });
        else editor.trigger('keyboard', edit.kind === 'delete-left' ? 'deleteLeft' : 'deleteRight', null);
      }
    },
  };
}

/**
 * The editor shows what the static code showed (both draw 21 px lines below 8 px of padding), with
 * the caret at the start of the first line in full view: the start of the code unless the reader
 * had scrolled, and then where they were reading.
 */
function openWhereTheReaderWas(editor: monaco.editor.IStandaloneCodeEditor, model: monaco.editor.ITextModel, scrollTop: number): void {
  editor.setScrollTop(scrollTop);
  const top = editor.getScrollTop();
  let lineNumber = 1;
  while (lineNumber < model.getLineCount() && editor.getTopForLineNumber(lineNumber) < top) lineNumber++;
  editor.setPosition({ lineNumber, column: model.getLineFirstNonWhitespaceColumn(lineNumber) || 1 });
}

// Monaco's stock themes with comments recoloured: vs-dark's green comments fail AA contrast.
let themesDefined = false;
function themeName(): string {
  if (!themesDefined) {
    themesDefined = true;
    monaco.editor.defineTheme('token-lab-dark', { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: 'A7B4A0' }], colors: {} });
    monaco.editor.defineTheme('token-lab-light', { base: 'vs', inherit: true, rules: [{ token: 'comment', foreground: '2F6B2F' }], colors: {} });
  }
  return document.documentElement.dataset.theme === 'light' ? 'token-lab-light' : 'token-lab-dark';
}

// One layer for every editor's hovers and suggestions; the class gives them Monaco's theme.
let layer: HTMLElement | undefined;
function overflowLayer(): HTMLElement {
  if (!layer) {
    layer = document.createElement('div');
    layer.className = 'monaco-editor tl-pg-overflow';
    document.body.append(layer);
  }
  return layer;
}

let followingTheme = false;
function followSiteTheme(): void {
  if (followingTheme) return;
  followingTheme = true;
  new MutationObserver(() => monaco.editor.setTheme(themeName())).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });
}
