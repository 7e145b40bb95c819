import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lessonIdFromPath, lessonIdsIn } from './lesson-routes.ts';

describe('lessonIdFromPath', () => {
  it('drops the numeric ordering prefix from every segment', () => {
    expect(lessonIdFromPath('lessons/04-get-a-token.mdx')).toBe('lessons/get-a-token');
    expect(lessonIdFromPath('lab/02-least-scopes/index.mdx')).toBe('lab/least-scopes');
  });

  it('names a folder after its index file', () => {
    expect(lessonIdFromPath('lessons/01-what-changed/index.mdx')).toBe('lessons/what-changed');
  });

  it('keeps the home page and the 404 page at their special ids', () => {
    expect(lessonIdFromPath('index.mdx')).toBe('index');
    expect(lessonIdFromPath('404.md')).toBe('404');
  });

  it('keeps numbers that are part of a name rather than a prefix', () => {
    expect(lessonIdFromPath('lessons/09-oauth2-in-practice.md')).toBe('lessons/oauth2-in-practice');
    expect(lessonIdFromPath('reference/http-401.md')).toBe('reference/http-401');
  });

  it('accepts Windows separators and upper-case names', () => {
    expect(lessonIdFromPath('Lessons\\05-Expiry.MDX')).toBe('lessons/expiry');
  });
});

describe('lessonIdsIn', () => {
  it('lists lesson folders and files in numeric order, not string order', () => {
    const root = mkdtempSync(join(tmpdir(), 'lessons-'));
    for (const name of ['10-last', '2-second', '1-first']) {
      mkdirSync(join(root, 'lessons', name), { recursive: true });
      writeFileSync(join(root, 'lessons', name, 'index.mdx'), '');
    }
    writeFileSync(join(root, 'lessons', '3-third.md'), '');
    expect(lessonIdsIn(root, 'lessons')).toEqual([
      'lessons/first',
      'lessons/second',
      'lessons/third',
      'lessons/last',
    ]);
  });

  it('puts the overview first and skips starter files, drafts and folders without a page', () => {
    const root = mkdtempSync(join(tmpdir(), 'lessons-'));
    mkdirSync(join(root, 'lab', '1-get-a-token'), { recursive: true });
    writeFileSync(join(root, 'lab', '1-get-a-token', 'index.mdx'), '');
    writeFileSync(join(root, 'lab', '1-get-a-token', 'starter.ts'), '');
    mkdirSync(join(root, 'lab', 'assets'), { recursive: true });
    writeFileSync(join(root, 'lab', '_draft.mdx'), '');
    writeFileSync(join(root, 'lab', 'index.mdx'), '');
    expect(lessonIdsIn(root, 'lab')).toEqual(['lab', 'lab/get-a-token']);
  });
});
