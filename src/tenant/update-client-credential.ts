import { checkExpiry, EXPIRES_AT } from './create-client-credential.ts';
import type { ClientCredential } from './model.ts';
import { checkShape, type Shape } from './payload-schema.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/**
 * `PATCH /api/v2/clients/{id}/credentials/{credential_id}`: "The only field you can update is the
 * expires_at field. The rest of the attributes are immutable" (Auth0, "Configure Private Key JWT
 * Authentication"); node-auth0's `PatchClientCredentialRequestContent` lets `null` clear it.
 */
export const CREDENTIAL_CHANGES_SHAPE: Shape = { type: 'object', properties: { expires_at: { ...EXPIRES_AT, nullable: true } } };

export function updateClientCredential(records: TenantRecords, clientId: string, credentialId: string, changes: unknown, now: number): ClientCredential | TenantError<'invalid_body' | 'credential_rule' | 'inexistent_client' | 'inexistent_credential'> {
  const problem = checkShape(changes, CREDENTIAL_CHANGES_SHAPE);
  if (problem !== undefined) return new TenantError('invalid_body', problem);
  if (!records.applications.some((app) => app.client_id === clientId)) return new TenantError('inexistent_client');
  const credential = records.credentials.find((candidate) => candidate.id === credentialId && candidate.client_id === clientId);
  if (credential === undefined) return new TenantError('inexistent_credential');
  const { expires_at: expiresAt } = changes as { expires_at?: string | null };
  if (expiresAt === undefined) return structuredClone(credential);
  if (expiresAt === null) delete credential.expires_at;
  else {
    const checked = checkExpiry(expiresAt, now);
    if (checked instanceof TenantError) return checked;
    credential.expires_at = checked;
  }
  credential.updated_at = new Date(now).toISOString();
  return structuredClone(credential);
}
