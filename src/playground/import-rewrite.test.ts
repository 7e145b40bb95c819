import { describe, expect, it } from 'vitest';
import { rewriteImports } from './import-rewrite.ts';

const modules = { jose: 'blob:https://lab.test/jose-shim' };
const url = JSON.stringify(modules.jose);
const rewrite = (code: string) => rewriteImports(code, modules);

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
    ["import { from } from 'jose'", `import { from } from ${url}`],
    ["import {\n  decodeJwt,\n} from\n'jose'", `import {\n  decodeJwt,\n} from\n${url}`],
    ["import x from 'jo\\u0073e'", `import x from ${url}`],
  ])('points %s at the module URL', (code, expected) => {
    expect(rewrite(code)).toEqual({ ok: true, code: expected });
  });

  it('refuses another package with a message that lists what is available and what to use instead', () => {
    expect(rewrite("import axios from 'axios';")).toEqual({
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
  ])('refuses %s', (code, message) => {
    const result = rewrite(code);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('refuses a dynamic import whose name is computed at run time', () => {
    for (const code of ["import('jo' + 'se')", 'import(name)', 'import(`${"axios"}`)']) {
      const result = rewrite(code);
      expect(!result.ok && result.message).toMatch(/import\(\) needs the module name written out, like import\('jose'\)/);
    }
  });

  it('reports the line and column of the refused import', () => {
    expect(rewrite("const a = 1;\n\n  import('got');")).toMatchObject({ ok: false, line: 3, column: 10 });
  });

  it('finds an import hidden inside a template substitution', () => {
    expect(rewrite("const s = `${await import('axios')}`;").ok).toBe(false);
    expect(rewrite("const s = `a${`b${import('axios')}`}c`;").ok).toBe(false);
  });

  it('ignores imports that only appear in strings, comments, templates and regular expressions', () => {
    const code = [
      `const s = "import x from 'axios'";`,
      "// import 'axios'",
      "/* export * from 'axios' */",
      'const t = `import(\'axios\')`;',
      "const r = /import('axios')/;",
    ].join('\n');
    expect(rewrite(code)).toEqual({ ok: true, code });
  });

  it('leaves import.meta, local exports and a property called import alone', () => {
    const code = "console.log(import.meta.url);\nexport const a = 1;\nexport { a as b };\nloader.import('axios');\nexport default { from: 'x' };";
    expect(rewrite(code)).toEqual({ ok: true, code });
  });

  it('does not mistake a division for a regular expression that would hide an import', () => {
    const code = "const half = total / 2; import x from 'axios'; const q = 1 / 2;";
    expect(rewrite(code).ok).toBe(false);
  });

  it('does not treat an inherited object property as an allowed module', () => {
    expect(rewrite("import x from 'constructor'").ok).toBe(false);
  });

  it('keeps line breaks so source-map positions stay valid', () => {
    const code = "import {\n  SignJWT\n} from 'jose';\nthrow new Error('x');";
    const result = rewrite(code);
    expect(result.ok && result.code.split('\n').length).toBe(4);
  });
});
