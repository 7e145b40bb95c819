import { authApiErrorReply } from './error-responses.ts';
import { jsonResponse } from './json-response.ts';
import { rateLimitHeaders } from './rate-limit.ts';
import type { Tenant } from './tenant.ts';
import { TenantError } from './tenant-error.ts';

/**
 * `GET https://{domain}/.well-known/jwks.json`: the public keys that verify the tenant's access
 * tokens. Cacheable, and rate limited like a real tenant's (the free plan publishes 20 requests a
 * second, burst 20), so an API that fetches it for every request it checks soon sees a 429: it
 * should cache the key set, as jose's `createRemoteJWKSet` does.
 */
export function handleJwksRequest(tenant: Tenant): Response {
  const decision = tenant.takeRateLimit('jwks');
  const headers = rateLimitHeaders(decision);
  if (!decision.allowed) {
    const reply = authApiErrorReply(new TenantError('rate_limited'));
    return jsonResponse(reply.status, reply.body, headers);
  }
  const response = jsonResponse(200, tenant.jwks(), { ...headers, 'cache-control': 'public, max-age=15' });
  response.headers.delete('pragma');
  return response;
}
