import { describe, expect, it } from 'vitest';
import { checkShape, jsonTypeOf, type Shape } from './payload-schema.ts';

const GRANT: Shape = {
  type: 'object',
  required: ['scope'],
  properties: { scope: { type: 'array', items: { type: 'string', maxLength: 5 }, unique: true, maxItems: 3 }, note: { type: 'string', enum: ['a', 'b'] } },
};

describe('checkShape', () => {
  it('accepts a value that fits', () => {
    expect(checkShape({ scope: ['x', 'y'], note: 'a' }, GRANT)).toBeUndefined();
  });

  it('names the property and the problem, JSON-schema style', () => {
    expect(checkShape({}, GRANT)).toEqual({ detail: 'Missing required property: scope', property: '' });
    expect(checkShape({ scope: 'x' }, GRANT)).toEqual({ detail: 'Expected type array but found type string', property: 'scope' });
    expect(checkShape({ scope: ['x', 7] }, GRANT)).toEqual({ detail: 'Expected type string but found type integer', property: 'scope.1' });
    expect(checkShape({ scope: ['x', 'x'] }, GRANT)).toEqual({ detail: 'Array items are not unique (indexes 0 and 1)', property: 'scope' });
    expect(checkShape({ scope: ['a', 'b', 'c', 'd'] }, GRANT)).toEqual({ detail: 'Array is too long (4), maximum 3', property: 'scope' });
    expect(checkShape({ scope: ['toolong'] }, GRANT)).toEqual({ detail: 'String is too long (7 chars), maximum 5', property: 'scope.0' });
    expect(checkShape({ scope: [], note: 'c' }, GRANT)).toEqual({ detail: 'No enum match for: "c"', property: 'note' });
    expect(checkShape({ scope: [], extra: 1 }, GRANT)).toEqual({ detail: 'Additional properties not allowed: extra', property: '' });
  });

  it('does not treat inherited names such as __proto__ or toString as declared properties', () => {
    expect(checkShape(JSON.parse('{"scope":[],"__proto__":{}}'), GRANT)?.detail).toBe('Additional properties not allowed: __proto__');
    expect(checkShape({ scope: [], toString: 'x' }, GRANT)?.detail).toBe('Additional properties not allowed: toString');
  });

  it('checks number ranges and integers', () => {
    const shape: Shape = { type: 'integer', min: 1, max: 10 };
    expect(checkShape(0, shape)?.detail).toBe('Value 0 is less than minimum 1');
    expect(checkShape(11, shape)?.detail).toBe('Value 11 is greater than maximum 10');
    expect(checkShape(1.5, shape)?.detail).toBe('Expected type integer but found type number');
    expect(checkShape(2.5, { type: 'number' })).toBeUndefined();
  });

  it('reports JSON type names', () => {
    expect([null, [], 1, 1.5, 'x', true, {}].map(jsonTypeOf)).toEqual(['null', 'array', 'integer', 'number', 'string', 'boolean', 'object']);
  });

  it('names every unknown property at once, comma-separated, as Auth0 does (issue 22 row 7)', () => {
    expect(checkShape({ scope: [], logo: 1, colour: 'red', note: 'zz' }, GRANT)?.detail).toBe('Additional properties not allowed: logo,colour');
  });

  it('takes null where the SDK types say `| null`, and says so when the type is wrong', () => {
    const shape: Shape = { type: 'string', enum: ['deny', 'allow'], nullable: true };
    expect(checkShape(null, shape)).toBeUndefined();
    expect(checkShape(null, { type: 'string' })?.detail).toBe('Expected type string but found type null');
    expect(checkShape(3, shape)?.detail).toBe('Expected type string,null but found type integer');
  });

  it('accepts a value that fits one option of a oneOf, and refuses one that fits none', () => {
    const shape: Shape = { type: 'oneOf', options: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
    expect(checkShape('a', shape)).toBeUndefined();
    expect(checkShape(['a'], shape)).toBeUndefined();
    expect(checkShape(7, shape, 'external_url')).toEqual({ detail: 'Data does not match any schemas from "oneOf"', property: 'external_url' });
  });

  it('checks a string pattern, quoting the value', () => {
    expect(checkShape('a<b', { type: 'string', pattern: '^[^<>]+$' })?.detail).toBe('String does not match pattern ^[^<>]+$: a<b');
    expect(checkShape('ab', { type: 'string', pattern: '^[^<>]+$' })).toBeUndefined();
  });
});
