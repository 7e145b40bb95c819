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
