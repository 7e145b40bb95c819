import { managementErrorReply } from './error-responses.ts';
import { handleJwksRequest } from './jwks-endpoint.ts';
import { emptyResponse, jsonResponse } from './json-response.ts';
import { handleManagementRequest } from './management-api.ts';
import type { Tenant } from './tenant.ts';
import { TenantError } from './tenant-error.ts';
import { handleTokenRequest } from './token-endpoint.ts';
import { SANDBOX_CLOCK_PATH, handleSandboxClockRequest } from './sandbox-clock-endpoint.ts';

// The sandbox answers any origin: the page, a worker, a local backend. Exposing the rate-limit
// headers lets browser code read them, which the caching lesson needs.
const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, www-authenticate',
};

const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
};

/**
 * Answers one HTTP request as the tenant would: `POST /oauth/token`, `GET /.well-known/jwks.json`
 * and `/api/v2/*`, plus the sandbox's own test clock at `/__sandbox/clock`. Routing goes by path
 * only, so a local server reached at `127.0.0.1:PORT` behaves exactly like `https://{domain}`;
 * every other path is an Auth0-shaped 404.
 *
 * Never rejects: an unexpected exception becomes a 500 body (a bug to report, never expected).
 */
export async function handleTenantRequest(tenant: Tenant, request: Request): Promise<Response> {
  let response: Response;
  try {
    response = await route(tenant, request);
  } catch (cause) {
    console.error('[tenant] unexpected failure while answering a request; please report it.', cause);
    const reply = managementErrorReply(new TenantError('internal'));
    response = jsonResponse(reply.status, reply.body);
  }
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  return response;
}

async function route(tenant: Tenant, request: Request): Promise<Response> {
  const method = request.method.toUpperCase();
  if (method === 'OPTIONS') return emptyResponse(204, PREFLIGHT_HEADERS);
  if (method === 'HEAD') {
    // Like hapi: HEAD is GET without the body, so it is checked and counted the same way.
    const answer = await route(tenant, new Request(request.url, { method: 'GET', headers: request.headers }));
    return new Response(null, { status: answer.status, headers: answer.headers });
  }
  const url = new URL(request.url);
  const path = url.pathname;
  if (path === '/oauth/token' && method === 'POST') return handleTokenRequest(tenant, request);
  if (path === '/.well-known/jwks.json' && method === 'GET') return handleJwksRequest(tenant);
  if (path === '/api/v2' || path.startsWith('/api/v2/')) return handleManagementRequest(tenant, request, url);
  if (path === SANDBOX_CLOCK_PATH) return handleSandboxClockRequest(tenant, request, method);
  const reply = managementErrorReply(new TenantError('route_not_found'));
  return jsonResponse(reply.status, reply.body);
}
