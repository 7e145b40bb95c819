import { describe, expect, it } from 'vitest';
import { parsePlaygroundProps, resolveStarterPath } from './playground-props.ts';

describe('parsePlaygroundProps', () => {
  it('fills in the title and time limit a lesson leaves out', () => {
    expect(parsePlaygroundProps({ id: 'get-token', file: './get-token.ts' }, 'content/x.mdx')).toEqual({
      id: 'get-token',
      file: './get-token.ts',
      title: 'Try it',
      timeLimit: 5,
    });
  });

  it('names the lesson and every bad prop in one message', () => {
    expect(() => parsePlaygroundProps({ id: 'Get Token', file: 'get-token.js' }, 'content/lessons/04/index.mdx')).toThrow(
      /content\/lessons\/04\/index\.mdx[\s\S]*id: use lower-case words[\s\S]*file: give a relative path/,
    );
  });

  it('refuses a time limit beyond a minute', () => {
    expect(() => parsePlaygroundProps({ id: 'a', file: './a.ts', timeLimit: 600 }, 'l.mdx')).toThrow(/timeLimit/);
  });
});

describe('resolveStarterPath', () => {
  it('resolves a file beside the lesson and one in a sibling folder', () => {
    expect(resolveStarterPath('content/lessons/04-x/index.mdx', './get-token.ts')).toBe('/content/lessons/04-x/get-token.ts');
    expect(resolveStarterPath('content/lessons/04-x/index.mdx', '../shared/a.ts')).toBe('/content/lessons/shared/a.ts');
  });
});
