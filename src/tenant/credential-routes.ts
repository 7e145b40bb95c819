import { MAX_CREDENTIALS_PER_APPLICATION } from './client-authentication.ts';
import { addCredentials, prepareCredential } from './create-client-credential.ts';
import { deleteClientCredential } from './delete-client-credential.ts';
import { getClientCredential } from './get-client-credential.ts';
import { listClientCredentials } from './list-client-credentials.ts';
import type { RouteContext, RouteOutcome } from './management-route.ts';
import { presentCredential } from './present-credential.ts';
import { TenantError } from './tenant-error.ts';
import { updateClientCredential } from './update-client-credential.ts';

/*
 * The routes of an application's credentials, `/api/v2/clients/{id}/credentials` (scopes
 * `read:`, `create:`, `update:` and `delete:client_credentials`, as Auth0's API reference lists
 * them). Answers never carry the key: a credential is shown as terraform-provider-auth0's
 * recorded traffic shows it (present-credential.ts).
 */

/** `GET /api/v2/clients/{id}/credentials`: 200 with a plain array, as Auth0 answers even with `include_totals`. */
export function listClientCredentialsRoute({ tenant, params }: RouteContext): RouteOutcome {
  const result = listClientCredentials(tenant.records, params[0]!);
  return result instanceof TenantError ? result : { status: 200, body: result.map(presentCredential) };
}

/** `POST /api/v2/clients/{id}/credentials`: 201 with the credential; a third one is refused. */
export async function createClientCredentialRoute({ tenant, params, body }: RouteContext): Promise<RouteOutcome> {
  const clientId = params[0]!;
  // Cheap refusals first: no application, or no room for another credential.
  const held = listClientCredentials(tenant.records, clientId);
  if (held instanceof TenantError) return held;
  if (held.length >= MAX_CREDENTIALS_PER_APPLICATION) return new TenantError('credential_limit', { limit: MAX_CREDENTIALS_PER_APPLICATION });
  const prepared = await prepareCredential(body, tenant.clock.now());
  if (prepared instanceof TenantError) return prepared;
  // Checked again as it is stored: another request may have added one while the key was read.
  const added = tenant.mutate((records) => addCredentials(records, clientId, [prepared]));
  return added instanceof TenantError ? added : { status: 201, body: presentCredential(added[0]!) };
}

/** `GET /api/v2/clients/{id}/credentials/{credential_id}`: 200 with the credential. */
export function getClientCredentialRoute({ tenant, params }: RouteContext): RouteOutcome {
  const result = getClientCredential(tenant.records, params[0]!, params[1]!);
  return result instanceof TenantError ? result : { status: 200, body: presentCredential(result) };
}

/** `PATCH /api/v2/clients/{id}/credentials/{credential_id}`: 200; only `expires_at` changes. */
export function updateClientCredentialRoute({ tenant, params, body }: RouteContext): RouteOutcome {
  const result = tenant.mutate((records) => updateClientCredential(records, params[0]!, params[1]!, body, tenant.clock.now()));
  return result instanceof TenantError ? result : { status: 200, body: presentCredential(result) };
}

/** `DELETE /api/v2/clients/{id}/credentials/{credential_id}`: 204; a credential still enabled is refused. */
export function deleteClientCredentialRoute({ tenant, params }: RouteContext): RouteOutcome {
  const result = tenant.mutate((records) => deleteClientCredential(records, params[0]!, params[1]!));
  return result instanceof TenantError ? result : { status: 204 };
}
