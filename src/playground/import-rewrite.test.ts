import { describe, expect, it } from 'vitest';
import { rewriteImports } from './import-rewrite.ts';

const modules = { jose: 'blob:https://lab.test/jose-shim' };
const url = JSON.stringify(modules.jose);
const rewrite = (code: string) => rewriteImports(code, modules);
const data = 'data:text/javascript,…';

describe('rewriteImports', () => {
  it.each([
    ["import x from 'jose';", `import x from ${url};`],
    ['import { decodeJwt as decode } from "jose";', `import { decodeJwt as decode } from ${url};`],
    ["import * as jose from 'jose'", `import * as jose from ${url}`],
    ["import 'jose';", `import ${url};`],
    ["import def, { SignJWT } from 'jose'", `import def, { SignJWT } from ${url}`],
    ["export { jwtVerify } from 'jose';", `export { jwtVerify } from ${url};`],
    ["export * from 'jose'", `export * from ${url}`],
    ["export * as j from 'jose'", `export * as j from ${url}`],
    ["const j = await import('jose');", `const j = await import(${url});`],
    ['const j = await import(`jose`);', `const j = await import(${url});`],
    ["const j = await import('jose',);", `const j = await import(${url},);`],
    ["import { from } from 'jose'", `import { from } from ${url}`],
    ["import {\n  decodeJwt,\n} from\n'jose'", `import {\n  decodeJwt,\n} from\n${url}`],
    ["import x from 'jo\\u0073e'", `import x from ${url}`],
  ])('points %s at the module URL', async (code, expected) => {
    expect(await rewrite(code)).toEqual({ ok: true, code: expected });
  });

  it('refuses another package with a message that lists what is available and what to use instead', async () => {
    expect(await rewrite("import axios from 'axios';")).toEqual({
      ok: false, line: 1, column: 19,
      message: "[playground] Only 'jose' can be imported here; 'axios' is not available. Use fetch for HTTP.",
    });
  });

  it.each([
    ["import jwt from 'jsonwebtoken'", /'jsonwebtoken' is not available\. Use jose instead/],
    ["import { readFile } from 'node:fs'", /Node built-ins/],
    ["import './helpers.js'", /single file/],
    ["import x from 'https://esm.sh/jose'", /Nothing is loaded from the network/],
    ["export * from 'lodash'", /'lodash' is not available\.$/],
    ["export { a } from 'lodash'", /'lodash' is not available/],
    ["const m = await import('axios')", /'axios' is not available/],
  ])('refuses %s', async (code, message) => {
    const result = await rewrite(code);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('refuses a dynamic import whose name is computed at run time', async () => {
    for (const code of ["import('jo' + 'se')", 'import(name)', 'import(`${"axios"}`)']) {
      const result = await rewrite(code);
      expect(!result.ok && result.message).toMatch(/import\(\) needs the module name written out, like import\('jose'\)/);
    }
  });

  it('reports the line and column of the refused import', async () => {
    expect(await rewrite("const a = 1;\n\n  import('got');")).toMatchObject({ ok: false, line: 3, column: 10 });
  });

  it('finds an import hidden inside a template substitution', async () => {
    expect((await rewrite("const s = `${await import('axios')}`;")).ok).toBe(false);
    expect((await rewrite("const s = `a${`b${import('axios')}`}c`;")).ok).toBe(false);
  });

  it('ignores imports that only appear in strings, comments, templates and regular expressions', async () => {
    const code = [
      `const s = "import x from 'axios'";`,
      "// import 'axios'",
      "/* export * from 'axios' */",
      'const t = `import(\'axios\')`;',
      "const r = /import('axios')/;",
    ].join('\n');
    expect(await rewrite(code)).toEqual({ ok: true, code });
  });

  it('leaves import.meta, local exports and a property called import alone', async () => {
    const code = "console.log(import.meta.url);\nexport const a = 1;\nexport { a as b };\nloader.import('axios');\nexport default { from: 'x' };";
    expect(await rewrite(code)).toEqual({ ok: true, code });
  });

  it('does not mistake a division for a regular expression that would hide an import', async () => {
    const code = "const half = total / 2; import x from 'axios'; const q = 1 / 2;";
    expect((await rewrite(code)).ok).toBe(false);
    expect(await rewrite(`a = b / 2; import('${data}') // /`)).toMatchObject({ ok: false, line: 1, column: 19 });
  });

  it('does not treat an inherited object property as an allowed module', async () => {
    expect((await rewrite("import x from 'constructor'")).ok).toBe(false);
  });

  it('keeps line breaks so source-map positions stay valid', async () => {
    const code = "import {\n  SignJWT\n} from 'jose';\nthrow new Error('x');";
    const result = await rewrite(code);
    expect(result.ok && result.code.split('\n').length).toBe(4);
  });

  // A hand-written tokenizer read `/` after `if (…)` as a division, so the quote in /'/ opened a
  // "string" that swallowed the import, and the module loaded untouched.
  it('refuses a data: import hidden behind a regular expression that looks like a division', async () => {
    expect(await rewrite(`if (true) /'/.test('') ; import('${data}') //'`)).toEqual({
      ok: false, line: 1, column: 33,
      message: `[playground] Only 'jose' can be imported here; '${data}' is not available. Nothing is loaded from the network here.`,
    });
  });

  it.each([
    ['after a division and a regular expression', `a = b / 2; if (a) /'/.test('') ; import('${data}') // /'`, /'data:text\/javascript,…' is not available/],
    ['after while (…)', `while (a) /'/.test(s) ; import('${data}') //'`, /'data:text\/javascript,…' is not available/],
    ['after a regular expression with a backtick', `if (ok) /\`/.test(s) ; import('${data}') //\``, /'data:text\/javascript,…' is not available/],
    ['inside a template substitution', "if (ok) /'/.test(s) ; s = `${import('x')}` //'", /'x' is not available\.$/],
    ['from a blob: URL', "if (ok) /'/.test(s) ; import('blob:https://lab.test/other') //'", /'blob:https:\/\/lab\.test\/other' is not available\. Nothing is loaded from the network here\./],
    ['from an http: URL', "if (ok) /'/.test(s) ; import x from 'http://evil.test/x.js' //'", /'http:\/\/evil\.test\/x\.js' is not available\. Nothing is loaded from the network here\./],
    ['with a name computed at run time', "if (ok) /'/.test(s) ; import(url) //'", /import\(\) needs the module name written out/],
  ])('refuses an import hidden behind a regular expression: %s', async (_, code, message) => {
    const result = await rewrite(code);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('leaves alone a regular expression that holds quotes and import( text', async () => {
    const code = "if (source) /'use strict';import('axios')/.test(source);";
    expect(await rewrite(code)).toEqual({ ok: true, code });
  });

  // A TypeScript-aware lexer (es-module-lexer's full build) erases `declare` + line comment +
  // declaration as ambient, but to the engine these are two statements and the import runs.
  it('sees an import that a TypeScript-aware lexer would erase as an ambient declaration', async () => {
    const code = `let declare = 1;\ndeclare // note\nfunction load() { if (load) /'/.test(''); return import('${data}') //'\n}\nload();`;
    expect(await rewrite(code)).toMatchObject({ ok: false, line: 3, column: 57 });
  });

  it.each([
    ['an unterminated string', "const s = 'unterminated", 1, 24],
    ['a string broken by a line end', "const a = 1;\nconst s = 'abc\nconst t = 2;", 2, 15],
    ['an unterminated template', 'const s = `abc', 1, 15],
    ['a bad escape in a module name', "import x from 'jo\\u{zz}'", 1, 21],
  ])('refuses code the lexer cannot read, with %s, at a position instead of throwing', async (_, code, line, column) => {
    expect(await rewrite(code)).toEqual({
      ok: false, line, column,
      message: expect.stringMatching(/^\[playground\] This code could not be read to check its imports\./),
    });
  });

  it.each([
    "import x from 'jose' with { type: 'json' }",
    "import 'jose' with { type: 'css' }",
    "export * from 'jose' with { type: 'json' }",
    "const j = await import('jose', { with: { type: 'json' } })",
  ])('refuses import attributes, which would load the module as something else: %s', async (code) => {
    const result = await rewrite(code);
    expect(!result.ok && result.message).toMatch(/^\[playground\] Import attributes \(with \{ … \}\) are not available here/);
  });

  it.each([
    "import source x from 'jose'",
    "import defer * as x from 'jose'",
    "const s = import.source('jose')",
    "const d = import.defer('jose')",
  ])('refuses source and defer phase imports: %s', async (code) => {
    const result = await rewrite(code);
    expect(!result.ok && result.message).toMatch(/^\[playground\] Only plain imports work here, like import \{ … \} from 'jose'/);
  });

  it('keeps the lines of a module name continued over two lines', async () => {
    expect(await rewrite("import x from 'jo\\\nse'; throw 1;")).toEqual({ ok: true, code: `import x from ${url}\n; throw 1;` });
  });
});
