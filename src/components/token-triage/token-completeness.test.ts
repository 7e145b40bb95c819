import { describe, expect, it } from 'vitest';
import { completeness } from './token-completeness.ts';
import { handSigned, managementToken } from './tokens-test-support.ts';

describe('completeness', () => {
  it('calls a whole RS256 and a whole HS256 token whole', async () => {
    expect(completeness(await managementToken(86_400))).toBe(3);
    expect(completeness(await handSigned())).toBe(3);
  });

  it('ranks the pieces of a token below the whole, and a stray word glued on below the whole too', async () => {
    const token = await managementToken(86_400);
    const [header, claims, signature] = token.split('.') as [string, string, string];
    expect(completeness(header.slice(0, 10))).toBe(0);
    expect(completeness(`${header}.${claims.slice(0, 20)}.`)).toBe(1);
    expect(completeness(`${header}.${claims}.${signature.slice(0, 100)}`)).toBe(2);
    expect(completeness(`${token}fi`)).toBe(2);
  });
});
