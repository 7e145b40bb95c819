import { ALL_CLIENT_FIELDS, presentClient, presentGlobalClient } from './client-fields.ts';
import { rotateGlobalClientSecret } from './global-client.ts';
import { presentationContext, type RouteContext, type RouteOutcome } from './management-route.ts';
import type { Application } from './model.ts';
import { newClientSecret } from './random-values.ts';
import type { TenantRecords } from './tenant.ts';
import { fail, ok, TenantError, type Result } from './tenant-error.ts';

/**
 * Gives an application a new random secret. The old secret stops working at `/oauth/token` at
 * once; tokens already issued stay valid until they expire (Auth0 cannot revoke them).
 */
export function rotateClientSecret(records: TenantRecords, clientId: string): Result<Application, 'inexistent_client'> {
  const app = records.applications.find((candidate) => candidate.client_id === clientId);
  if (app === undefined) return fail(new TenantError('inexistent_client'));
  app.client_secret = newClientSecret();
  return ok(structuredClone(app));
}

/**
 * `POST /api/v2/clients/{id}/rotate-secret` (scope `update:client_keys`): 200 with the application.
 * The Global Client's id rotates the Global Client Secret (see global-client.ts).
 */
export function rotateClientSecretRoute({ tenant, params }: RouteContext): RouteOutcome {
  const context = presentationContext(tenant);
  if (params[0] === tenant.records.globalClient.client_id) {
    const rotated = tenant.mutate((records) => rotateGlobalClientSecret(records));
    if (!rotated.ok) return rotated.error;
    return { status: 200, body: presentGlobalClient(rotated.value, context, ALL_CLIENT_FIELDS) };
  }
  const result = tenant.mutate((records) => rotateClientSecret(records, params[0]!));
  if (!result.ok) return result.error;
  return { status: 200, body: presentClient(result.value, context, ALL_CLIENT_FIELDS) };
}
