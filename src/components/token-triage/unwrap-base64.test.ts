import { describe, expect, it } from 'vitest';
import { decodeBase64Text, findBase64Runs } from './unwrap-base64.ts';
import { base64Of, managementToken } from './tokens-test-support.ts';

describe('findBase64Runs', () => {
  it('decodes a ZXlK… value (a Kubernetes Secret data: value) to the token inside', async () => {
    const token = await managementToken(86_400);
    const text = `data:\n  AUTH0_TOKEN: ${base64Of(token)}\n`;
    const [run] = findBase64Runs(text);
    expect(run).toMatchObject({ start: text.indexOf('ZXlK'), decoded: token });
  });

  it('rejoins the lines of base64 wrapped at 76 columns, echo newline included', async () => {
    const token = await managementToken(86_400);
    const wrapped = base64Of(`${token}\n`).match(/.{1,76}/g)!;
    const [run] = findBase64Runs(`$ echo "$TOKEN" | base64\n${wrapped.join('\n')}\n$ `);
    expect(run!.decoded).toBe(`${token}\n`);
    expect(run!.rejoined).toEqual({ extraLines: wrapped.length - 1, how: 'line-break' });
  });

  it('takes no ZXlK from the middle of a longer blob, and nothing that does not decode to a token', () => {
    expect(findBase64Runs('QUJDZXlKaGJHY2lPaUpJVXpJMU5pSjk=')).toEqual([]);
    expect(findBase64Runs('ZXlKaW5jb21wbGV0ZQ==\u00ff ZXlK!!!')).toHaveLength(1);
  });
});

describe('decodeBase64Text', () => {
  it('reads standard and URL-safe base64, padded or not, and refuses what is not base64', () => {
    expect(decodeBase64Text('ZXlKaGJHY2lPaUpJVXpJMU5pSjk=')).toBe('eyJhbGciOiJIUzI1NiJ9');
    expect(decodeBase64Text('ZXlKaGJHY2lPaUpJVXpJMU5pSjk')).toBe('eyJhbGciOiJIUzI1NiJ9');
    expect(decodeBase64Text('Pz8-')).toBe('??>');
    expect(decodeBase64Text('ZXlK!')).toBeUndefined();
  });
});
