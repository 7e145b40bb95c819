import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Monaco builds its services once, when the first editor is made, and every later editor
 * instantiates every contribution registered by then; a contribution whose service came after the
 * first editor throws "[createInstance] … depends on UNKNOWN service". The TypeScript language
 * loads its `tsMode` chunk lazily, after the first editor. This reads the module graph (static
 * imports only: what arrives with a module) to hold that nothing in that chunk registers a
 * contribution or a service that monaco-core.ts has not already registered.
 */

const MONACO = resolve('node_modules/monaco-editor/esm/vs');
const CORE = resolve('src/playground/editor/monaco-core.ts');
const TS_MODE = resolve(MONACO, 'languages/features/typescript/tsMode.js');
const REGISTERS = /\bregister(?:EditorContribution|Singleton)\(/;

/** Where a static import leads, or undefined for what holds no registrations (CSS, workers, fonts). */
function resolveImport(specifier: string, from: string): string | undefined {
  if (/\?|\.(css|ttf)$/.test(specifier)) return undefined;
  let path: string;
  if (specifier.startsWith('monaco-editor/')) path = resolve(MONACO, specifier.slice('monaco-editor/'.length)); // the package's "./*" export
  else if (specifier.startsWith('.')) path = resolve(dirname(from), specifier);
  else return undefined;
  return path.endsWith('.js') ? path : `${path}.js`;
}

function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  // `import x from '…'`, `import '…'`, `export { x } from '…'`; not `import('…')`, which loads later.
  for (const match of source.matchAll(/(?:^|[;\n])\s*(?:import|export)\s*(?:[^'"();]*?\s*from\s*)?['"]([^'"]+)['"]/g)) {
    const target = resolveImport(match[1]!, file);
    if (target) found.push(target);
  }
  return found;
}

/** Every module that arrives with `entry`. */
function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`an import leads to ${file}, which does not exist: the graph reader needs updating`);
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return seen;
}

const registering = (files: Set<string>) => [...files].filter((file) => file.endsWith('.js') && REGISTERS.test(readFileSync(file, 'utf8')));

describe('monaco-core', () => {
  it('registers, before any editor is made, every contribution and service the TypeScript language brings later', () => {
    const core = closure(CORE);
    const lazy = registering(closure(TS_MODE));
    // The check means something only if the lazy chunk does register things (it does since 0.55).
    expect(lazy.length).toBeGreaterThan(10);
    const late = lazy.filter((file) => !core.has(file)).map((file) => file.slice(MONACO.length + 1));
    expect(late, 'registered only when tsMode loads, after the first editor: import them in monaco-core.ts').toEqual([]);
  });
});
