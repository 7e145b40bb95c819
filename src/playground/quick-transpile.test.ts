import { describe, expect, it } from 'vitest';
import { transpileForRun } from './quick-transpile.ts';

describe('transpileForRun', () => {
  it('strips types and keeps imports, top-level await and the default export', () => {
    const source = "import { decodeJwt, type JWTPayload } from 'jose';\nconst payload: JWTPayload = decodeJwt(await Promise.resolve('x'));\nexport default payload as unknown;\n";
    const result = transpileForRun(source);
    expect(result.kind).toBe('code');
    if (result.kind !== 'code') return;
    expect(result.code).toContain("import { decodeJwt, } from 'jose';");
    expect(result.code).toContain("const payload = decodeJwt(await Promise.resolve('x'));");
    expect(result.code).toContain('export default payload ;');
    expect(result.code).not.toMatch(/JWTPayload|unknown/);
  });

  it('drops an import used only for types, as TypeScript would', () => {
    const result = transpileForRun("import type { JWK } from 'jose';\nconst key: JWK = { kty: 'oct' };\nexport default key;\n");
    expect(result.kind === 'code' && result.code).not.toContain('import');
  });

  it('keeps every line where the learner wrote it, so an error’s line is the learner’s line', () => {
    const source = 'const a: number = 1;\n\ninterface Shape {\n  n: number;\n}\nenum Kind { A }\nconst b: string = `${a}${Kind.A}`;\nthrow new Error(b);\n';
    const result = transpileForRun(source);
    if (result.kind !== 'code') throw new Error('expected code');
    const lines = result.code.split('\n');
    expect(lines.findIndex((line) => line.startsWith('throw new Error(b)'))).toBe(7);
    expect(lines.findIndex((line) => line.startsWith('const b ='))).toBe(6);
  });

  it('says there is nothing to run when every line was deleted, or only comments are left', () => {
    expect(transpileForRun('')).toEqual({ kind: 'empty' });
    expect(transpileForRun('  \n\t\n')).toEqual({ kind: 'empty' });
    expect(transpileForRun('// a note\n/* and\n a block */\n')).toEqual({ kind: 'empty' });
    expect(transpileForRun("const url = 'https://x.test';// note").kind).toBe('code');
  });

  it('reports a syntax error in plain words with its 1-based line and column', () => {
    expect(transpileForRun('const ok = 1;\nconst x = ;\n')).toEqual({ kind: 'syntax-error', message: 'Unexpected token.', line: 2, column: 11 });
    expect(transpileForRun("fetch('a', { method: 'POST'")).toMatchObject({ kind: 'syntax-error', message: 'Unexpected token, expected ",".', line: 1 });
  });
});
