import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LEARNER_TYPES } from '../learner-types.ts';

// Starter and solution files are type-checked in the learner's world (a worker, the tokenLab
// global, jose), not the site's: a lesson must never open with red squiggles.
function lessonCodeFiles(dir = 'content'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return lessonCodeFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('lesson code files', () => {
  const files = lessonCodeFiles();

  it('exist (the check below would otherwise pass vacuously)', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('type-check without errors in the playground environment', () => {
    const globals = join(mkdtempSync(join(tmpdir(), 'learner-')), 'learner-globals.d.ts');
    writeFileSync(globals, LEARNER_TYPES);
    const program = ts.createProgram([...files, globals], {
      target: ts.ScriptTarget.ESNext,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      moduleDetection: ts.ModuleDetectionKind.Force,
      lib: ['lib.esnext.d.ts', 'lib.webworker.d.ts'],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (!diagnostic.file || diagnostic.start === undefined) return text;
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${diagnostic.file.fileName}:${line + 1}:${character + 1} ${text}`;
    });
    expect(problems).toEqual([]);
  });
});
