import { usesPrivateKeyJwt } from './client-authentication.ts';
import type { Application } from './model.ts';
import { newClientSecret } from './random-values.ts';
import { changeClientSecret, type SecretChangeOptions } from './secret-switch.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/** The error codes rotating a secret can end in. */
export type RotateSecretError = 'inexistent_client' | 'rotate_private_key_jwt_client';

/**
 * Gives an application a new random secret. The old secret keeps working at `/oauth/token` for
 * SECRET_SWITCH_SECONDS of tenant time and the new one starts working after them (secret-switch.ts),
 * unless `options.immediate`; tokens already issued stay valid until they expire (Auth0 cannot
 * revoke them). An application that uses Private Key JWT is refused, as Auth0's endpoint
 * documents.
 */
export function rotateClientSecret(records: TenantRecords, clientId: string, now: number, options: SecretChangeOptions = {}): Application | TenantError<RotateSecretError> {
  const app = records.applications.find((candidate) => candidate.client_id === clientId);
  if (app === undefined) return new TenantError('inexistent_client');
  if (usesPrivateKeyJwt(app)) return new TenantError('rotate_private_key_jwt_client');
  changeClientSecret(records, app, newClientSecret(), now, options);
  return structuredClone(app);
}
