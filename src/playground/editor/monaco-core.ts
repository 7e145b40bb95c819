/**
 * The parts of Monaco a playground needs, registered before the first editor is made.
 *
 * `monaco-editor`'s main entry registers some 80 languages plus the CSS, HTML and JSON language
 * services; a playground only edits TypeScript, so this imports the editor API, the editing
 * comforts listed below and the TypeScript language alone.
 *
 * Every editor contribution must be registered before the first `monaco.editor.create`: Monaco
 * builds its service collection once, when the first editor is made (StandaloneServices.initialize
 * copies the singletons registered so far and never looks again), and every later editor
 * instantiates every contribution registered by then. Since 0.55 the TypeScript language's lazy
 * `tsMode` chunk imports `internal/common/workers`, which imports every editor contribution
 * (microsoft/monaco-editor#5162), CodeLens and drop-into-editor among them, whose services
 * (ICodeLensCache, treeViewsDndService) then arrive after the collection was built: the second
 * editor on a page threw "[createInstance] … depends on UNKNOWN service ICodeLensCache". So that
 * module is imported here, up front: the contributions it brings are downloaded with TypeScript
 * anyway, and now every editor on a page, the first included, gets the same ones.
 * Keep this in step with what `languages/features/typescript/tsMode.js` imports when upgrading.
 */
import * as monaco from 'monaco-editor/editor/editor.api';

// Before anything makes an editor (see above): what the TypeScript language would register late.
import 'monaco-editor/internal/common/workers';

// Editing comforts readers expect from VS Code (all of them also come with the import above, but
// these are the ones the playgrounds rely on, should Monaco stop bundling them there).
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/caretOperations/browser/caretOperations';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/format/browser/formatActions';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/inlayHints/browser/inlayHintsContribution';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/links/browser/links';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/parameterHints/browser/parameterHints';
import 'monaco-editor/editor/contrib/rename/browser/rename';
import 'monaco-editor/editor/contrib/smartSelect/browser/smartSelect';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/tokenization/browser/tokenization';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
// Accessibility: Ctrl+M switches Tab between indenting and moving focus out of the editor.
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode';
import 'monaco-editor/editor/standalone/browser/iPadShowKeyboard/iPadShowKeyboard';
import 'monaco-editor/editor/common/standaloneStrings';
// monaco-editor's exports map only reaches .js files, so its icon font CSS is addressed by path.
import '/node_modules/monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.css';
import '/node_modules/monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon-modifiers.css';

// TypeScript: syntax colouring and the language service (IntelliSense, diagnostics, emit).
import 'monaco-editor/languages/definitions/typescript/register';
import {
  getTypeScriptWorker,
  typescriptDefaults,
  ModuleKind,
  ModuleResolutionKind,
  ScriptTarget,
} from 'monaco-editor/languages/features/typescript/register';

import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';

// Only two workers exist in this build; any other label is a bug worth hearing about.
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    if (label !== 'editorWorkerService') {
      console.warn(`[playground] Monaco asked for a "${label}" worker; using the generic editor worker.`);
    }
    return new EditorWorker();
  },
};

export { monaco, getTypeScriptWorker, typescriptDefaults, ModuleKind, ModuleResolutionKind, ScriptTarget };
