import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCircles, importedPaths, layerOf, wrongImports } from './layers.ts';

const ROOT = join(import.meta.dirname, '..');
const SOURCE = /\.(ts|mts|mjs|astro|mdx)$/;

function projectFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const top of ['src', 'content']) {
    for (const entry of readdirSync(join(ROOT, top), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !SOURCE.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      files.set(relative(ROOT, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  }
  return files;
}

describe('the layering', () => {
  it('holds for every import in src/ and content/', () => {
    const files = projectFiles();
    // Guards against a walk that reads nothing and so finds nothing wrong.
    expect([...files.keys()].filter((file) => layerOf(file) === 'tenant').length).toBeGreaterThan(50);
    expect([...files.keys()].filter((file) => layerOf(file) === 'content').length).toBeGreaterThan(15);
    expect(wrongImports(files)).toEqual([]);
  });

  it('finds no import circle anywhere in src/ and content/, inside a folder included', () => {
    expect(importCircles(projectFiles())).toEqual([]);
  });

  it('catches a deliberate wrong import in each direction the house forbids', () => {
    const files = new Map([
      ['src/tenant/issue-token.ts', "import { el } from '../components/widget-kit/el.ts';\nimport { clock } from './clock.ts';"],
      ['src/tenant/create-client.ts', "import { startTenantServer } from './hosts/node-http.ts';"],
      ['src/playground/run-session.ts', "const lab = await import('../lab/progress-store.ts');"],
      ['src/lab/exercise.ts', "export { mountGrantEditor } from '../components/lab-widgets/mount-grant-editor.ts';"],
      ['content/lessons/01-what-changed/index.mdx', "import { createTenant } from '../../../src/tenant/index.ts';"],
      ['src/components/Playground.astro', "---\nimport { createTenant } from '../tenant/index.ts';\n---"],
    ]);
    expect(wrongImports(files).map(({ file, imports }) => `${file} → ${imports}`)).toEqual([
      'src/tenant/issue-token.ts → src/components/widget-kit/el.ts',
      'src/tenant/create-client.ts → src/tenant/hosts/node-http.ts',
      'src/playground/run-session.ts → src/lab/progress-store.ts',
      'src/lab/exercise.ts → src/components/lab-widgets/mount-grant-editor.ts',
      'content/lessons/01-what-changed/index.mdx → src/tenant/index.ts',
    ]);
  });

  it('lets any test use the tenant testing host, and nothing else from above its layer', () => {
    const files = new Map([
      ['src/tenant/users.test.ts', "import { useTenantServer } from './hosts/testing.ts';"],
      ['src/tenant/cors.test.ts', "import { startBrowserTenant } from './hosts/browser.ts';"],
    ]);
    expect(wrongImports(files).map(({ file }) => file)).toEqual(['src/tenant/cors.test.ts']);
  });

  it('reads static, re-exported, side-effect and dynamic imports, and drops query suffixes and packages', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export * from './c.ts';",
      "import './d.css';",
      "const e = await import('./e.ts');",
      "import raw from './f.sh?raw';",
      "import { decodeJwt } from 'jose';",
    ].join('\n');
    expect(importedPaths('src/playground/x.ts', source)).toEqual([
      'src/playground/a.ts',
      'src/b.ts',
      'src/playground/c.ts',
      'src/playground/d.css',
      'src/playground/e.ts',
      'src/playground/f.sh',
    ]);
  });

  it('finds import circles of two files, of three, and a file importing itself, and nothing in a one-way chain', () => {
    const files = new Map([
      ['src/tenant/a.ts', "import { b } from './b.ts';"],
      ['src/tenant/b.ts', "import type { A } from './a.ts';"],
      ['src/lab/x.ts', "import { y } from './y.ts';"],
      ['src/lab/y.ts', "import { z } from './z.ts';"],
      ['src/lab/z.ts', "import { x } from './x.ts';"],
      ['src/playground/self.ts', "import { me } from './self.ts';"],
      ['src/playground/top.ts', "import { mid } from './mid.ts';"],
      ['src/playground/mid.ts', "import { a } from '../tenant/a.ts';"],
    ]);
    expect(importCircles(files)).toEqual([
      ['src/lab/x.ts', 'src/lab/y.ts', 'src/lab/z.ts'],
      ['src/playground/self.ts'],
      ['src/tenant/a.ts', 'src/tenant/b.ts'],
    ]);
  });
});
