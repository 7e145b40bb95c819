import { describe, expect, it } from 'vitest';
import { handleTenantRequest } from './handle-request.ts';
import { restoreTenant } from './restore-tenant.ts';
import { freshTenant, START } from './hosts/testing.ts';
import { serviceKey } from './private-key-jwt-test-support.ts';
import type { TenantSnapshot } from './tenant-snapshot.ts';
import type { Tenant } from './tenant.ts';
import { TenantError } from './tenant-error.ts';

async function issue(tenant: Tenant, role: 'reporting' | 'explorer' = 'reporting'): Promise<string> {
  const { client_id: clientId, client_secret: clientSecret } = tenant.seeded[role];
  const response = await handleTenantRequest(tenant, new Request(`https://${tenant.domain}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, audience: tenant.managementAudience }),
  }));
  return (await response.json()).access_token;
}

const explorerToken = (tenant: Tenant) => issue(tenant, 'explorer');

function withoutModulus(snapshot: TenantSnapshot): Record<string, unknown> {
  const { n: _, ...rest } = snapshot.signingKeys[0]!.privateJwk;
  return rest;
}

/** A saved credential record, as the tenant keeps it (its pem is not read back on restore). */
function credentialFor(clientId: string) {
  return { id: 'cred_saved', client_id: clientId, credential_type: 'public_key' as const, kid: 'saved-kid', alg: 'RS256' as const, pem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', created_at: START.toISOString(), updated_at: START.toISOString() };
}

function list(tenant: Tenant, token: string): Promise<Response> {
  return handleTenantRequest(tenant, new Request(`https://${tenant.domain}/api/v2/clients`, { headers: { authorization: `Bearer ${token}` } }));
}

describe('toJSON and restoreTenant', () => {
  it('round-trips through JSON text: records, clock, drills, legacy mode and keys survive', async () => {
    const original = await freshTenant();
    const created = original.createApplication({ name: 'Kept Across Reloads', app_type: 'non_interactive' });
    if (created instanceof TenantError) throw created;
    original.clock.advance(3600);
    original.drills.set({ clockSkewSeconds: 5 });
    original.setLegacyMode(true);
    const token = await issue(original);

    const { tenant, restored, problem } = await restoreTenant(JSON.stringify(original));
    expect(restored).toBe(true);
    expect(problem).toBeUndefined();
    expect(tenant.toJSON()).toEqual(original.toJSON());
    expect(tenant.application(created.client_id)?.name).toBe('Kept Across Reloads');
    expect(tenant.clock.now()).toBe(START.getTime() + 3_600_000);
    expect(tenant.clock.start).toBe(START.getTime());
    expect(tenant.legacyMode).toBe(true);
    expect((await list(tenant, token)).status).toBe(200);
  });

  it('restores any tenant createTenant accepts, including raised rate limits', async () => {
    const { createTenant } = await import('./create-tenant.ts');
    const huge = { limit: 1_000_000_000, perSecond: 1_000_000_000 };
    const original = await createTenant({ now: START, rateLimits: { token: huge, management: huge } });
    const { restored, problem } = await restoreTenant(original.toJSON());
    expect(problem).toBeUndefined();
    expect(restored).toBe(true);
  });

  it('produces a versioned plain object with the private key as a JWK', async () => {
    const snapshot = (await freshTenant()).toJSON();
    expect(snapshot).toMatchObject({ format: 'token-lab-tenant', version: 4, domain: 'acme.auth0.test' });
    expect(snapshot.signingKeys[0]!.privateJwk).toHaveProperty('d');
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  const corruptions: Array<[string, (snapshot: TenantSnapshot) => unknown, RegExp]> = [
    ['text that is not JSON', () => '{"format": "token-lab-', /not valid JSON/],
    ['null', () => null, /Expected type object but found type null/],
    ['an array', () => [], /Expected type object but found type array/],
    ['another format', (s) => ({ ...s, format: 'something-else' }), /^.*format: No enum match/],
    ['a newer version', (s) => ({ ...s, version: 5 }), /version: Value 5 is greater than maximum 4/],
    ['an older version than any saved', (s) => ({ ...s, version: 0 }), /version: Value 0 is less than minimum 4/],
    ['two users with one id', (s) => ({ ...s, users: [s.users[0], s.users[0]] }), /duplicate user_id/],
    ['a denylist entry without its jti', (s) => ({ ...s, denylist: [{ aud: 'x' }] }), /denylist\.0: Missing required property: jti/],
    ['an application with eleven metadata keys', (s) => ({ ...s, applications: [{ ...s.applications[0], client_metadata: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])) }] }), /Too many properties defined \(11\), maximum 10/],
    ['a missing field', (s) => { const { applications: _, ...rest } = s; return rest; }, /Missing required property: applications/],
    ['an extra field', (s) => ({ ...s, admin: true }), /Additional properties not allowed: admin/],
    ['a real-world domain', (s) => ({ ...s, domain: 'acme.auth0.com' }), /not a reserved/],
    ['an application with a wrong type', (s) => ({ ...s, applications: [{ ...s.applications[0], grant_types: 'client_credentials' }] }), /applications\.0\.grant_types: Expected type array/],
    ['duplicate client ids', (s) => ({ ...s, applications: [s.applications[0], s.applications[0]], clientGrants: [] }), /duplicate client_id/],
    ['a grant for a missing application', (s) => ({ ...s, applications: s.applications.slice(1) }), /no application/],
    ['a grant with an undefined scope', (s) => ({ ...s, clientGrants: [{ ...s.clientGrants[0]!, scope: ['read:everything'] }] }), /is not a scope of/],
    ['a missing Management API', (s) => ({ ...s, resourceServers: [] }), /Management API is missing/],
    ['no signing keys', (s) => ({ ...s, signingKeys: [] }), /at least one key/],
    ['a key id that does not match the key', (s) => ({ ...s, signingKeys: [{ ...s.signingKeys[0]!, kid: 'forged' }] }), /key id does not match/],
    ['a damaged private key', (s) => ({ ...s, signingKeys: [{ ...s.signingKeys[0]!, privateJwk: { ...s.signingKeys[0]!.privateJwk, p: 'AAAA', d: 'AAAA' } }] }), /signingKeys\.0: /],
    ['a key without its modulus', (s) => ({ ...s, signingKeys: [{ ...s.signingKeys[0]!, privateJwk: withoutModulus(s) }] }), /signingKeys\.0: the key has no "n"/],
    ['a global secret that is not base64', (s) => ({ ...s, globalClient: { ...s.globalClient, client_secret: '!!!!not base64 at all!!!!' } }), /not base64/],
    ['an unknown drill', (s) => ({ ...s, drills: { ...s.drills, meteorStrike: true } }), /Additional properties not allowed: meteorStrike/],
    ['a rate-limit bucket fuller than its limit', (s) => ({ ...s, rateLimits: { ...s.rateLimits, token: { ...s.rateLimits.token, state: { tokens: 999, updatedAt: 0 } } } }), /more requests left than the limit/],
    ['a clock that is not a number', (s) => ({ ...s, clock: { start: 'yesterday', now: 0 } }), /clock\.start: Expected type number/],
    ['a credential of an application that does not exist', (s) => ({ ...s, credentials: [credentialFor('nobody')] }), /credentials\.0: no application "nobody"/],
    ['three credentials for one application', (s) => ({ ...s, credentials: ['a', 'b', 'c'].map((suffix) => ({ ...credentialFor(s.applications[0]!.client_id), id: `cred_${suffix}` })) }), /credentials\.2: more than 2 credentials/],
    ['an application that lists another application\'s credential', (s) => ({
      ...s,
      credentials: [credentialFor(s.applications[1]!.client_id)],
      applications: [{ ...s.applications[0]!, token_endpoint_auth_method: null, client_authentication_methods: { private_key_jwt: { credentials: [{ id: 'cred_saved' }] } } }, ...s.applications.slice(1)],
    }), /applications\.0\.client_authentication_methods: cred_saved is not a credential of this application/],
    ['a secret switch for an application that does not exist', (s) => ({ ...s, secretSwitches: [{ client_id: 'nobody', previous_secret: 'x', switch_at: 0 }] }), /secretSwitches\.0: no application/],
    ['a used assertion id longer than Auth0 allows', (s) => ({ ...s, usedAssertionIds: [{ client_id: 'x', jti: 'j'.repeat(65), exp: 1 }] }), /usedAssertionIds\.0\.jti: String is too long/],
  ];

  for (const [what, corrupt, reason] of corruptions) {
    it(`refuses ${what} and starts a fresh seeded tenant instead`, async () => {
      const snapshot = (await freshTenant()).toJSON();
      const { tenant, restored, problem } = await restoreTenant(corrupt(structuredClone(snapshot)), { now: START });
      expect(restored).toBe(false);
      expect(problem).toMatch(/^\[tenant\] The saved tenant state was refused \(/);
      expect(problem).toMatch(reason);
      expect(tenant.applications.map((app) => app.name)).toContain('Reporting Service');
      expect(tenant.signingKey.kid).not.toBe(snapshot.signingKeys[0]!.kid);
    });
  }

  it('upgrades a version 1 snapshot: keeps its applications and keys, adds the seeded users and an empty denylist', async () => {
    const original = await freshTenant();
    original.createApplication({ name: 'Saved before users existed', app_type: 'non_interactive' });
    const { users: _users, denylist: _denylist, ...rest } = original.toJSON();
    const version1 = { ...rest, version: 1, applications: rest.applications.map(({ client_metadata: _metadata, ...app }) => app) };
    const { tenant, restored, problem } = await restoreTenant(JSON.stringify(version1));
    expect(problem).toBeUndefined();
    expect(restored).toBe(true);
    expect(tenant.signingKey.kid).toBe(original.signingKey.kid);
    expect(tenant.applications.map((app) => app.name)).toContain('Saved before users existed');
    expect(tenant.applications.every((app) => Object.keys(app.client_metadata).length === 0)).toBe(true);
    expect(tenant.records.users.map((user) => user.email)).toContain('ada.sandbox@customers.example');
    expect(tenant.records.denylist).toEqual([]);
  });

  it('upgrades a version 2 snapshot: cross_origin_auth becomes cross_origin_authentication, nothing else changes', async () => {
    const original = await freshTenant();
    const created = original.createApplication({ name: 'Saved with the old name', cross_origin_authentication: true });
    if (created instanceof TenantError) throw created;
    const snapshot = original.toJSON();
    const version2 = {
      ...snapshot,
      version: 2,
      applications: snapshot.applications.map(({ cross_origin_authentication: value, ...app }) => ({ ...app, cross_origin_auth: value })),
    };
    const { tenant, restored, problem } = await restoreTenant(JSON.stringify(version2));
    expect(problem).toBeUndefined();
    expect(restored).toBe(true);
    expect(tenant.application(created.client_id)).toEqual(created);
    expect(tenant.applications.every((app) => !Object.hasOwn(app, 'cross_origin_auth'))).toBe(true);
  });

  it('upgrades a version 3 snapshot: no credentials, switches or assertion ids yet, and a private_key_jwt that named no real credential is dropped', async () => {
    const original = await freshTenant();
    const snapshot = original.toJSON();
    const { credentials: _c, secretSwitches: _s, usedAssertionIds: _u, ...rest } = snapshot;
    const version3 = {
      ...rest,
      version: 3,
      applications: snapshot.applications.map((app, index) => (index === 0
        ? { ...app, token_endpoint_auth_method: null, client_authentication_methods: { private_key_jwt: { credentials: [{ id: 'cred_1234567890' }] }, tls_client_auth: { credentials: [{ id: 'cred_tls' }] } } }
        : index === 1 ? { ...app, client_authentication_methods: { private_key_jwt: { credentials: [{ id: 'cred_x' }] } } } : app)),
    };
    const { tenant, restored, problem } = await restoreTenant(JSON.stringify(version3));
    expect(problem).toBeUndefined();
    expect(restored).toBe(true);
    expect(tenant.records.credentials).toEqual([]);
    expect(tenant.records.secretSwitches).toEqual([]);
    expect(tenant.records.usedAssertionIds).toEqual([]);
    expect(tenant.applications[0]!.client_authentication_methods).toEqual({ tls_client_auth: { credentials: [{ id: 'cred_tls' }] } });
    expect(tenant.applications[1]).not.toHaveProperty('client_authentication_methods');
    // The app goes on with its secret, as it did in version 3.
    expect((await list(tenant, await issue(tenant))).status).toBe(200);
  });

  it('keeps documented client fields the sandbox only stores, and refuses a field Auth0 does not have', async () => {
    const original = await freshTenant();
    const created = original.createApplication({ name: 'Stores everything', logo_uri: 'https://cdn.example/logo.png', refresh_token: { rotation_type: 'rotating', expiration_type: 'expiring', token_lifetime: 86_400 } });
    if (created instanceof TenantError) throw created;
    const { tenant, restored } = await restoreTenant(JSON.stringify(original.toJSON()));
    expect(restored).toBe(true);
    expect(tenant.application(created.client_id)).toMatchObject({ logo_uri: 'https://cdn.example/logo.png', refresh_token: { rotation_type: 'rotating' } });
    const snapshot = original.toJSON();
    const tampered = { ...snapshot, applications: snapshot.applications.map((app) => ({ ...app, is_admin: true })) };
    const user = original.records.users[0]!;
    const patched = { ...snapshot, users: snapshot.users.map((entry) => (entry.user_id === user.user_id ? { ...entry, given_name: 'Ada', phone_number: '+15555550100', phone_verified: false } : entry)) };
    expect((await restoreTenant(JSON.stringify(patched))).restored).toBe(true);
    const refused = await restoreTenant(JSON.stringify(tampered));
    expect(refused.restored).toBe(false);
    expect(refused.problem).toMatch(/applications\.0: Additional properties not allowed: is_admin/);
  });

  // Found by fuzzing: each of these PATCHes answered 200, and the saved tenant then failed to restore.
  it('restores a tenant after every PATCH the API accepted, nested nulls and credential ids included', async () => {
    const original = await freshTenant();
    const credential = await original.createCredential(original.seeded.explorer.client_id, { pem: (await serviceKey()).publicKeyPem });
    if (credential instanceof TenantError) throw credential;
    const changes: Array<[string, unknown]> = [
      ['/api/v2/clients/sbxApiExplorerApplication0000004', { native_social_login: { google: null, facebook: null } }],
      ['/api/v2/clients/sbxApiExplorerApplication0000004', { fedcm_login: { google: null } }],
      ['/api/v2/clients/sbxNightlyBackup0000000000000002', { token_endpoint_auth_method: null, client_authentication_methods: { tls_client_auth: { credentials: [{ id: 'cred_mtls000000000000000001' }] } } }],
      ['/api/v2/users/auth0%7C6650a1b2c3d4e5f600000001', { phone_number: '+1555', picture: 'https://cdn.example/p.png', username: 'ada' }],
      ['/api/v2/clients/sbxApiExplorerApplication0000004', { token_endpoint_auth_method: null, client_authentication_methods: { private_key_jwt: { credentials: [{ id: credential.id }] } } }],
    ];
    // Issued before the explorer switches to Private Key JWT; it stays valid until exp.
    const token = await explorerToken(original);
    for (const [path, body] of changes) {
      const response = await handleTenantRequest(original, new Request(`https://${original.domain}${path}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }));
      expect(response.status, path).toBe(200);
    }
    const { restored, problem } = await restoreTenant(JSON.stringify(original.toJSON()));
    expect(problem).toBeUndefined();
    expect(restored).toBe(true);
    const tooLong = await handleTenantRequest(original, new Request(`https://${original.domain}/api/v2/users/auth0%7C6650a1b2c3d4e5f600000001`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ phone_number: `+1${'5'.repeat(59)}` }),
    }));
    expect(tooLong.status).toBe(400);
  });

  it('refuses state saved for another domain than the one asked for', async () => {
    const { restored, problem, tenant } = await restoreTenant((await freshTenant()).toJSON(), { domain: 'globex.auth0.test' });
    expect(restored).toBe(false);
    expect(problem).toMatch(/saved for acme\.auth0\.test, not globex\.auth0\.test/);
    expect(tenant.domain).toBe('globex.auth0.test');
  });

  it('refuses oversized text without parsing it', async () => {
    const { restored, problem } = await restoreTenant(' '.repeat(2_000_001));
    expect(restored).toBe(false);
    expect(problem).toMatch(/larger than/);
  });

  it('notifies onChange listeners on every mutation so the site can persist', async () => {
    const tenant = await freshTenant();
    const seen: number[] = [];
    tenant.onChange(() => seen.push(tenant.toJSON().applications.length));
    tenant.createApplication({ name: 'One' });
    tenant.clock.advance(10);
    tenant.setLegacyMode(true);
    tenant.rotateGlobalSecret();
    expect(seen).toEqual([5, 5, 5, 5]);
  });

  it('keeps a broken onChange listener from breaking the mutation', async () => {
    const tenant = await freshTenant();
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => { errors.push(args[0]); };
    try {
      tenant.onChange(() => { throw new Error('storage full'); });
      expect(tenant.createApplication({ name: 'Still Created' })).not.toBeInstanceOf(TenantError);
    } finally {
      console.error = original;
    }
    expect(errors).toEqual(['[tenant] an onChange listener threw; the change itself was applied.']);
  });
});
