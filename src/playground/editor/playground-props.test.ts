import { describe, expect, it } from 'vitest';
import { playgroundPropsSchema, resolveStarterPath } from './playground-props.ts';

/** Each problem as `path: message`, the way the component's build error lists them. */
function problems(props: unknown): string[] {
  const result = playgroundPropsSchema.safeParse(props);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('playgroundPropsSchema', () => {
  it('fills in the title and time limit a lesson leaves out', () => {
    expect(playgroundPropsSchema.parse({ id: 'get-token', file: './get-token.ts' })).toEqual({
      id: 'get-token',
      file: './get-token.ts',
      title: 'Try it',
      timeLimit: 5,
    });
  });

  it('tells a lesson author how to write a bad id and a bad file, both at once', () => {
    expect(problems({ id: 'Get Token', file: 'get-token.js' })).toEqual([
      'id: use lower-case words joined by dashes, e.g. "get-token"',
      'file: give a relative path to a .ts file, e.g. "./get-token.ts"',
    ]);
  });

  it('refuses a time limit beyond a minute', () => {
    expect(problems({ id: 'a', file: './a.ts', timeLimit: 600 })).toEqual([expect.stringMatching(/^timeLimit: /)]);
  });
});

describe('resolveStarterPath', () => {
  it('resolves a file beside the lesson and one in a sibling folder', () => {
    expect(resolveStarterPath('content/lessons/04-x/index.mdx', './get-token.ts')).toBe('/content/lessons/04-x/get-token.ts');
    expect(resolveStarterPath('content/lessons/04-x/index.mdx', '../shared/a.ts')).toBe('/content/lessons/shared/a.ts');
  });
});
