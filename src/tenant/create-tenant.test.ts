import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { createTenant } from './create-tenant.ts';
import { validateDomain } from './domain-name.ts';
import { tenantHandlers } from './msw-handlers.ts';
import { SEEDED_CREDENTIALS, SEEDED_GLOBAL_CLIENT } from './seed.ts';
import { TenantError } from './tenant-error.ts';

describe('createTenant', () => {
  it('builds the documented seed on acme.auth0.test with a Management API and one RS256 key', async () => {
    const tenant = await createTenant({ now: new Date('2026-11-29T10:00:00Z') });
    expect(tenant.domain).toBe('acme.auth0.test');
    expect(tenant.applications.map((app) => [app.name, app.grant_types.includes('client_credentials')])).toEqual([
      ['Reporting Service', true],
      ['Nightly Backup', true],
      ['Customer Portal', false],
      ['API Explorer Application', true],
    ]);
    expect(tenant.clientGrants.find((grant) => grant.client_id === SEEDED_CREDENTIALS.reporting.client_id)?.scope).toEqual(['read:clients', 'read:client_keys']);
    expect(tenant.clientGrants.some((grant) => grant.client_id === SEEDED_CREDENTIALS.noGrant.client_id)).toBe(false);
    expect(tenant.managementApi).toMatchObject({ identifier: 'https://acme.auth0.test/api/v2/', token_lifetime: 86_400 });
    expect(tenant.managementApi.scopes.map((scope) => scope.value)).toEqual(expect.arrayContaining([
      'read:clients', 'create:clients', 'update:clients', 'delete:clients', 'read:client_grants', 'create:client_grants',
      'update:client_grants', 'delete:client_grants', 'read:users', 'create:users', 'update:users', 'delete:users',
      'read:client_keys', 'read:client_credentials', 'read:client_summary', 'update:client_keys',
    ]));
    expect(tenant.jwks().keys).toHaveLength(1);
    expect(tenant.legacyMode).toBe(false);
    expect(tenant.drills.active).toEqual([]);
  });

  it('gives the seeded applications visibly fake secrets', () => {
    for (const credential of Object.values(SEEDED_CREDENTIALS)) expect(credential.client_secret).toContain('NOT-A-REAL-SECRET');
    expect(atob(SEEDED_GLOBAL_CLIENT.client_secret)).toMatch(/^NOT-A-REAL-SECRET: /);
  });

  it('returns copies, so editing a returned record does not change the tenant', async () => {
    const tenant = await createTenant();
    tenant.applications[0]!.client_secret = 'changed';
    expect(tenant.applications[0]!.client_secret).toBe(SEEDED_CREDENTIALS.reporting.client_secret);
  });

  it('can start empty', async () => {
    const tenant = await createTenant({ seed: 'empty' });
    expect(tenant.applications).toEqual([]);
    expect(tenant.clientGrants).toEqual([]);
  });

  it('refuses a domain outside .test and .example with a clear [tenant] error', async () => {
    await expect(createTenant({ domain: 'acme.auth0.com' })).rejects.toThrow(/^\[tenant\] The domain "acme\.auth0\.com" is not allowed.*"\.test" or "\.example"/);
    await expect(createTenant({ domain: 'acme.auth0.com' })).rejects.toBeInstanceOf(TenantError);
  });

  it('validates domain names label by label', () => {
    expect(validateDomain('Globex.Auth0.TEST')).toBe('globex.auth0.test');
    expect(validateDomain('tenant.example')).toBe('tenant.example');
    for (const bad of ['test', '.test', 'a..test', '-a.test', 'a_b.test', 'evil.test.com', 42]) expect(validateDomain(bad)).toBeInstanceOf(TenantError);
  });

  it('takes localhost with a port, the HTTPS sandbox\'s own domain, and nothing that only starts like it', () => {
    expect(validateDomain('LOCALHOST:4380')).toBe('localhost:4380');
    expect(validateDomain('localhost')).toBe('localhost');
    expect(validateDomain('localhost:65535')).toBe('localhost:65535');
    for (const bad of ['localhost:0', 'localhost:65536', 'localhost:080', 'localhost.evil.com', 'localhost:4380@evil.com', 'localhost:', '127.0.0.1:4380']) {
      expect(validateDomain(bad), bad).toBeInstanceOf(TenantError);
    }
  });

  it('refuses broken rate-limit options', async () => {
    await expect(createTenant({ rateLimits: { token: { limit: 0, perSecond: 1 } } })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(createTenant({ rateLimits: { management: { limit: 2e9, perSecond: 1 } } })).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('serves another domain through msw, and answers unknown paths there with a 404', async () => {
    const tenant = await createTenant({ domain: 'globex.auth0.test' });
    const server = setupServer(...tenantHandlers(tenant));
    server.listen({ onUnhandledFrame: 'error' });
    try {
      const jwks = await fetch('https://globex.auth0.test/.well-known/jwks.json');
      expect((await jwks.json()).keys[0].kid).toBe(tenant.signingKey.kid);
      const other = await fetch('https://globex.auth0.test/authorize?x=1');
      expect(other.status).toBe(404);
    } finally {
      server.close();
    }
  });
});
