import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS } from './assumptions.ts';
import { describeTenantError } from './error-responses.ts';

describe('the assumptions list', () => {
  it('gives every entry a unique kebab-case id, so lessons can link to it', () => {
    const ids = ASSUMPTIONS.map((assumption) => assumption.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('marks as sandbox rules the deliberate differences whose error messages say so', () => {
    const rules = new Set(ASSUMPTIONS.filter((assumption) => assumption.sandboxRule).map((assumption) => assumption.id));
    // Each of these answers carries "sandbox rule" in its own text; its entry must be marked too.
    const labelled: Array<[string, string]> = [
      ['grant-scopes', describeTenantError('invalid_body', { detail: 'Scopes are not defined by the resource server: x (a Token Lab sandbox rule; Auth0 itself accepts them)', property: 'scope' })],
      ['unsupported-grant-type', describeTenantError('grant_type_not_implemented', { grantType: 'password' })],
      ['user-search-query', describeTenantError('unsupported_user_query', {})],
      ['user-update', describeTenantError('user_property_not_supported', { property: 'email' })],
      ['global-client-changes', describeTenantError('global_client_not_deletable', {})],
    ];
    for (const [id, message] of labelled) {
      expect(message.toLowerCase(), id).toContain('sandbox rule');
      expect(rules.has(id), id).toBe(true);
    }
  });

  it('sums up every sandbox rule in one sentence of its own', () => {
    const rules = ASSUMPTIONS.filter((assumption) => assumption.sandboxRule !== undefined);
    expect(rules.length).toBeGreaterThanOrEqual(10);
    for (const rule of rules) expect(rule.sandboxRule, rule.id).toMatch(/^[A-Z].{20,200}\.$/);
  });

  it('says the sandbox\'s 30-second secret switch is its reading of Auth0\'s "up to thirty seconds", with Auth0\'s fallback advice', () => {
    const rotation = ASSUMPTIONS.find((assumption) => assumption.id === 'secret-rotation-window');
    expect(rotation?.choice).toMatch(/exactly 30 seconds of sandbox time/);
    expect(rotation?.reason).toMatch(/delayed up to thirty seconds/);
    expect(rotation?.reason).toMatch(/fallback/);
    expect(rotation?.reason).toMatch(/UNCONFIRMED/);
  });

  it('marks the Private Key JWT rules no source shows as unconfirmed, and the sandbox\'s own limits as rules', () => {
    for (const id of ['client-assertion-rules', 'private-key-jwt-secret', 'rotate-secret-private-key-jwt', 'client-credentials', 'client-authentication-methods']) {
      expect(ASSUMPTIONS.find((assumption) => assumption.id === id)?.reason, id).toMatch(/UNCONFIRMED/);
    }
    const rules = [
      ['credential-types', describeTenantError('credential_rule', { problem: 'credential_type' })],
      ['client-assertion-replay', describeTenantError('assertion_ids_full', { limit: 10_000 })],
    ] as const;
    for (const [id, message] of rules) {
      expect(message.toLowerCase(), id).toContain('sandbox rule');
      expect(ASSUMPTIONS.find((assumption) => assumption.id === id)?.sandboxRule, id).toBeDefined();
    }
  });

  it('calls refusing Global-Client-Secret tokens the sandbox\'s choice, since Auth0 does not document it', () => {
    expect(ASSUMPTIONS.find((assumption) => assumption.id === 'wrong-algorithm')?.reason).toMatch(/not documented/);
  });

  it('no longer claims the sandbox keeps Management API tokens at 24 hours', () => {
    const lifetime = ASSUMPTIONS.find((assumption) => assumption.id === 'management-token-lifetime');
    expect(lifetime?.choice).toMatch(/2,592,000/);
    expect(lifetime?.choice).not.toMatch(/does not let the lifetime go up/);
  });
});
