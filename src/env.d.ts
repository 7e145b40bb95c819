// Modules the site imports that ship no types of their own.

declare module '@pagefind/default-ui' {
  /** Pagefind's prebuilt search UI; options are passed through to Pagefind. */
  export class PagefindUI {
    constructor(options: Record<string, unknown>);
  }
}

declare module 'virtual:starlight/pagefind-config' {
  /** The `pagefind` options from Starlight's config, minus those Starlight handles itself. */
  export const pagefindUserConfig: Record<string, unknown>;
}

// Monaco's TypeScript worker class, imported by editor-test-support.ts to type-check learner code
// in Node exactly as the editor does. monaco-editor ships no declarations for this file.
declare module 'monaco-editor/languages/features/typescript/tsWorker' {
  export const TypeScriptWorker: new (
    ctx: { getMirrorModels(): unknown[] },
    createData: { compilerOptions: object; extraLibs: Record<string, { content: string; version: number }>; inlayHintsOptions: object },
  ) => unknown;
}
