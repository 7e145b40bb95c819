import type { Tenant } from './tenant.ts';
import { readRequestBody } from './read-body.ts';
import { TenantError } from './tenant-error.ts';
import { parseTokenRequest } from './token-request.ts';

/*
 * Which browser pages may read the tenant's answers (CORS), as a real tenant decides it: a page
 * may read an answer only if its origin is one an application lists in Allowed Origins (CORS) or
 * Allowed Web Origins. For `POST /oauth/token` it must be the calling application's own list, so
 * a machine-to-machine app with no origins cannot be used from a browser at all: that is the point
 * of keeping its secret on a server. The discovery document and the JWKS are public to any origin.
 * A request without an `Origin` header (curl, a backend, an SDK in Node) gets no CORS headers.
 *
 * This matters for the local HTTP server. On the site itself the page answers its run workers'
 * requests over a MessagePort and the worker builds the Response, which no CORS check touches
 * (an e2e test reads the rate-limit headers), so the playgrounds read every header whatever this says.
 */

const EXPOSED = 'x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, www-authenticate';

const PREFLIGHT: Readonly<Record<string, string>> = {
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
};

const PUBLIC_PATHS = new Set(['/.well-known/jwks.json', '/.well-known/openid-configuration']);

/**
 * The CORS headers for an answer to `request`. `tokenRequest` is an unread copy of a
 * `POST /oauth/token` body, read only when a browser origin has to be matched to the application.
 */
export async function corsHeaders(tenant: Tenant, request: Request, tokenRequest?: Request): Promise<Record<string, string>> {
  const preflight = request.method.toUpperCase() === 'OPTIONS';
  const origin = request.headers.get('origin');
  if (origin === null) return {};
  const path = new URL(request.url).pathname;
  if (PUBLIC_PATHS.has(path)) return allow('*', preflight);
  const allowed = tokenRequest !== undefined && !preflight
    ? await callerOrigins(tenant, tokenRequest)
    : tenantOrigins(tenant);
  return matchesAny(origin, allowed) ? { ...allow(origin, preflight), vary: 'Origin' } : { vary: 'Origin' };
}

function allow(origin: string, preflight: boolean): Record<string, string> {
  const headers: Record<string, string> = { 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED };
  return preflight ? { ...headers, ...PREFLIGHT } : headers;
}

/** Every origin any application lists: a preflight or an API call cannot name its application. */
function tenantOrigins(tenant: Tenant): string[] {
  return tenant.records.applications.flatMap((app) => [...app.allowed_origins, ...app.web_origins]);
}

/** The origins of the application a token request authenticates as (none if it names none). */
async function callerOrigins(tenant: Tenant, copy: Request): Promise<string[]> {
  const body = await readRequestBody(copy, ['json', 'form']);
  if (body instanceof TenantError) return [];
  const parsed = parseTokenRequest(body, copy.headers.get('authorization'));
  if (parsed instanceof TenantError) return [];
  const app = tenant.records.applications.find((candidate) => candidate.client_id === parsed.clientId);
  return app === undefined ? [] : [...app.allowed_origins, ...app.web_origins];
}

/**
 * Exact match (scheme, host and port; case and a trailing slash ignored), or a `*.` wildcard for
 * one or more subdomain levels, which Auth0 allows in these lists.
 */
export function matchesAny(origin: string, allowed: readonly string[]): boolean {
  const wanted = normalise(origin);
  return allowed.some((entry) => {
    const pattern = normalise(entry);
    const star = pattern.indexOf('://*.');
    if (star === -1) return pattern === wanted;
    const scheme = pattern.slice(0, star + 3);
    const suffix = pattern.slice(star + 4);
    return wanted.startsWith(scheme) && wanted.endsWith(suffix) && wanted.length > scheme.length + suffix.length;
  });
}

function normalise(origin: string): string {
  return origin.trim().toLowerCase().replace(/\/+$/, '');
}
