import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { createPositionMapper, inlineSourceMap, learnerPosition, mapPosition, parseStackFrames } from './source-position.ts';

const SOURCE = [
  'interface Claims {',
  '  sub: string;',
  '}',
  'type Seconds = number;',
  '',
  'const claims: Claims = { sub: "app@clients" };',
  'export function fail(after: Seconds): never {',
  '  throw new Error(`${claims.sub} failed after ${after}`);',
  '}',
].join('\n');

function transpile(options: ts.CompilerOptions) {
  return ts.transpileModule(SOURCE, {
    fileName: 'playground.ts',
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, ...options },
  });
}

function generatedPositionOf(code: string, text: string) {
  const lines = code.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes(text));
  return { line: line + 1, column: lines[line]!.indexOf(text) + 1 };
}

describe('createPositionMapper', () => {
  it('maps a position in TypeScript output back to the learner\'s line and column', () => {
    const { outputText, sourceMapText } = transpile({ sourceMap: true });
    const mapper = createPositionMapper(sourceMapText!);
    const generated = generatedPositionOf(outputText, 'throw');
    expect(generated.line).toBeLessThan(8); // the interface and type lines are gone from the output
    expect(mapper?.(generated)).toEqual({ line: 8, column: 3 });
  });

  it('maps a column before the first mapping on a line to that first mapping', () => {
    const { outputText, sourceMapText } = transpile({ sourceMap: true });
    const { line } = generatedPositionOf(outputText, 'throw');
    expect(createPositionMapper(sourceMapText!)?.({ line, column: 1 })?.line).toBe(8);
  });

  it('returns null for a line the map says nothing about', () => {
    const { sourceMapText } = transpile({ sourceMap: true });
    expect(createPositionMapper(sourceMapText!)?.({ line: 500, column: 1 })).toBeNull();
  });

  it('returns null for text that is not a version 3 source map', () => {
    expect(createPositionMapper('not json')).toBeNull();
    expect(createPositionMapper('{"version":2,"mappings":""}')).toBeNull();
    expect(createPositionMapper('{"version":3,"mappings":"!!"}')).toBeNull();
  });
});

describe('inlineSourceMap', () => {
  it('reads a source map inlined as a base64 data URL', () => {
    const { outputText } = transpile({ inlineSourceMap: true });
    expect(JSON.parse(inlineSourceMap(outputText)!)).toMatchObject({ version: 3, sources: ['playground.ts'] });
  });

  it('returns null when the code has no inline map', () => {
    expect(inlineSourceMap('export default 1;\n//# sourceMappingURL=playground.js.map')).toBeNull();
  });
});

describe('parseStackFrames', () => {
  it('reads V8 frames, including blob URLs, async frames and frames without a function name', () => {
    const stack = [
      'Error: boom',
      '    at fail (blob:http://localhost:4321/5d0c-11:7:9)',
      '    at async blob:http://localhost:4321/5d0c-11:12:1',
      '    at new Thing (https://lab.test/assets/run-worker.js:1:200)',
    ].join('\n');
    expect(parseStackFrames(stack)).toEqual([
      { functionName: 'fail', url: 'blob:http://localhost:4321/5d0c-11', line: 7, column: 9 },
      { url: 'blob:http://localhost:4321/5d0c-11', line: 12, column: 1 },
      { functionName: 'new Thing', url: 'https://lab.test/assets/run-worker.js', line: 1, column: 200 },
    ]);
  });

  it('reads Firefox and Safari frames', () => {
    expect(parseStackFrames('fail@blob:https://lab.test/abc:3:5\n@blob:https://lab.test/abc:9:1')).toEqual([
      { functionName: 'fail', url: 'blob:https://lab.test/abc', line: 3, column: 5 },
      { url: 'blob:https://lab.test/abc', line: 9, column: 1 },
    ]);
  });
});

describe('learnerPosition', () => {
  it('finds the learner\'s line of an error thrown by code that really ran', async () => {
    const { outputText, sourceMapText } = transpile({ sourceMap: true });
    const url = `data:text/javascript,${encodeURIComponent(outputText)}`;
    const module = await import(/* @vite-ignore */ url);
    const error = (() => { try { module.fail(3); } catch (caught) { return caught as Error; } })();
    expect(learnerPosition(error?.stack, url, createPositionMapper(sourceMapText!))).toEqual({ line: 8, column: 9 });
  });

  it('skips frames outside the learner\'s module and returns null when none is inside', () => {
    const stack = 'Error\n    at x (https://lab.test/run-worker.js:1:1)\n    at blob:https://lab.test/me:4:2';
    expect(learnerPosition(stack, 'blob:https://lab.test/me', null)).toEqual({ line: 4, column: 2 });
    expect(learnerPosition(stack, 'blob:https://lab.test/other', null)).toBeNull();
    expect(learnerPosition(undefined, 'blob:x', null)).toBeNull();
  });

  it('uses the position as it is when there is no source map', () => {
    expect(mapPosition({ line: 2, column: 5 }, null)).toEqual({ line: 2, column: 5 });
  });
});
