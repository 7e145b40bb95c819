import { addToDenylist } from './add-to-denylist.ts';
import { ALL_CLIENT_FIELDS, presentClient, presentGlobalClient } from './client-fields.ts';
import { createClientGrant } from './create-client-grant.ts';
import { createApplication, inlineCredentials } from './create-client.ts';
import { MAX_CREDENTIALS_PER_APPLICATION } from './client-authentication.ts';
import { prepareCredential, type PreparedCredential } from './create-client-credential.ts';
import { NEW_CLIENT_SHAPE } from './application-shape.ts';
import { checkShape } from './payload-schema.ts';
import { deleteClientGrant } from './delete-client-grant.ts';
import { deleteClient } from './delete-client.ts';
import { rotateGlobalClientSecret } from './global-client.ts';
import { presentationContext, type RouteContext, type RouteOutcome } from './management-route.ts';
import { presentUser, userIdProblem } from './present-user.ts';
import { rotateClientSecret } from './rotate-client-secret.ts';
import { TenantError } from './tenant-error.ts';
import { updateClientGrant } from './update-client-grant.ts';
import { checkClientChanges, updateClient } from './update-client.ts';
import { updateResourceServer } from './update-resource-server.ts';
import { updateUser } from './update-user.ts';
import { createResourceServer } from './create-resource-server.ts';
import { deleteResourceServer } from './delete-resource-server.ts';
import { presentResourceServer } from './present-resource-server.ts';

/*
 * The Management API routes that change records. Each maps HTTP onto an operation that lives in a
 * file of its own (create-client.ts, …) and runs it through `tenant.mutate`, so a change is
 * announced once, whether it came over HTTP or from a lesson calling the tenant's methods.
 */

/**
 * `POST /api/v2/clients` (scope `create:clients`): 201 with the whole application, secret included.
 * Inline Private Key JWT credentials are read first (their keys), then created with it.
 */
export async function createClientRoute({ tenant, body }: RouteContext): Promise<RouteOutcome> {
  const inline = inlineCredentials(body);
  let keys: PreparedCredential[] | undefined;
  if (inline !== undefined) {
    const problem = checkShape(body, NEW_CLIENT_SHAPE);
    if (problem !== undefined) return new TenantError('invalid_body', problem);
    if (inline.length > MAX_CREDENTIALS_PER_APPLICATION) return new TenantError('credential_limit', { limit: MAX_CREDENTIALS_PER_APPLICATION });
    keys = [];
    for (const item of inline) {
      const prepared = await prepareCredential(item, tenant.clock.now());
      if (prepared instanceof TenantError) return prepared;
      keys.push(prepared);
    }
  }
  const result = tenant.mutate((records) => createApplication(records, body, keys));
  if (result instanceof TenantError) return result;
  const context = presentationContext(tenant);
  return { status: 201, body: presentClient(result, context, ALL_CLIENT_FIELDS) };
}

/**
 * `POST /api/v2/clients/{id}/rotate-secret` (scope `update:client_keys`): 200 with the application
 * and its new secret, which takes over after SECRET_SWITCH_SECONDS (secret-switch.ts). The Global
 * Client's id rotates the Global Client Secret at once (see global-client.ts).
 */
export function rotateClientSecretRoute({ tenant, params }: RouteContext): RouteOutcome {
  const context = presentationContext(tenant);
  if (params[0] === tenant.records.globalClient.client_id) {
    const rotated = tenant.mutate((records) => rotateGlobalClientSecret(records));
    return { status: 200, body: presentGlobalClient(rotated, context, ALL_CLIENT_FIELDS) };
  }
  const result = tenant.mutate((records) => rotateClientSecret(records, params[0]!, tenant.clock.now()));
  if (result instanceof TenantError) return result;
  return { status: 200, body: presentClient(result, context, ALL_CLIENT_FIELDS) };
}

/**
 * `PATCH /api/v2/clients/{id}` (any of `update:clients`, `update:client_keys`): 200 with the
 * client. Changing `client_secret` needs `update:client_keys` (Auth0's API reference); every
 * other field needs `update:clients`.
 */
