import { describe, expect, it } from 'vitest';
import { SignJWT, UnsecuredJWT } from 'jose';
import { claimAsDate, decodeToken, describeLifetime, explainFields, formatDuration, looksLikeJwt, secondsLeft } from './decode-jwt.ts';

const secret = new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!');
const signed = await new SignJWT({ scope: 'read:users', gty: 'client-credentials' })
  .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
  .setIssuer('https://dev-lab.eu.auth0.com/')
  .setIssuedAt(1_700_000_000)
  .setExpirationTime(1_700_086_400)
  .sign(secret);

describe('looksLikeJwt', () => {
  it('recognises a signed token', () => {
    expect(looksLikeJwt(signed)).toBe(true);
  });

  it('recognises an unsecured token whose signature part is empty', () => {
    expect(looksLikeJwt(new UnsecuredJWT({ sub: 'x' }).encode())).toBe(true);
  });

  it('rejects dotted text whose first part is not a JSON header with alg', () => {
    expect(looksLikeJwt('www.example.com')).toBe(false);
    expect(looksLikeJwt('abc.def.ghi')).toBe(false);
    const noAlg = `${btoa('{"typ":"JWT"}').replace(/=/g, '')}.e30.sig`;
    expect(looksLikeJwt(noAlg)).toBe(false);
  });

  it('rejects a token with surrounding text or more than three parts', () => {
    expect(looksLikeJwt(`Bearer ${signed}`)).toBe(false);
    expect(looksLikeJwt(`${signed}.extra`)).toBe(false);
  });
});

describe('decodeToken', () => {
  it('returns the header and claims without verifying the signature', () => {
    const decoded = decodeToken(signed.slice(0, -4) + 'AAAA');
    expect(decoded?.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decoded?.claims.scope).toBe('read:users');
  });

  it('returns null for text that is not a token', () => {
    expect(decodeToken('not a token')).toBeNull();
  });
});

describe('explainFields', () => {
  it('keeps the order of the fields and explains the known ones in plain language', () => {
    const fields = explainFields({ gty: 'client-credentials', custom: 1, exp: 5 });
    expect(fields.map((field) => field.name)).toEqual(['gty', 'custom', 'exp']);
    expect(fields[0]?.explanation).toMatch(/no user involved/);
    expect(fields[1]).toEqual({ name: 'custom', value: 1 });
    expect(fields[2]?.explanation).toMatch(/24 hours/);
  });

  it('does not treat inherited object properties as known claims', () => {
    expect(explainFields({ constructor: 'x', toString: 'y' }).every((field) => field.explanation === undefined)).toBe(true);
  });
});

describe('token lifetime', () => {
  const claims = decodeToken(signed)!.claims;

  it('turns exp into a date', () => {
    expect(claimAsDate(claims, 'exp')?.toISOString()).toBe('2023-11-15T22:13:20.000Z');
    expect(claimAsDate({}, 'exp')).toBeNull();
  });

  it('counts the seconds left on the clock it is given, negative once expired', () => {
    expect(secondsLeft(claims, 1_700_000_000_000)).toBe(86_400);
    expect(secondsLeft(claims, 1_700_086_410_000)).toBe(-10);
    expect(secondsLeft({ exp: 'soon' } as never, 0)).toBeNull();
  });

  it('describes the time left, the time since expiry and a token that never expires', () => {
    expect(describeLifetime(claims, 1_700_000_000_000)).toBe('Expires in 1 d 0 h.');
    expect(describeLifetime(claims, 1_700_086_700_000)).toBe('Expired 5 min 0 s ago.');
    expect(describeLifetime({ iat: 1 }, 0)).toMatch(/^Never expires/);
  });

  it('formats a duration with its two largest units', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(7_505)).toBe('2 h 5 min');
    expect(formatDuration(90_061)).toBe('1 d 1 h');
  });
});
