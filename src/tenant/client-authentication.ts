import type { Application } from './model.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/*
 * How an application proves itself at /oauth/token: a client secret (`token_endpoint_auth_method`)
 * or Private Key JWT (`client_authentication_methods.private_key_jwt.credentials`, a list of ids of
 * its own credentials). Auth0's "Configure Private Key JWT Authentication" has the switch send
 * `token_endpoint_auth_method: null` with the credentials, needs `jwt_configuration.alg` RS256, and
 * allows "a maximum of two credentials"; terraform-provider-auth0's recorded traffic shows the
 * same PATCH. The other methods in the field (mTLS) are stored as sent and not acted on.
 */

/** Credentials an application may have at once, and so use for Private Key JWT ("Configure Private Key JWT Authentication": "Applications can have a maximum of two credentials configured"). */
export const MAX_CREDENTIALS_PER_APPLICATION = 2;

/** The ids an application lists for Private Key JWT, or `undefined` when it does not use it. */
export function privateKeyJwtCredentialIds(app: Application): string[] | undefined {
  const methods = app.client_authentication_methods;
  if (typeof methods !== 'object' || methods === null) return undefined;
  const method = (methods as { private_key_jwt?: unknown }).private_key_jwt;
  if (typeof method !== 'object' || method === null) return undefined;
  const credentials = (method as { credentials?: unknown }).credentials;
  if (!Array.isArray(credentials)) return undefined;
  return credentials.map((entry: unknown) => String((entry as { id?: unknown } | null)?.id ?? ''));
}

/** True when the application authenticates with Private Key JWT, and so not with its secret. */
export function usesPrivateKeyJwt(app: Application): boolean {
  return privateKeyJwtCredentialIds(app) !== undefined;
}

/**
 * What is wrong with an application's (merged, about to be stored) Private Key JWT settings: one or
 * two distinct ids of its own credentials, no secret method beside them, RS256 for its tokens.
 */
export function clientAuthenticationProblem(records: Pick<TenantRecords, 'credentials'>, app: Application): TenantError<'client_authentication'> | undefined {
  const ids = privateKeyJwtCredentialIds(app);
  if (ids === undefined) return undefined;
  if (ids.length === 0) return new TenantError('client_authentication', { problem: 'no_credentials' });
  if (ids.length > MAX_CREDENTIALS_PER_APPLICATION) return new TenantError('client_authentication', { problem: 'too_many', limit: MAX_CREDENTIALS_PER_APPLICATION });
  const twice = ids.find((id, index) => ids.indexOf(id) !== index);
  if (twice !== undefined) return new TenantError('client_authentication', { problem: 'duplicate', credentialId: twice.slice(0, 100) });
  const foreign = ids.find((id) => !records.credentials.some((credential) => credential.id === id && credential.client_id === app.client_id));
  if (foreign !== undefined) return new TenantError('client_authentication', { problem: 'not_own', credentialId: foreign.slice(0, 100) });
  if (app.token_endpoint_auth_method !== null) return new TenantError('client_authentication', { problem: 'auth_method_set' });
  if (app.jwt_configuration.alg !== 'RS256') return new TenantError('client_authentication', { problem: 'jwt_alg' });
  return undefined;
}
