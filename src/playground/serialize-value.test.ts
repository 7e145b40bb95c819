import { describe, expect, it } from 'vitest';
import { UnsecuredJWT } from 'jose';
import { serializeValue } from './serialize-value.ts';

describe('serializeValue', () => {
  it('describes primitives, including the ones JSON cannot carry', () => {
    expect(serializeValue(undefined)).toEqual({ kind: 'undefined' });
    expect(serializeValue(null)).toEqual({ kind: 'null' });
    expect(serializeValue(Number.NaN)).toEqual({ kind: 'number', value: Number.NaN });
    expect(serializeValue(10n ** 30n)).toEqual({ kind: 'bigint', value: '1000000000000000000000000000000' });
    expect(serializeValue(Symbol('tag'))).toEqual({ kind: 'symbol', description: 'tag' });
  });

  it('names functions and tells async functions and classes apart', () => {
    expect(serializeValue(async function main() {})).toEqual({ kind: 'function', name: 'main', flavour: 'async' });
    expect(serializeValue(class Token {})).toEqual({ kind: 'function', name: 'Token', flavour: 'class' });
    expect(serializeValue(function* walk() {})).toMatchObject({ flavour: 'generator' });
  });

  it('describes dates, invalid dates and regular expressions', () => {
    expect(serializeValue(new Date(0))).toEqual({ kind: 'date', iso: '1970-01-01T00:00:00.000Z' });
    expect(serializeValue(new Date('nope'))).toEqual({ kind: 'date', iso: null });
    expect(serializeValue(/a+/gi)).toEqual({ kind: 'regexp', source: 'a+', flags: 'gi' });
  });

  it('describes objects with their constructor name and arrays with their length', () => {
    class Grant { scope = 'read:users'; }
    expect(serializeValue(new Grant())).toEqual({
      kind: 'object', name: 'Grant', total: 1,
      entries: [{ key: 'scope', value: { kind: 'string', value: 'read:users' } }],
    });
    expect(serializeValue(Object.create(null))).toMatchObject({ kind: 'object', name: null });
    expect(serializeValue([1, 'a'])).toEqual({
      kind: 'array', name: 'Array', length: 2,
      items: [{ kind: 'number', value: 1 }, { kind: 'string', value: 'a' }],
    });
  });

  it('describes Maps, Sets, typed arrays and Headers', () => {
    expect(serializeValue(new Map([[1, 'one']]))).toEqual({
      kind: 'map', name: 'Map', size: 1,
      entries: [{ key: { kind: 'number', value: 1 }, value: { kind: 'string', value: 'one' } }],
    });
    expect(serializeValue(new Set(['x']))).toEqual({ kind: 'set', size: 1, items: [{ kind: 'string', value: 'x' }] });
    expect(serializeValue(new Uint8Array([7]))).toMatchObject({ kind: 'array', name: 'Uint8Array', length: 1 });
    expect(serializeValue(new Headers({ 'content-type': 'application/json' }))).toMatchObject({
      kind: 'map', name: 'Headers', size: 1,
    });
  });

  it('shows the useful getters of a Response instead of an empty object', () => {
    const value = serializeValue(new Response('{}', { status: 201 }));
    expect(value).toMatchObject({ kind: 'object', name: 'Response' });
    expect(value.kind === 'object' && value.entries.find((entry) => entry.key === 'status')?.value).toEqual({ kind: 'number', value: 201 });
  });

  it('describes errors with their cause and extra properties', () => {
    const error = Object.assign(new TypeError('bad', { cause: 'root' }), { code: 'ERR_X' });
    const value = serializeValue(error);
    expect(value).toMatchObject({ kind: 'error', name: 'TypeError', message: 'bad' });
    expect(value.kind === 'error' && value.stack).toContain('TypeError: bad');
    expect(value.kind === 'error' && value.entries.map((entry) => entry.key)).toEqual(['code', 'cause']);
  });

  it('marks a reference back to an ancestor as circular', () => {
    const node: Record<string, unknown> = { name: 'loop' };
    node.self = node;
    expect(serializeValue(node)).toMatchObject({ entries: [{ key: 'name' }, { key: 'self', value: { kind: 'circular' } }] });
  });

  it('prints an object twice when it is shared but not circular', () => {
    const shared = { a: 1 };
    const value = serializeValue([shared, shared]);
    expect(value.kind === 'array' && value.items.map((item) => item.kind)).toEqual(['object', 'object']);
  });

  it('reads getters and records what a throwing getter threw instead of failing', () => {
    const value = serializeValue({
      get fine() { return 1; },
      get broken(): never { throw new Error('nope'); },
    });
    expect(value).toMatchObject({
      entries: [
        { key: 'fine', value: { kind: 'number', value: 1 }, getter: true },
        { key: 'broken', value: { kind: 'unreadable', message: 'Error: nope' }, getter: true },
      ],
    });
  });

  it('survives a Proxy whose traps throw', () => {
    const hostile = new Proxy({}, { ownKeys() { throw new Error('trap'); } });
    expect(serializeValue(hostile)).toEqual({ kind: 'unreadable', message: 'Error: trap' });
  });

  it('truncates long strings and keeps the original length', () => {
    expect(serializeValue('x'.repeat(50), { maxStringLength: 10 })).toEqual({ kind: 'string', value: 'x'.repeat(10), length: 50 });
  });

  it('stops at the depth limit', () => {
    expect(serializeValue({ a: { b: { c: 1 } } }, { maxDepth: 2 })).toMatchObject({
      entries: [{ value: { entries: [{ value: { kind: 'cut', reason: 'depth' } }] } }],
    });
  });

  it('keeps only the first entries of a big container but reports the total', () => {
    const big = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]));
    expect(serializeValue(big, { maxEntries: 3 })).toMatchObject({ kind: 'object', total: 10, entries: { length: 3 } });
    expect(serializeValue(Array.from({ length: 10 }), { maxEntries: 3 })).toMatchObject({ length: 10, items: { length: 3 } });
  });

  it('cuts the tree once the node budget is spent', () => {
    const value = serializeValue([[1, 2], [3, 4]], { maxNodes: 4 });
    expect(JSON.stringify(value)).toContain('"reason":"size"');
  });

  it('marks a JWT-looking string as a token, wherever it sits', () => {
    const token = new UnsecuredJWT({ sub: 'app@clients' }).encode();
    expect(serializeValue(token)).toEqual({ kind: 'jwt', raw: token });
    expect(serializeValue({ access_token: token })).toMatchObject({ entries: [{ value: { kind: 'jwt', raw: token } }] });
  });

  it('turns what structuredClone refuses into plain data that survives a clone unchanged', () => {
    const value = serializeValue({ fn() {}, s: Symbol('x'), p: Promise.resolve(), e: new Error('x'), m: new Map([[{}, []]]) });
    expect(value).toEqual({
      kind: 'object',
      name: 'Object',
      total: 5,
      entries: [
        { key: 'fn', value: { kind: 'function', name: 'fn', flavour: 'function' } },
        { key: 's', value: { kind: 'symbol', description: 'x' } },
        { key: 'p', value: { kind: 'promise' } },
        { key: 'e', value: { kind: 'error', name: 'Error', message: 'x', entries: [], stack: expect.stringMatching(/^Error: x\n/) } },
        {
          key: 'm',
          value: {
            kind: 'map',
            name: 'Map',
            size: 1,
            entries: [{ key: { kind: 'object', name: 'Object', entries: [], total: 0 }, value: { kind: 'array', name: 'Array', items: [], length: 0 } }],
          },
        },
      ],
    });
    expect(structuredClone(value)).toEqual(value);
  });
});
