import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { createTokenLabGlobal, LEARNER_COMPILER_OPTIONS, LEARNER_TYPES } from './learner-types.ts';

const CONTEXT = { domain: 'dev-lab.eu.auth0.com', clientId: 'id', clientSecret: 'secret', audience: 'https://dev-lab.eu.auth0.com/api/v2/' };

// Type-checks learner code the way the editor will: the globals file plus the compiler options.
function diagnosticsFor(code: string): string[] {
  const files = new Map([['/learner.ts', code], ['/globals.d.ts', LEARNER_TYPES]]);
  const options: ts.CompilerOptions = { ...LEARNER_COMPILER_OPTIONS, lib: ['lib.esnext.d.ts', 'lib.webworker.d.ts'], noEmit: true } as unknown as ts.CompilerOptions;
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  host.fileExists = (name) => files.has(name) || ts.sys.fileExists(name);
  host.getSourceFile = (name, version) => {
    const text = host.readFile(name);
    return text === undefined ? undefined : ts.createSourceFile(name, text, version);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('learner types', () => {
  it('let the learner use tokenLab, fetch and top-level await without errors', () => {
    const code = 'const r = await fetch(tokenLab.tokenUrl, { method: "POST", body: tokenLab.clientSecret });\nexport default r.status + tokenLab.domain.length;';
    expect(diagnosticsFor(code)).toEqual([]);
  });

  it('flag a property tokenLab does not have, and an attempt to change one', () => {
    const messages = diagnosticsFor('tokenLab.secret;\ntokenLab.domain = "x";\nexport {};').join('\n');
    expect(messages).toMatch(/Property 'secret' does not exist/);
    expect(messages).toMatch(/Cannot assign to 'domain' because it is a read-only property/);
  });

  it('flag DOM globals, because the code runs in a worker', () => {
    expect(diagnosticsFor('document.title = "x";\nexport {};').join('\n')).toMatch(/Cannot find name 'document'/);
  });

  it('build a frozen tokenLab with the token URL of the tenant', () => {
    const global = createTokenLabGlobal(CONTEXT);
    expect(global).toEqual({ ...CONTEXT, tokenUrl: 'https://dev-lab.eu.auth0.com/oauth/token' });
    expect(Object.isFrozen(global)).toBe(true);
  });
});