export function updateClientRoute({ tenant, params, body, principal }: RouteContext): RouteOutcome {
  const problem = checkClientChanges(body);
  if (problem !== undefined) return problem;
  const names = Object.keys(body as object);
  if (names.includes('client_secret') && !principal.scopes.has('update:client_keys')) return new TenantError('insufficient_scope', { expected: ['update:client_keys'] });
  if (names.some((name) => name !== 'client_secret') && !principal.scopes.has('update:clients')) return new TenantError('insufficient_scope', { expected: ['update:clients'] });
  const result = tenant.mutate((records) => updateClient(records, params[0]!, body, tenant.clock.now()));
  if (result instanceof TenantError) return result;
  const context = presentationContext(tenant);
  const client = 'global' in result ? presentGlobalClient(result.global, context, ALL_CLIENT_FIELDS) : presentClient(result.application, context, ALL_CLIENT_FIELDS);
  return { status: 200, body: client };
}

/** `DELETE /api/v2/clients/{id}` (scope `delete:clients`): 204 without a body. */
export function deleteClientRoute({ tenant, params }: RouteContext): RouteOutcome {
  const result = tenant.mutate((records) => deleteClient(records, params[0]!));
  return result instanceof TenantError ? result : { status: 204 };
}

/** `POST /api/v2/client-grants` (scope `create:client_grants`): 201 with the grant. */
export function createClientGrantRoute({ tenant, body }: RouteContext): RouteOutcome {
  const result = tenant.mutate((records) => createClientGrant(records, body));
  return result instanceof TenantError ? result : { status: 201, body: result };
}

/** `PATCH /api/v2/client-grants/{id}` (scope `update:client_grants`): 200 with the grant. */
export function updateClientGrantRoute({ tenant, params, body }: RouteContext): RouteOutcome {
  const result = tenant.mutate((records) => updateClientGrant(records, params[0]!, body));
  return result instanceof TenantError ? result : { status: 200, body: result };
}

/** `DELETE /api/v2/client-grants/{id}` (scope `delete:client_grants`): 204 without a body. */
export function deleteClientGrantRoute({ tenant, params }: RouteContext): RouteOutcome {
  const result = tenant.mutate((records) => deleteClientGrant(records, params[0]!));
  return result instanceof TenantError ? result : { status: 204 };
}

/** `PATCH /api/v2/users/{id}` (scope `update:users`, or `update:users_app_metadata` for `app_metadata`): 200 with the user. */
export function updateUserRoute({ tenant, params, body, principal }: RouteContext): RouteOutcome {
  const idProblem = userIdProblem(params[0]!);
  if (idProblem !== undefined) return idProblem;
  const now = new Date(tenant.clock.now()).toISOString();
  const result = tenant.mutate((records) => updateUser(records, params[0]!, body, principal.scopes, now));
  return result instanceof TenantError ? result : { status: 200, body: presentUser(result) };
}

/** `PATCH /api/v2/resource-servers/{id}` (scope `update:resource_servers`): 200 with the API. */
export function updateResourceServerRoute({ tenant, params, body }: RouteContext): RouteOutcome {
  const result = tenant.mutate((records) => updateResourceServer(records, params[0]!, body));
  return result instanceof TenantError ? result : { status: 200, body: result };
}

/** `POST /api/v2/resource-servers` (scope `create:resource_servers`): 201 with the API. */
export function createResourceServerRoute({ tenant, body }: RouteContext): RouteOutcome {
  const result = tenant.mutate((records) => createResourceServer(records, body));
  return result instanceof TenantError ? result : { status: 201, body: presentResourceServer(result) };
}

/** `DELETE /api/v2/resource-servers/{id}` (scope `delete:resource_servers`): 204 without a body. */
export function deleteResourceServerRoute({ tenant, params }: RouteContext): RouteOutcome {
  const result = tenant.mutate((records) => deleteResourceServer(records, params[0]!));
  return result instanceof TenantError ? result : { status: 204 };
}

/** `POST /api/v2/blacklists/tokens` (scope `blacklist:tokens`): 204 with no body, as Auth0 answers. */
export function addToDenylistRoute({ tenant, body, principal }: RouteContext): RouteOutcome {
  const aud = principal.claims.aud;
  const callerAudience = (Array.isArray(aud) ? aud[0] : aud) ?? tenant.managementAudience;
  const result = tenant.mutate((records) => addToDenylist(records, body, callerAudience.slice(0, 600)));
  return result instanceof TenantError ? result : { status: 204 };
}
