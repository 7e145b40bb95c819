import { jsonResponse } from './json-response.ts';
import type { Tenant } from './tenant.ts';

/**
 * `GET https://{domain}/.well-known/jwks.json`: the public keys that verify the tenant's access
 * tokens. Not rate limited and cacheable, like the real endpoint, because every API that
 * validates tokens fetches it.
 */
export function handleJwksRequest(tenant: Tenant): Response {
  const response = jsonResponse(200, tenant.jwks(), { 'cache-control': 'public, max-age=15' });
  response.headers.delete('pragma');
  return response;
}
