import { describe, expect, it } from 'vitest';
import { minimalScopes, scopeParameter, scopePower } from './minimal-scopes.ts';

describe('scopePower', () => {
  it('ranks a summary below a read, a read below a write, and a write below a delete', () => {
    expect(scopePower('read:client_summary')).toBeLessThan(scopePower('read:clients'));
    expect(scopePower('read:clients')).toBeLessThan(scopePower('update:clients'));
    expect(scopePower('update:clients')).toBeLessThan(scopePower('delete:clients'));
  });

  it('ranks scopes that reveal secrets above plain reads', () => {
    expect(scopePower('read:client_keys')).toBeGreaterThan(scopePower('read:clients'));
    expect(scopePower('read:client_credentials')).toBeGreaterThan(scopePower('read:clients'));
  });

  it('ranks granting scopes highest, since an app could grant itself more', () => {
    expect(scopePower('create:client_grants')).toBeGreaterThan(scopePower('delete:clients'));
    expect(scopePower('update:client_grants')).toBeGreaterThan(scopePower('update:client_keys'));
  });

  it('breaks ties by how many fields a read scope reveals', () => {
    expect(scopePower('read:client_keys', 20)).toBeGreaterThan(scopePower('read:client_credentials', 7));
  });
});

describe('minimalScopes', () => {
  it('asks for nothing when no endpoint is ticked', () => {
    expect(minimalScopes([])).toEqual({ scopes: [], cover: [] });
  });

  it('picks the least powerful scope an endpoint accepts', () => {
    const choice = minimalScopes([{ label: 'GET /api/v2/clients', scopes: ['read:clients', 'read:client_keys', 'read:client_summary'] }]);
    expect(choice.scopes).toEqual(['read:client_summary']);
    expect(choice.cover).toEqual([{ label: 'GET /api/v2/clients', scope: 'read:client_summary' }]);
  });

  it('reuses one scope for several endpoints that accept it', () => {
    const choice = minimalScopes([
      { label: 'GET /api/v2/clients', scopes: ['read:clients', 'read:client_keys'] },
      { label: 'GET /api/v2/clients/{id}', scopes: ['read:clients', 'read:client_keys'] },
    ]);
    expect(choice.scopes).toEqual(['read:clients']);
  });

  it('prefers one shared scope over two weaker ones (fewest scopes first)', () => {
    const choice = minimalScopes([
      { label: 'A', scopes: ['read:a', 'update:ab'] },
      { label: 'B', scopes: ['read:b', 'update:ab'] },
    ]);
    expect(choice.scopes).toEqual(['update:ab']);
  });

  it('covers endpoints with different needs by one scope each, least powerful first', () => {
    const choice = minimalScopes([
      { label: 'DELETE /api/v2/client-grants/{id}', scopes: ['delete:client_grants'] },
      { label: 'GET /api/v2/client-grants', scopes: ['read:client_grants'] },
    ]);
    expect(scopeParameter(choice)).toBe('read:client_grants delete:client_grants');
    expect(choice.cover.map((entry) => entry.scope)).toEqual(['delete:client_grants', 'read:client_grants']);
  });

  it('uses the power function it is given', () => {
    const choice = minimalScopes([{ label: 'A', scopes: ['x', 'y'] }], (scope) => (scope === 'x' ? 5 : 1));
    expect(choice.scopes).toEqual(['y']);
  });

  it('still finds a cover with more candidates than the exact search tries', () => {
    const endpoints = Array.from({ length: 20 }, (_, index) => ({ label: `E${index}`, scopes: [`read:thing${index}`] }));
    const choice = minimalScopes(endpoints);
    expect(choice.scopes).toHaveLength(20);
    expect(choice.cover.every((entry, index) => entry.scope === `read:thing${index}`)).toBe(true);
  });

  it('refuses an endpoint that accepts no scope, naming it', () => {
    expect(() => minimalScopes([{ label: 'GET /nowhere', scopes: [] }])).toThrow(/GET \/nowhere/);
  });
});
