import { describe, expect, it } from 'vitest';
import { MANAGEMENT_ROUTES } from '../../tenant/index.ts';
import { routePath, routeReach } from './token-reach.ts';

describe('routePath', () => {
  it('turns the tenant\'s route patterns into readable paths', () => {
    expect(MANAGEMENT_ROUTES.map((route) => routePath(route.pattern))).toEqual([
      '/api/v2/clients',
      '/api/v2/clients',
      '/api/v2/clients/{id}',
      '/api/v2/clients/{id}',
      '/api/v2/clients/{id}',
      '/api/v2/clients/{id}/rotate-secret',
      '/api/v2/clients/{id}/credentials',
      '/api/v2/clients/{id}/credentials',
      '/api/v2/clients/{id}/credentials/{credential_id}',
      '/api/v2/clients/{id}/credentials/{credential_id}',
      '/api/v2/clients/{id}/credentials/{credential_id}',
      '/api/v2/client-grants',
      '/api/v2/client-grants',
      '/api/v2/client-grants/{id}',
      '/api/v2/client-grants/{id}',
      '/api/v2/client-grants/{id}',
      '/api/v2/users',
      '/api/v2/users/{id}',
      '/api/v2/users/{id}',
      '/api/v2/users-by-email',
      '/api/v2/resource-servers',
      '/api/v2/resource-servers/{id}',
      '/api/v2/resource-servers/{id}',
      '/api/v2/resource-servers',
      '/api/v2/resource-servers/{id}',
      '/api/v2/blacklists/tokens',
      '/api/v2/blacklists/tokens',
    ]);
  });
});

describe('routeReach', () => {
  it('opens both client reads for read:clients read:client_keys and nothing that writes', () => {
    const reach = routeReach(MANAGEMENT_ROUTES, ['read:clients', 'read:client_keys']);
    const open = reach.filter((route) => route.openedBy.length > 0);
    expect(open.map((route) => route.label)).toEqual(['GET /api/v2/clients', 'GET /api/v2/clients/{id}']);
    expect(open[0]!.openedBy).toEqual(['read:clients', 'read:client_keys']);
    expect(reach).toHaveLength(MANAGEMENT_ROUTES.length);
  });

  it('lists open routes first, then closed ones in table order', () => {
    const reach = routeReach(MANAGEMENT_ROUTES, ['delete:client_grants']);
    expect(reach[0]!.label).toBe('DELETE /api/v2/client-grants/{id}');
    expect(reach[1]!.label).toBe('GET /api/v2/clients');
  });

  it('opens nothing for a token without scopes', () => {
    expect(routeReach(MANAGEMENT_ROUTES, []).every((route) => route.openedBy.length === 0)).toBe(true);
  });
});
