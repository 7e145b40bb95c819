import { describe, expect, it } from 'vitest';
import { assessRisks, MANY_SCOPES, sameRisks, scopeList } from './risk-list.ts';

const NOW = 1_800_000_000;
const ids = (header: Record<string, unknown>, payload: Record<string, unknown>) => assessRisks(header, payload, NOW).map((risk) => risk.id);

describe('assessRisks', () => {
  it('flags a token without exp as never expiring', () => {
    expect(ids({ alg: 'RS256' }, { iat: NOW, scope: 'read:clients' })).toEqual(['no-exp']);
  });

  it('says the denylist can name a never-expiring token only when it carries a jti', () => {
    const [withoutJti] = assessRisks({ alg: 'HS256' }, { iat: NOW }, NOW);
    expect(withoutJti!.detail).toMatch(/Without a jti, the denylist cannot name it\.$/);
    const [withJti] = assessRisks({ alg: 'HS256' }, { iat: NOW, jti: 'leak-1' }, NOW);
    expect(withJti!.detail).toMatch(/Its jti could be put on the denylist, but whether Auth0 honours that is unconfirmed\.$/);
  });

  it('flags a lifetime over 24 hours and says how long', () => {
    const risks = assessRisks({ alg: 'RS256' }, { iat: NOW, exp: NOW + 365 * 86_400, scope: 'read:clients' }, NOW);
    expect(risks.map((risk) => risk.id)).toEqual(['long-lifetime']);
    expect(risks[0]!.title).toBe('Lives 1 year, longer than 24 hours');
    expect(risks[0]!.detail).toMatch(/last 24 hours unless someone raised the Token Expiration\.$/);
  });

  it('accepts exactly 24 hours, and judges the lifetime from now when iat is missing', () => {
    expect(ids({ alg: 'RS256' }, { iat: NOW, exp: NOW + 86_400 })).toEqual([]);
    expect(ids({ alg: 'RS256' }, { exp: NOW + 30 * 86_400 })).toEqual(['long-lifetime']);
  });

  it('flags HS256 as a shared secret', () => {
    expect(ids({ alg: 'HS256' }, { iat: NOW, exp: NOW + 3600 })).toEqual(['shared-secret']);
  });

  it('names create, update and delete scopes', () => {
    const risks = assessRisks({ alg: 'RS256' }, { iat: NOW, exp: NOW + 60, scope: 'read:clients delete:clients update:client_grants create:users' }, NOW);
    expect(risks.map((risk) => risk.id)).toEqual(['write-scopes']);
    expect(risks[0]!.title).toBe('Can change the tenant: delete:clients, update:client_grants, create:users');
  });

  it(`flags more than ${MANY_SCOPES} scopes, even read-only ones`, () => {
    const scope = ['read:clients', 'read:users', 'read:logs', 'read:roles', 'read:stats', 'read:grants'].join(' ');
    expect(ids({ alg: 'RS256' }, { iat: NOW, exp: NOW + 60, scope })).toEqual(['many-scopes']);
  });

  it('lists every risk of the seed-style token, worst first', () => {
    expect(ids({ alg: 'HS256', typ: 'JWT' }, { iat: NOW, scope: 'read:clients read:client_keys' })).toEqual(['no-exp', 'shared-secret']);
  });
});

describe('scopeList', () => {
  it('reads a space-separated string or an array, and nothing else', () => {
    expect(scopeList(' read:clients  read:client_keys ')).toEqual(['read:clients', 'read:client_keys']);
    expect(scopeList(['read:clients', 3])).toEqual(['read:clients']);
    expect(scopeList(42)).toEqual([]);
  });
});

describe('sameRisks', () => {
  const risks = (payload: Record<string, unknown>) => assessRisks({ alg: 'HS256' }, payload, NOW);

  it('finds the lists of two payloads with the same risks the same', () => {
    expect(sameRisks(risks({ scope: 'read:clients' }), risks({ scope: 'read:users' }))).toBe(true);
  });

  it('tells lists apart by a risk added, or by the same risk worded differently', () => {
    expect(sameRisks(risks({ scope: 'read:clients' }), risks({ scope: 'read:clients delete:clients' }))).toBe(false);
    expect(sameRisks(risks({ scope: 'delete:clients' }), risks({ scope: 'delete:users' }))).toBe(false);
    expect(sameRisks(risks({ iat: NOW, exp: NOW + 30 * 86_400 }), risks({ iat: NOW, exp: NOW + 60 * 86_400 }))).toBe(false);
  });
});
