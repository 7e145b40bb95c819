import { describe, expect, it } from 'vitest';
import { formatJson, parseJsonObject } from './json-field.ts';

describe('parseJsonObject', () => {
  it('returns the object when the text is a JSON object', () => {
    expect(parseJsonObject('{"alg":"HS256"}', 'Header')).toEqual({ ok: true, value: { alg: 'HS256' } });
  });

  it('names the box and says where the JSON breaks', () => {
    const result = parseJsonObject('{\n  "scope": "read:clients",\n}', 'Payload');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Payload is not valid JSON: .*line 3/);
  });

  it('asks for an object when given an array, a string or null', () => {
    expect(parseJsonObject('[1]', 'Payload')).toEqual({ ok: false, message: 'Payload must be a JSON object in braces { … }, not an array.' });
    expect(parseJsonObject('"x"', 'Header')).toEqual({ ok: false, message: 'Header must be a JSON object in braces { … }, not a string.' });
    expect(parseJsonObject('null', 'Header')).toEqual({ ok: false, message: 'Header must be a JSON object in braces { … }, not null.' });
  });

  it('says so when the box is empty', () => {
    expect(parseJsonObject('  ', 'Header')).toMatchObject({ ok: false, message: expect.stringMatching(/^Header is empty/) });
  });
});

describe('formatJson', () => {
  it('indents with two spaces', () => {
    expect(formatJson({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
