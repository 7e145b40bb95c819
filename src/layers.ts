/**
 * The house's layers and which may import which (DESIGN.md, "The house"). Dependencies point one
 * way, content → components → lab → playground → tenant; the tenant's hosts stand on its core and
 * the core never reaches up into them. `build` is the site's own set-up, the files at the top of
 * src/ (lesson order, CSP hashes, the Markdown plugin, this table), which Astro's config and a few
 * components read.
 *
 * layers.test.ts reads every import in the project and holds it to this table, so a wrong import
 * fails the suite, as Starlight keeps its own layering as a test.
 */

export type Layer = 'tenant' | 'tenant hosts' | 'playground' | 'lab' | 'build' | 'components' | 'content';

/** Each layer, with the layers its files may import (its own included). */
export const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = {
  tenant: ['tenant'],
  'tenant hosts': ['tenant hosts', 'tenant'],
  playground: ['playground', 'tenant hosts', 'tenant'],
  lab: ['lab', 'playground', 'tenant hosts', 'tenant'],
  build: ['build', 'tenant'],
  components: ['components', 'build', 'lab', 'playground', 'tenant hosts', 'tenant'],
  content: ['content', 'components'],
};

/** The layer a project file belongs to (a path from the project root), or undefined outside them. */
export function layerOf(path: string): Layer | undefined {
  if (path.startsWith('content/')) return 'content';
  if (path.startsWith('src/tenant/hosts/')) return 'tenant hosts';
  if (path.startsWith('src/tenant/')) return 'tenant';
  if (path.startsWith('src/playground/')) return 'playground';
  if (path.startsWith('src/lab/')) return 'lab';
  if (path.startsWith('src/components/')) return 'components';
  if (/^src\/[^/]+$/.test(path)) return 'build';
  return undefined;
}

/** One import that goes against the table. */
export interface WrongImport {
  file: string;
  imports: string;
  rule: string;
}

const IMPORT = /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g;

/** The project-relative paths that `source` (the text of `file`) imports; packages are left out. */
export function importedPaths(file: string, source: string): string[] {
  const folder = file.split('/').slice(0, -1);
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const specifier = (match[1] ?? match[2] ?? match[3] ?? '').replace(/\?.*$/, '');
    if (!specifier.startsWith('.')) continue;
    const parts = [...folder];
    for (const part of specifier.split('/')) {
      if (part === '..') parts.pop();
      else if (part !== '.') parts.push(part);
    }
    found.push(parts.join('/'));
  }
  return found;
}

/**
 * Every import among `files` (path → source text) that the table forbids. Tests and their shared
 * set-ups (`*-test-support.ts`) are held to the layers too, with one allowance: they may use the
 * tenant's testing host.
 */
export function wrongImports(files: ReadonlyMap<string, string>): WrongImport[] {
  const wrong: WrongImport[] = [];
  for (const [file, source] of files) {
    const from = layerOf(file);
    if (!from) continue;
    const isTest = /(\.test|-test-support)\.ts$/.test(file);
    for (const target of importedPaths(file, source)) {
      const to = layerOf(target);
      if (!to || MAY_IMPORT[from].includes(to)) continue;
      if (isTest && target === 'src/tenant/hosts/testing.ts') continue;
      wrong.push({ file, imports: target, rule: `${from} may import only ${MAY_IMPORT[from].join(', ')}; this is ${to}` });
    }
  }
  return wrong;
}

/**
 * The import circles among `files` (each a list of paths, smallest first), resolving `./x.ts`
 * specifiers to the files given; DESIGN allows none, inside a folder included. Type-only imports
 * count: a circle of types is still two modules that cannot be understood apart.
 */
export function importCircles(files: ReadonlyMap<string, string>): string[][] {
  const edges = new Map<string, string[]>();
  for (const [file, source] of files) edges.set(file, importedPaths(file, source).filter((target) => files.has(target)));
  // Tarjan's strongly connected components: every component of more than one file is a circle.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (edges.get(file) ?? []).includes(file)) circles.push(component.sort());
  };
  for (const file of edges.keys()) if (!index.has(file)) visit(file);
  return circles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
