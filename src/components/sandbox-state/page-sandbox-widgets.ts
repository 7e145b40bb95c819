/**
 * Which of a page's widgets show the reader's sandbox tenant, found at build time from the page's
 * imports: a component shows it when its code reaches the page's tenant host
 * (src/tenant/hosts/browser.ts), directly or through the modules it imports, eagerly or with
 * `import()`. So a new widget needs no list to be kept: if it reads the tenant, pages that use it
 * get the sandbox notice, and the notice watches its custom element.
 *
 * Used by the PageTitle override (src/components/starlight/LabPageTitle.astro); reads source files
 * through `read`, so tests can hand it any set of files.
 */
import { importedPaths } from '../../layers.ts';

/** The page's one sandbox tenant: what "shows the sandbox" means. */
export const SANDBOX_HOST = 'src/tenant/hosts/browser.ts';

/** Reads a project file by its path from the project root; `undefined` when there is none. */
export type ReadSource = (path: string) => string | undefined;

// `import type` brings no code: a widget that only names the host's types does not use it.
const TYPE_ONLY_IMPORT = /\b(?:import|export)\s+type\s[^;]*;/g;
const CUSTOM_ELEMENT = /<(token-lab-[a-z0-9-]+)[\s>]/g;

/**
 * The custom elements (tag names) on a page whose components show the sandbox tenant, or `null`
 * when nothing on the page does. A page may use the sandbox through a component with no custom
 * element of its own: then the list is empty but not `null`.
 */
export function sandboxWidgetTags(pagePath: string, read: ReadSource): string[] | null {
  const reaches = new Map<string, boolean>();
  const importsOf = (path: string): string[] => {
    const source = read(path);
    return source === undefined ? [] : importedPaths(path, source.replace(TYPE_ONLY_IMPORT, ''));
  };
  const reachesHost = (path: string): boolean => {
    if (path === SANDBOX_HOST) return true;
    const known = reaches.get(path);
    if (known !== undefined) return known;
    // The project has no import circles (layers.test.ts holds it); this only stops a loop if one came.
    reaches.set(path, false);
    const found = importsOf(path).some(reachesHost);
    reaches.set(path, found);
    return found;
  };

  if (!reachesHost(pagePath)) return null;
  const tags = new Set<string>();
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    if (path.endsWith('.astro') && reachesHost(path)) {
      for (const match of (read(path) ?? '').matchAll(CUSTOM_ELEMENT)) tags.add(match[1]!);
    }
    for (const imported of importsOf(path)) if (imported.endsWith('.astro')) visit(imported);
  };
  visit(pagePath);
  return [...tags].sort();
}
