import { READ_CLIENT_SCOPES } from './client-fields.ts';
import { getResourceServer } from './get-resource-server.ts';
import { listDenylist } from './list-denylist.ts';
import { listResourceServers } from './list-resource-servers.ts';
import { managementErrorReply } from './error-responses.ts';
import { getClient } from './get-client.ts';
import { getClientGrant } from './get-client-grant.ts';
import { getUser } from './get-user.ts';
import { listUsers } from './list-users.ts';
import { UPDATE_USER_SCOPES } from './update-user.ts';
import { listUsersByEmail } from './users-by-email.ts';
import { emptyResponse, jsonResponse } from './json-response.ts';
import { listClientGrants } from './list-client-grants.ts';
import { listClients } from './list-clients.ts';
import type { ManagementRoute, RouteOutcome } from './management-route.ts';
import {
  addToDenylistRoute, createClientGrantRoute, createClientRoute, deleteClientGrantRoute, deleteClientRoute,
  rotateClientSecretRoute, updateClientGrantRoute, updateClientRoute, updateResourceServerRoute, updateUserRoute,
  createResourceServerRoute, deleteResourceServerRoute,
} from './mutation-routes.ts';
import {
  createClientCredentialRoute, deleteClientCredentialRoute, getClientCredentialRoute, listClientCredentialsRoute, updateClientCredentialRoute,
} from './credential-routes.ts';
import { rateLimitHeaders } from './rate-limit.ts';
import { readRequestBody } from './read-body.ts';
import type { Tenant } from './tenant.ts';
import { TenantError } from './tenant-error.ts';
import { verifyAccessToken } from './verify-access-token.ts';

const ID = '([^/]+)';

/** The Management API v2 routes the sandbox implements, with the scopes each one needs. */
export const MANAGEMENT_ROUTES: readonly ManagementRoute[] = [
  // Applications. Which fields a PATCH may change depends on its scopes (update-client.ts).
  { method: 'GET', pattern: /^\/api\/v2\/clients$/, scopes: READ_CLIENT_SCOPES, takesBody: false, run: listClients },
  { method: 'POST', pattern: /^\/api\/v2\/clients$/, scopes: ['create:clients'], takesBody: true, run: createClientRoute },
  { method: 'GET', pattern: new RegExp(`^/api/v2/clients/${ID}$`), scopes: READ_CLIENT_SCOPES, takesBody: false, run: getClient },
  { method: 'PATCH', pattern: new RegExp(`^/api/v2/clients/${ID}$`), scopes: ['update:clients', 'update:client_keys'], takesBody: true, run: updateClientRoute },
  { method: 'DELETE', pattern: new RegExp(`^/api/v2/clients/${ID}$`), scopes: ['delete:clients'], takesBody: false, run: deleteClientRoute },
  { method: 'POST', pattern: new RegExp(`^/api/v2/clients/${ID}/rotate-secret$`), scopes: ['update:client_keys'], takesBody: false, run: rotateClientSecretRoute },
  // An application's credentials (public keys for Private Key JWT).
  { method: 'GET', pattern: new RegExp(`^/api/v2/clients/${ID}/credentials$`), scopes: ['read:client_credentials'], takesBody: false, run: listClientCredentialsRoute },
  { method: 'POST', pattern: new RegExp(`^/api/v2/clients/${ID}/credentials$`), scopes: ['create:client_credentials'], takesBody: true, run: createClientCredentialRoute },
  { method: 'GET', pattern: new RegExp(`^/api/v2/clients/${ID}/credentials/${ID}$`), scopes: ['read:client_credentials'], takesBody: false, run: getClientCredentialRoute },
  { method: 'PATCH', pattern: new RegExp(`^/api/v2/clients/${ID}/credentials/${ID}$`), scopes: ['update:client_credentials'], takesBody: true, run: updateClientCredentialRoute },
  { method: 'DELETE', pattern: new RegExp(`^/api/v2/clients/${ID}/credentials/${ID}$`), scopes: ['delete:client_credentials'], takesBody: false, run: deleteClientCredentialRoute },
  // Client grants.
  { method: 'GET', pattern: /^\/api\/v2\/client-grants$/, scopes: ['read:client_grants'], takesBody: false, run: listClientGrants },
  { method: 'POST', pattern: /^\/api\/v2\/client-grants$/, scopes: ['create:client_grants'], takesBody: true, run: createClientGrantRoute },
  { method: 'GET', pattern: new RegExp(`^/api/v2/client-grants/${ID}$`), scopes: ['read:client_grants'], takesBody: false, run: getClientGrant },
  { method: 'PATCH', pattern: new RegExp(`^/api/v2/client-grants/${ID}$`), scopes: ['update:client_grants'], takesBody: true, run: updateClientGrantRoute },
  { method: 'DELETE', pattern: new RegExp(`^/api/v2/client-grants/${ID}$`), scopes: ['delete:client_grants'], takesBody: false, run: deleteClientGrantRoute },
  // Users.
  { method: 'GET', pattern: /^\/api\/v2\/users$/, scopes: ['read:users'], takesBody: false, run: listUsers },
  { method: 'GET', pattern: new RegExp(`^/api/v2/users/${ID}$`), scopes: ['read:users'], takesBody: false, run: getUser },
  { method: 'PATCH', pattern: new RegExp(`^/api/v2/users/${ID}$`), scopes: UPDATE_USER_SCOPES, takesBody: true, run: updateUserRoute },
  { method: 'GET', pattern: /^\/api\/v2\/users-by-email$/, scopes: ['read:users'], takesBody: false, run: listUsersByEmail },
  // APIs (resource servers): the Management API's own Token Expiration is changed here.
  { method: 'GET', pattern: /^\/api\/v2\/resource-servers$/, scopes: ['read:resource_servers'], takesBody: false, run: listResourceServers },
  { method: 'GET', pattern: new RegExp(`^/api/v2/resource-servers/${ID}$`), scopes: ['read:resource_servers'], takesBody: false, run: getResourceServer },
  { method: 'PATCH', pattern: new RegExp(`^/api/v2/resource-servers/${ID}$`), scopes: ['update:resource_servers'], takesBody: true, run: updateResourceServerRoute },
  { method: 'POST', pattern: /^\/api\/v2\/resource-servers$/, scopes: ['create:resource_servers'], takesBody: true, run: createResourceServerRoute },
  { method: 'DELETE', pattern: new RegExp(`^/api/v2/resource-servers/${ID}$`), scopes: ['delete:resource_servers'], takesBody: false, run: deleteResourceServerRoute },
  // The token denylist.
  { method: 'GET', pattern: /^\/api\/v2\/blacklists\/tokens$/, scopes: ['blacklist:tokens'], takesBody: false, run: listDenylist },
  { method: 'POST', pattern: /^\/api\/v2\/blacklists\/tokens$/, scopes: ['blacklist:tokens'], takesBody: true, run: addToDenylistRoute },
];

