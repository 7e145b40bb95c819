/**
 * What Monaco's TypeScript knows about a playground's world: a Web Worker (no DOM), modern
 * JavaScript, the `tokenLab` global and the jose library, which is the one import allowed.
 */
import { typescriptDefaults, ModuleResolutionKind } from './monaco-core.ts';
import { LEARNER_COMPILER_OPTIONS, LEARNER_TYPES, LEARNER_TYPES_URI } from '../learner-types.ts';

// jose's own declaration files, so `import { jwtVerify } from 'jose'` completes and type-checks
// exactly as it would in a project. They load with the editor, not with the page.
const joseTypes = import.meta.glob<string>('/node_modules/jose/dist/types/**/*.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

let configured = false;

/** Configures the shared TypeScript service once per page, whatever the number of playgrounds. */
export function configureTypeScript(): void {
  if (configured) return;
  configured = true;
  typescriptDefaults.setCompilerOptions({
    ...LEARNER_COMPILER_OPTIONS,
    lib: [...LEARNER_COMPILER_OPTIONS.lib],
    // Resolves `import … from 'jose'` to the declaration files registered below.
    moduleResolution: ModuleResolutionKind.NodeJs,
    skipLibCheck: true,
  });
  // Type errors show as squiggles but do not stop a run, as in the TypeScript playground.
  typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  typescriptDefaults.setEagerModelSync(true);
  typescriptDefaults.addExtraLib(LEARNER_TYPES, LEARNER_TYPES_URI);
  for (const [path, source] of Object.entries(joseTypes)) {
    typescriptDefaults.addExtraLib(source, `file://${path}`);
  }
  typescriptDefaults.addExtraLib("export * from './dist/types/index.js';\n", 'file:///node_modules/jose/index.d.ts');
}
