import { describe, expect, it } from 'vitest';
import { lifetimeOf, lifetimeSentence } from './lifetime-sentence.ts';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const tokenWith = (claims: object) => `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}.c2ln`;

describe('lifetimeOf', () => {
  it('reads exp − iat from the token', () => {
    expect(lifetimeOf(tokenWith({ iat: 1_000, exp: 1_000 + 604_800 }))).toBe(604_800);
  });

  it('gives undefined when a claim is missing or the text is no token', () => {
    expect(lifetimeOf(tokenWith({ iat: 1_000 }))).toBeUndefined();
    expect(lifetimeOf('not a token')).toBeUndefined();
  });
});

describe('lifetimeSentence', () => {
  it('calls 86,400 seconds the default', () => {
    expect(lifetimeSentence(86_400)).toBe('It lives 24 hours on the tenant clock, the default.');
  });

  it('says a longer token comes from a raised Token Expiration, with its real lifetime', () => {
    expect(lifetimeSentence(604_800)).toMatch(/^It lives 7 d .* on the tenant clock: someone raised the Management API's Token Expiration/);
  });

  it('says a shorter token comes from a lowered setting, and asks to read exp when there is none', () => {
    expect(lifetimeSentence(3_600)).toMatch(/^It lives 1 h 0 min on the tenant clock: .* below the 24-hour default\.$/);
    expect(lifetimeSentence(undefined)).toBe('Read its exp to see how long it lives.');
  });
});
