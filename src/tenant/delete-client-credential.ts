import { privateKeyJwtCredentialIds } from './client-authentication.ts';
import type { ClientCredential } from './model.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/**
 * Deletes a credential (`DELETE /api/v2/clients/{id}/credentials/{credential_id}`). One still
 * enabled for Private Key JWT is refused: "You must unassociate the credential from your
 * application or you will not be able to remove it" (Auth0, "Rotate Credentials").
 */
export function deleteClientCredential(records: TenantRecords, clientId: string, credentialId: string): ClientCredential | TenantError<'inexistent_client' | 'inexistent_credential' | 'credential_in_use'> {
  const app = records.applications.find((candidate) => candidate.client_id === clientId);
  if (app === undefined) return new TenantError('inexistent_client');
  const index = records.credentials.findIndex((credential) => credential.id === credentialId && credential.client_id === clientId);
  if (index === -1) return new TenantError('inexistent_credential');
  if (privateKeyJwtCredentialIds(app)?.includes(credentialId) === true) return new TenantError('credential_in_use');
  const [removed] = records.credentials.splice(index, 1);
  return removed!;
}
