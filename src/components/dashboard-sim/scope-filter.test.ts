import { describe, expect, it } from 'vitest';
import { MANAGEMENT_API_SCOPES } from '../../tenant/index.ts';
import { filterScopes } from './scope-filter.ts';

const values = (query: string) => filterScopes(MANAGEMENT_API_SCOPES, query).map((scope) => scope.value);

describe('filterScopes', () => {
  it('keeps every scope for an empty or blank query', () => {
    expect(filterScopes(MANAGEMENT_API_SCOPES, '   ')).toHaveLength(MANAGEMENT_API_SCOPES.length);
  });

  it('needs every word of the query, in any order', () => {
    expect(values('client read')).toEqual(expect.arrayContaining(['read:clients', 'read:client_keys', 'read:client_grants']));
    expect(values('client read')).not.toContain('update:clients');
  });

  it('treats colons and underscores as word breaks', () => {
    expect(values('client keys')).toEqual(['read:client_keys', 'update:client_keys', 'delete:client_keys', 'create:client_keys']);
    expect(values('read:client_keys')).toEqual(['read:client_keys']);
  });

  it('matches descriptions case-insensitively', () => {
    expect(values('TENANT SETTINGS')).toEqual(['read:tenant_settings', 'update:tenant_settings']);
  });

  it('finds nothing for a word no scope has', () => {
    expect(values('banana')).toEqual([]);
  });
});
