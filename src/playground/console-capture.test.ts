import { describe, expect, it } from 'vitest';
import { createConsoleCapture, installConsoleCapture } from './console-capture.ts';
import type { LogLevel } from './protocol.ts';
import type { SerializedValue } from './serialized-value.ts';

function capture(options: { maxMessages?: number; maxArguments?: number } = {}) {
  const posted: Array<[LogLevel, SerializedValue[]]> = [];
  const console = createConsoleCapture({ post: (level, values) => posted.push([level, values]), ...options });
  return { console, posted };
}

describe('createConsoleCapture', () => {
  it('forwards each level with its arguments serialized', () => {
    const { console, posted } = capture();
    console.log('token', { a: 1 });
    console.info(1);
    console.warn(null);
    console.error(new Error('x'));
    expect(posted.map(([level]) => level)).toEqual(['log', 'info', 'warn', 'error']);
    expect(posted[0]![1]).toEqual([
      { kind: 'string', value: 'token' },
      { kind: 'object', name: 'Object', total: 1, entries: [{ key: 'a', value: { kind: 'number', value: 1 } }] },
    ]);
  });

  it('shows debug, trace, dir and table as plain logs', () => {
    const { console, posted } = capture();
    console.debug(1);
    console.trace(2);
    console.dir(3);
    console.table([4]);
    expect(posted.map(([level]) => level)).toEqual(['log', 'log', 'log', 'log']);
  });

  it('reports a failing assertion as an error and ignores a passing one', () => {
    const { console, posted } = capture();
    console.assert(true, 'fine');
    console.assert(false, 'broken');
    expect(posted).toEqual([['error', [{ kind: 'string', value: 'Assertion failed' }, { kind: 'string', value: 'broken' }]]]);
  });

  it('sends one truncation notice after the cap and drops everything after it', () => {
    const { console, posted } = capture({ maxMessages: 3 });
    for (let i = 0; i < 1_000; i++) console.log(i);
    expect(posted).toHaveLength(4);
    expect(posted[3]).toEqual(['warn', [{ kind: 'string', value: '[playground] Output truncated: more than 3 console messages in one run; the rest were dropped.' }]]);
  });

  it('keeps the first arguments of a call with too many and says how many were left out', () => {
    const { console, posted } = capture({ maxArguments: 2 });
    console.log(1, 2, 3, 4);
    expect(posted[0]![1]).toHaveLength(3);
    expect(posted[0]![1][2]).toEqual({ kind: 'string', value: '… 2 more arguments not shown' });
  });

  it('shares one node budget among the arguments of a call', () => {
    const { console, posted } = capture();
    const big = Array.from({ length: 100 }, (_, i) => i);
    console.log(...Array.from({ length: 20 }, () => big));
    expect(JSON.stringify(posted[0]![1])).toContain('"reason":"size"');
  });

  it('replaces only the captured methods when installed on a console', () => {
    const { console: captured, posted } = capture();
    const target = { log: () => 'original', time: () => 'kept' } as unknown as Console;
    installConsoleCapture(target, captured);
    target.log('x');
    expect(posted).toHaveLength(1);
    expect((target.time as unknown as () => string)()).toBe('kept');
  });
});
