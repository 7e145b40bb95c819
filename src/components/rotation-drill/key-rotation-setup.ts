/**
 * Sets up a run of the lesson's in-browser key rotation: an operator application that may manage
 * credentials, and a service application put back to its client secret with no credentials, so
 * every run starts from the same place. Both are the lesson's own, so no other widget's app changes.
 *
 * @module
 */
import type { PreparedRun } from '../../playground/run-hooks.ts';
import { ensureLabApp } from '../../lab/lab-apps.ts';
import { TenantError, type Tenant } from '../../tenant/index.ts';

export const KEY_OPERATOR = { name: 'Drill: Key Operator', scopes: ['read:clients', 'update:clients', 'read:client_credentials', 'create:client_credentials', 'delete:client_credentials'] };
export const SIGNING_SERVICE = { name: 'Drill: Signing Service', scopes: ['read:clients'] };

export async function prepareKeyRotation(tenant: Tenant): Promise<PreparedRun> {
  const operatorId = ensureLabApp(tenant, KEY_OPERATOR).app.client_id;
  const serviceId = ensureLabApp(tenant, SIGNING_SERVICE).app.client_id;
  const switched = tenant.useClientSecret(serviceId);
  if (switched instanceof TenantError) throw new Error(`[key rotation] could not reset ${SIGNING_SERVICE.name}: ${switched.message}`);
  const credentials = tenant.credentials(serviceId);
  if (credentials instanceof TenantError) throw new Error(`[key rotation] ${credentials.message}`);
  for (const credential of credentials) tenant.deleteCredential(serviceId, String(credential.id));
  const operator = tenant.application(operatorId)!;
  return { app: { clientId: operator.client_id, clientSecret: operator.client_secret }, input: { serviceId } };
}
