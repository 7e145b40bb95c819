import { beforeEach, describe, expect, it } from 'vitest';
import { handleTenantRequest } from './handle-request.ts';
import { MANAGEMENT_ROUTES } from './management-api.ts';
import { displayRoutePath } from './management-route.ts';
import { SEEDED_CREDENTIALS } from './seed.ts';
import type { Tenant } from './tenant.ts';
import { freshTenant } from './hosts/testing.ts';

/*
 * Generated from the route table itself, so a route added later is covered without a new test:
 * every real route asks for a token before anything else, as Auth0's do (issue 13, row 10).
 */

let tenant: Tenant;

beforeEach(async () => {
  tenant = await freshTenant();
});

/** A concrete path for a route pattern, with an id that exists in the seed where one is needed. */
function pathOf(pattern: RegExp): string {
  return displayRoutePath(pattern).replace('{id}', encodeURIComponent(tenant.seeded.reporting.client_id));
}

describe('every Management API route', () => {
  for (const route of MANAGEMENT_ROUTES) {
    const label = `${route.method} ${displayRoutePath(route.pattern)}`;

    it(`${label} answers 401 "Missing authentication" without a token, and changes nothing`, async () => {
      const before = JSON.stringify(tenant.toJSON().applications);
      const response = await handleTenantRequest(tenant, new Request(`https://${tenant.domain}${pathOf(route.pattern)}`, {
        method: route.method,
        ...(route.takesBody ? { headers: { 'content-type': 'application/json' }, body: '{"name":"x"}' } : {}),
      }));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' });
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(JSON.stringify(tenant.toJSON().applications)).toBe(before);
    });

    // A token for the seeded Reporting Service holds read:clients and read:client_keys only.
    const reportingMayCall = route.scopes.some((needed) => SEEDED_CREDENTIALS.reporting.scopes.includes(needed as never));
    if (reportingMayCall) continue;

    it(`${label} names its scopes when the token has none of them`, async () => {
      const issued = await handleTenantRequest(tenant, new Request(`https://${tenant.domain}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: tenant.seeded.reporting.client_id, client_secret: tenant.seeded.reporting.client_secret, audience: tenant.managementAudience }),
      }));
      const { access_token: token } = await issued.json();
      const response = await handleTenantRequest(tenant, new Request(`https://${tenant.domain}${pathOf(route.pattern)}`, {
        method: route.method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(route.takesBody ? { body: '{}' } : {}),
      }));
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ statusCode: 403, error: 'Forbidden', message: `Insufficient scope, expected any of: ${route.scopes.join(', ')}`, errorCode: 'insufficient_scope' });
    });
  }
});
