import { beforeEach, describe, expect, it } from 'vitest';
import { matchesAny } from './cors-policy.ts';
import { handleTenantRequest } from './handle-request.ts';
import type { Tenant } from './tenant.ts';
import { freshTenant } from './hosts/testing.ts';

const BASE = 'https://acme.auth0.test';
// The seeded Customer Portal lists this origin in Allowed Origins and Allowed Web Origins.
const PORTAL = 'https://portal.acme.auth0.test';
const STRANGER = 'https://attacker.example';

let tenant: Tenant;

beforeEach(async () => {
  tenant = await freshTenant();
});

function tokenPost(role: 'reporting' | 'noClientCredentials', origin: string | undefined): Request {
  const credential = tenant.seeded[role];
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (origin !== undefined) headers.origin = origin;
  return new Request(`${BASE}/oauth/token`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: credential.client_id, client_secret: credential.client_secret, audience: tenant.managementAudience }),
  });
}

describe('CORS as a real tenant applies it', () => {
  it('lets no browser page read a token issued to a machine-to-machine app, which lists no origins', async () => {
    const response = await handleTenantRequest(tenant, tokenPost('reporting', PORTAL));
    // The server still answers (CORS is enforced by the browser); the page just cannot read it.
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('lets a page read the token endpoint only from an origin the calling application lists', async () => {
    const own = await handleTenantRequest(tenant, tokenPost('noClientCredentials', PORTAL));
    expect(own.status).toBe(403);
    expect(own.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(own.headers.get('access-control-expose-headers')).toContain('x-ratelimit-remaining');
    const foreign = await handleTenantRequest(tenant, tokenPost('noClientCredentials', STRANGER));
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers preflights with the allowed methods only for origins some application lists', async () => {
    const preflight = (origin: string) => handleTenantRequest(tenant, new Request(`${BASE}/oauth/token`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    }));
    const allowed = await preflight(PORTAL);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('GET, POST, PATCH, DELETE, OPTIONS');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    const refused = await preflight(STRANGER);
    expect(refused.status).toBe(204);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('follows the applications: an origin added to an app is allowed on the Management API at once', async () => {
    const call = () => handleTenantRequest(tenant, new Request(`${BASE}/api/v2/clients`, { headers: { origin: 'https://admin.acme.example' } }));
    expect((await call()).headers.get('access-control-allow-origin')).toBeNull();
    tenant.createApplication({ name: 'Admin SPA', app_type: 'spa', allowed_origins: ['https://admin.acme.example/'] });
    const after = await call();
    expect(after.status).toBe(401);
    expect(after.headers.get('access-control-allow-origin')).toBe('https://admin.acme.example');
  });

  it('serves the discovery document and the JWKS to any origin', async () => {
    for (const path of ['/.well-known/jwks.json', '/.well-known/openid-configuration']) {
      const response = await handleTenantRequest(tenant, new Request(`${BASE}${path}`, { headers: { origin: STRANGER } }));
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    }
  });

  it('reads the calling app from HTTP Basic too, and still answers the request itself', async () => {
    const { client_id, client_secret } = tenant.seeded.noClientCredentials;
    const response = await handleTenantRequest(tenant, new Request(`${BASE}/oauth/token`, {
      method: 'POST',
      headers: { origin: PORTAL, 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${btoa(`${client_id}:${client_secret}`)}` },
      body: `grant_type=client_credentials&audience=${encodeURIComponent(tenant.managementAudience)}`,
    }));
    expect(response.status).toBe(403);
    expect((await response.json()).error).toBe('unauthorized_client');
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
  });
});

describe('matchesAny', () => {
  it('matches an origin exactly, ignoring case and a trailing slash', () => {
    expect(matchesAny('https://App.example', ['https://app.example/'])).toBe(true);
    expect(matchesAny('https://app.example:8443', ['https://app.example'])).toBe(false);
    expect(matchesAny('http://app.example', ['https://app.example'])).toBe(false);
  });

  it('matches subdomains of a wildcard entry but not the bare domain or a look-alike', () => {
    const allowed = ['https://*.acme.example'];
    expect(matchesAny('https://eu.acme.example', allowed)).toBe(true);
    expect(matchesAny('https://a.b.acme.example', allowed)).toBe(true);
    expect(matchesAny('https://acme.example', allowed)).toBe(false);
    expect(matchesAny('https://evilacme.example', allowed)).toBe(false);
    expect(matchesAny('http://eu.acme.example', allowed)).toBe(false);
  });
});

describe('CORS on an oversized token request from a browser', () => {
  it('answers the 413 without hanging, though the body is read twice (once for the origin check)', async () => {
    const response = await handleTenantRequest(tenant, new Request(`${BASE}/oauth/token`, {
      method: 'POST',
      headers: { origin: PORTAL, 'content-type': 'application/json' },
      body: `{"client_id":"${'x'.repeat(70_000)}"}`,
    }));
    expect(response.status).toBe(413);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
