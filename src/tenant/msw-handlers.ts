import { http, type RequestHandler } from 'msw';
import { handleTenantRequest } from './handle-request.ts';
import type { Tenant } from './tenant.ts';

/**
 * MSW request handlers that serve `tenant` at `https://{domain}`: the token endpoint, the JWKS,
 * the Management API, and a catch-all so any other path on the tenant's domain gets a 404 instead
 * of leaking to the network. Use with `setupServer(...)` (Node) or `setupWorker(...)` (browser).
 *
 * @example
 * const server = setupServer(...tenantHandlers(tenant));
 * server.listen({ onUnhandledFrame: 'error' });
 */
export function tenantHandlers(tenant: Tenant): RequestHandler[] {
  const origin = `https://${tenant.domain}`;
  const answer = ({ request }: { request: Request }) => handleTenantRequest(tenant, request);
  return [
    http.all(`${origin}/oauth/token`, answer),
    http.all(`${origin}/api/v2/*`, answer),
    http.all(`${origin}/*`, answer),
  ];
}
