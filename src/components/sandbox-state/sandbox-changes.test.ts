import { describe, expect, it } from 'vitest';
import { freshTenant, START } from '../../tenant/hosts/testing.ts';
import { TENANT_STORAGE_KEY } from '../../tenant/hosts/browser.ts';
import { SEEDED_CREDENTIALS, type Tenant } from '../../tenant/index.ts';
import { changesToShow, sandboxState } from './sandbox-changes.ts';
import { SAVED_TENANT_KEY } from './saved-tenant-key.ts';

const NOW = START.getTime();
/** What the notice reads: the tenant as saved in storage, read back. */
const saved = (tenant: Tenant) => JSON.parse(JSON.stringify(tenant)) as unknown;
const kinds = (tenant: Tenant, wallNow = NOW) => sandboxState(saved(tenant), wallNow).changes.map((change) => change.kind);

describe('sandboxState', () => {
  it('finds nothing changed in a fresh tenant', async () => {
    expect(sandboxState(saved(await freshTenant()), NOW)).toEqual({ changes: [], createdApps: 0 });
  });

  it('finds a raised Token Expiration, with the new lifetime', async () => {
    const tenant = await freshTenant();
    tenant.setTokenLifetime(2_592_000);
    expect(sandboxState(saved(tenant), NOW).changes).toEqual([{ kind: 'token-lifetime', seconds: 2_592_000 }]);
  });

  it('finds a lowered Token Expiration too: any value but 86,400 changes what tokens say', async () => {
    const tenant = await freshTenant();
    tenant.setTokenLifetime(3_600);
    expect(sandboxState(saved(tenant), NOW).changes).toEqual([{ kind: 'token-lifetime', seconds: 3_600 }]);
  });

  it('finds legacy mode and every drill left on, each on its own', async () => {
    const tenant = await freshTenant();
    tenant.setLegacyMode(true);
    tenant.drills.set({ rateLimited: true, clockSkewSeconds: -90, wrongAudience: true, grantRevoked: true });
    expect(sandboxState(saved(tenant), NOW).changes).toEqual([
      { kind: 'drill', drill: 'rateLimited' },
      { kind: 'drill', drill: 'clockSkew', seconds: -90 },
      { kind: 'drill', drill: 'wrongAudience' },
      { kind: 'drill', drill: 'grantRevoked' },
      { kind: 'legacy-mode' },
    ]);
  });

  it('finds rotated secrets: a seeded application\'s and the Global Client\'s', async () => {
    const tenant = await freshTenant();
    tenant.rotateClientSecret(SEEDED_CREDENTIALS.reporting.client_id);
    tenant.rotateGlobalSecret();
    expect(sandboxState(saved(tenant), NOW).changes).toEqual([
      { kind: 'app-secret', app: 'Reporting Service' },
      { kind: 'global-secret' },
    ]);
  });

  it('finds a seeded grant deleted or given other scopes, and a grant given to the app that had none', async () => {
    const tenant = await freshTenant();
    const reporting = tenant.managementGrant(SEEDED_CREDENTIALS.reporting.client_id)!;
    tenant.revokeGrant(reporting.id);
    const portal = tenant.managementGrant(SEEDED_CREDENTIALS.noClientCredentials.client_id)!;
    tenant.updateGrant(portal.id, ['read:users']);
    tenant.authorize(SEEDED_CREDENTIALS.noGrant.client_id, ['read:clients']);
    expect(sandboxState(saved(tenant), NOW).changes).toEqual([
      { kind: 'app-grant', app: 'Reporting Service', scopes: null, seededScopes: ['read:clients', 'read:client_keys'] },
      { kind: 'app-grant', app: 'Nightly Backup', scopes: ['read:clients'], seededScopes: [] },
      { kind: 'app-grant', app: 'Customer Portal', scopes: ['read:users'], seededScopes: ['read:clients'] },
    ]);
  });

  it('does not count the same scopes in another order as a change', async () => {
    const tenant = await freshTenant();
    const reporting = tenant.managementGrant(SEEDED_CREDENTIALS.reporting.client_id)!;
    tenant.updateGrant(reporting.id, ['read:client_keys', 'read:clients']);
    expect(kinds(tenant)).toEqual([]);
  });

  it('counts applications the reader created without calling them a change', async () => {
    const tenant = await freshTenant();
    tenant.createApplication({ name: 'Inventory Sync', app_type: 'non_interactive' });
    tenant.createApplication({ name: 'Billing Export', app_type: 'non_interactive' });
    expect(sandboxState(saved(tenant), NOW)).toEqual({ changes: [], createdApps: 2 });
  });

  it('finds a tenant clock moved ahead of the reader\'s, and not one a minute ahead or left behind', async () => {
    const tenant = await freshTenant();
    tenant.clock.advance(59);
    expect(kinds(tenant)).toEqual([]);
    tenant.clock.advance(86_400 - 59);
    expect(sandboxState(saved(tenant), NOW).changes).toEqual([{ kind: 'clock', aheadSeconds: 86_400 }]);
    // Read an hour later, the saved clock (which resumes where it was saved) is 23 hours ahead.
    expect(sandboxState(saved(tenant), NOW + 3_600_000).changes).toEqual([{ kind: 'clock', aheadSeconds: 82_800 }]);
    // A clock behind is time the reader spent away, not a move.
    expect(kinds(tenant, NOW + 2 * 86_400_000)).toEqual([]);
  });

  it('lists the changes in a fixed order, what changes most output first', async () => {
    const tenant = await freshTenant();
    tenant.clock.advance(7_200);
    tenant.rotateGlobalSecret();
    tenant.setLegacyMode(true);
    tenant.setTokenLifetime(604_800);
    tenant.drills.set({ grantRevoked: true });
    expect(kinds(tenant)).toEqual(['token-lifetime', 'drill', 'legacy-mode', 'global-secret', 'clock']);
  });

  it('reads anything that is not a saved tenant as no change, as the tenant itself starts from the seed', () => {
    for (const junk of [null, 'token-lab-tenant', [], {}, { format: 'something-else', domain: 'acme.auth0.test' }, { format: 'token-lab-tenant' }]) {
      expect(sandboxState(junk, NOW)).toEqual({ changes: [], createdApps: 0 });
    }
  });

  it('survives a damaged saved tenant without throwing', () => {
    const damaged = { format: 'token-lab-tenant', domain: 'acme.auth0.test', resourceServers: 'x', drills: [1], applications: [null, 3], clientGrants: {}, clock: 'soon' };
    expect(() => sandboxState(damaged, NOW)).not.toThrow();
  });
});

describe('changesToShow', () => {
  it('leaves legacy mode to the yellow bar when that bar is shown', async () => {
    const tenant = await freshTenant();
    tenant.setLegacyMode(true);
    tenant.setTokenLifetime(7_200);
    const state = sandboxState(saved(tenant), NOW);
    expect(changesToShow(state, true).map((change) => change.kind)).toEqual(['token-lifetime']);
    expect(changesToShow(state, false).map((change) => change.kind)).toEqual(['token-lifetime', 'legacy-mode']);
  });
});

describe('the saved tenant\'s storage key', () => {
  it('is the one the browser tenant saves under', () => {
    expect(SAVED_TENANT_KEY).toBe(TENANT_STORAGE_KEY);
  });
});
