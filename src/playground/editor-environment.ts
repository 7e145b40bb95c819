/**
 * The TypeScript world the editor shows a learner, as plain data: compiler options and the extra
 * declaration files. Monaco's TypeScript worker receives exactly this (`typescript-setup.ts`), and
 * the unit test runs Monaco's own worker in Node with it, so the test and the editor cannot drift.
 *
 * @module
 */
import { LEARNER_TYPES, LEARNER_TYPES_URI } from './learner-types.ts';

/**
 * Compiler options for learner code, as plain values so this module does not import Monaco.
 *
 * `lib` lists declaration file names, not tsconfig's short names: the compiler API takes
 * `lib.webworker.d.ts` where a tsconfig says `webworker`. Monaco 0.57's worker still finds the
 * text for a short name, but under the file name `webworker`, which does not end in `.d.ts`;
 * `moduleDetection: force` then makes that file a module and every global in it (`fetch`,
 * `console`, `Response` …) disappears from the learner's scope.
 *
 * `99` is ESNext for `target` and `module`; `2` is Node-style module resolution, which finds the
 * jose declarations below under `file:///node_modules/jose`. The inline source map lets runtime
 * errors point at the learner's line.
 */
export const EDITOR_COMPILER_OPTIONS = {
  target: 99,
  module: 99,
  moduleResolution: 2,
  lib: ['lib.esnext.d.ts', 'lib.webworker.d.ts'],
  strict: true,
  skipLibCheck: true,
  noEmitOnError: false,
  inlineSourceMap: true,
  inlineSources: false,
  moduleDetection: 3, // "force": every file is a module, so top-level await works without an export
  allowNonTsExtensions: true,
} as const;

// jose's own declaration files, so `import { jwtVerify } from 'jose'` completes and type-checks
// as it would in a project. Bundled with the editor chunk, never with a reading page.
const joseTypes = import.meta.glob<string>('/node_modules/jose/dist/types/**/*.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** One declaration file for `typescriptDefaults.addExtraLib(content, filePath)`. */
export interface ExtraLib {
  filePath: string;
  content: string;
}

/** Every declaration file the editor adds: the `tokenLab` global and jose, as a package. */
export function editorExtraLibs(): ExtraLib[] {
  const jose = Object.entries(joseTypes).map(([path, content]) => ({ filePath: `file://${path}`, content }));
  if (jose.length === 0) throw new Error('[playground] jose ships no declaration files at node_modules/jose/dist/types; its import would be untyped.');
  return [
    { filePath: LEARNER_TYPES_URI, content: LEARNER_TYPES },
    ...jose,
    // The package entry Node-style resolution looks for first.
    { filePath: 'file:///node_modules/jose/index.d.ts', content: "export * from './dist/types/index.js';\n" },
  ];
}