/**
 * Any request under `/api/v2/`: rate limit, route lookup (404), token verification (401),
 * scope check (403), body parsing (400/413/415), then the route. That is the order of a hapi
 * server like Auth0's, so an unknown route is a 404 even without a token.
 */
export async function handleManagementRequest(tenant: Tenant, request: Request, url: URL): Promise<Response> {
  const decision = tenant.takeRateLimit('management');
  const headers = rateLimitHeaders(decision);
  const outcome = decision.allowed ? await dispatch(tenant, request, url) : new TenantError('rate_limited');
  if (outcome instanceof TenantError) {
    const reply = managementErrorReply(outcome);
    return jsonResponse(reply.status, reply.body, { ...headers, ...reply.headers });
  }
  return outcome.body === undefined ? emptyResponse(outcome.status, headers) : jsonResponse(outcome.status, outcome.body, headers);
}

async function dispatch(tenant: Tenant, request: Request, url: URL): Promise<RouteOutcome> {
  const match = findRoute(request.method.toUpperCase(), url.pathname);
  if (match === undefined) return new TenantError('route_not_found');
  const { route, params } = match;

  const principal = await verifyAccessToken(tenant, request.headers.get('authorization'));
  if (principal instanceof TenantError) return principal;
  if (!route.scopes.some((scope) => principal.scopes.has(scope))) {
    return new TenantError('insufficient_scope', { expected: route.scopes });
  }

  let body: unknown;
  if (route.takesBody) {
    const read = await readRequestBody(request, ['json'], { assumeJson: true });
    if (read instanceof TenantError) return read;
    body = read.kind === 'json' ? read.value : undefined;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return new TenantError('body_not_object', { found: body === null ? 'null' : Array.isArray(body) ? 'array' : typeof body });
    }
  }
  return route.run({ tenant, query: url.searchParams, params, principal, body });
}

function findRoute(method: string, path: string): { route: ManagementRoute; params: string[] } | undefined {
  for (const route of MANAGEMENT_ROUTES) {
    if (route.method !== method) continue;
    const found = route.pattern.exec(path);
    if (found === null) continue;
    try {
      return { route, params: found.slice(1).map((param) => decodeURIComponent(param)) };
    } catch {
      // A broken percent-encoding cannot name any record.
      return undefined;
    }
  }
  return undefined;
}
