import { describe, expect, it } from 'vitest';
import { positionAt, scanJs, stringValue } from './js-scanner.ts';

const kinds = (source: string) => scanJs(source).map((token) => `${token.type}:${token.value}`);

describe('scanJs', () => {
  it('splits a template literal into chunks around its substitutions', () => {
    expect(kinds('`a${b}c`')).toEqual(['template:`a${', 'ident:b', 'template:}c`']);
  });

  it('keeps object braces inside a substitution apart from the brace that ends it', () => {
    expect(kinds('`${ {x:1}.x }`').at(-1)).toBe('template:}`');
  });

  it('tells a regular expression from a division by what comes before it', () => {
    expect(kinds('a / b / c').filter((kind) => kind.startsWith('regex'))).toEqual([]);
    expect(kinds("x = /'[/]/g.test(y)")).toContain("regex:/'[/]/g");
    expect(kinds('return /a/')).toContain('regex:/a/');
  });

  it('treats a slash at the end of a line as a division, not an endless regular expression', () => {
    expect(kinds('= /\nfoo').slice(-2)).toEqual(['punct:/', 'ident:foo']);
  });

  it('ends an unterminated string or comment at the end of the line or text', () => {
    expect(kinds("'abc\nnext")).toEqual(["string:'abc", 'ident:next']);
    expect(kinds('/* open')).toEqual(['comment:/* open']);
  });
});

describe('stringValue', () => {
  it('resolves escapes in quoted strings and plain templates', () => {
    const [token] = scanJs(String.raw`'a\'b\x41\u{1F600}\n'`);
    expect(stringValue(token!)).toBe("a'bA😀\n");
    expect(stringValue(scanJs('`jose`')[0]!)).toBe('jose');
  });
});

describe('positionAt', () => {
  it('counts lines and columns from 1', () => {
    expect(positionAt('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab\ncd\r\nef', 8)).toEqual({ line: 3, column: 2 });
  });
});
