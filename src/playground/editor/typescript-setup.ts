/**
 * Hands Monaco's TypeScript the learner's world (`editor-environment.ts`): a Web Worker (no DOM),
 * modern JavaScript, the `tokenLab` global and jose, the one import allowed.
 */
import { typescriptDefaults } from './monaco-core.ts';
import { EDITOR_COMPILER_OPTIONS, editorExtraLibs } from '../editor-environment.ts';

let configured = false;

/** Configures the shared TypeScript service once per page, whatever the number of playgrounds. */
export function configureTypeScript(): void {
  if (configured) return;
  configured = true;
  // Set before the first model exists, so the TypeScript worker starts with the whole world.
  typescriptDefaults.setExtraLibs(editorExtraLibs());
  typescriptDefaults.setCompilerOptions({ ...EDITOR_COMPILER_OPTIONS, lib: [...EDITOR_COMPILER_OPTIONS.lib] });
  // Type errors show as squiggles but do not stop a run, as in the TypeScript playground.
  typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  typescriptDefaults.setEagerModelSync(true);
}
