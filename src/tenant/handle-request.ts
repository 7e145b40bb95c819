import { managementErrorReply } from './error-responses.ts';
import { corsHeaders } from './cors-policy.ts';
import { handleJwksRequest } from './jwks-endpoint.ts';
import { handleOpenIdConfigurationRequest } from './openid-configuration.ts';
import { emptyResponse, jsonResponse } from './json-response.ts';
import { handleManagementRequest } from './management-api.ts';
import type { Tenant } from './tenant.ts';
import { TenantError } from './tenant-error.ts';
import { handleTokenRequest } from './token-endpoint.ts';
import { SANDBOX_CLOCK_PATH, handleSandboxClockRequest } from './sandbox-clock-endpoint.ts';
import { SANDBOX_FLEET_PATH, handleSandboxFleetRequest } from './sandbox-fleet-endpoint.ts';

/**
 * Answers one HTTP request as the tenant would: `POST /oauth/token`, the discovery document and
 * JWKS under `/.well-known/`, and `/api/v2/*`, plus the sandbox's own test clock at
 * `/__sandbox/clock` and rotation fleet at `/__sandbox/fleet`. Routing goes by path only, so a local server reached at `127.0.0.1:PORT`
 * behaves exactly like `https://{domain}`; every other path is an Auth0-shaped 404.
 *
 * Never rejects: an unexpected exception becomes a 500 body (a bug to report, never expected).
 */
export async function handleTenantRequest(tenant: Tenant, request: Request): Promise<Response> {
  // The token endpoint's CORS answer depends on the calling application, named in the body.
  const copy = request.method.toUpperCase() === 'POST' && request.headers.has('origin') && new URL(request.url).pathname === '/oauth/token'
    ? request.clone()
    : undefined;
  let response: Response;
  try {
    // The sandbox fleet's fetches due so far saw the tenant as it was before this request.
    tenant.catchUpFleet();
    response = await route(tenant, request);
    const cors = await corsHeaders(tenant, request, copy);
    for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
  } catch (cause) {
    console.error('[tenant] unexpected failure while answering a request; please report it.', cause);
    const reply = managementErrorReply(new TenantError('internal'));
    response = jsonResponse(reply.status, reply.body);
  }
  return response;
}

async function route(tenant: Tenant, request: Request): Promise<Response> {
  const method = request.method.toUpperCase();
  // The CORS headers of a preflight are added by the caller, like those of every other answer.
  if (method === 'OPTIONS') return emptyResponse(204);
  if (method === 'HEAD') {
    // Like hapi: HEAD is GET without the body, so it is checked and counted the same way.
    const answer = await route(tenant, new Request(request.url, { method: 'GET', headers: request.headers }));
    return new Response(null, { status: answer.status, headers: answer.headers });
  }
  const url = new URL(request.url);
  const path = url.pathname;
  if (path === '/oauth/token' && method === 'POST') return handleTokenRequest(tenant, request);
  if (path === '/.well-known/jwks.json' && method === 'GET') return handleJwksRequest(tenant);
  if (path === '/.well-known/openid-configuration' && method === 'GET') return handleOpenIdConfigurationRequest(tenant);
  if (path === '/api/v2' || path.startsWith('/api/v2/')) return handleManagementRequest(tenant, request, url);
  if (path === SANDBOX_CLOCK_PATH) return handleSandboxClockRequest(tenant, request, method);
  if (path === SANDBOX_FLEET_PATH) return handleSandboxFleetRequest(tenant, request, method);
  const reply = managementErrorReply(new TenantError('route_not_found'));
  return jsonResponse(reply.status, reply.body);
}
