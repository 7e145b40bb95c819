import type { ClientCredential } from './model.ts';

/**
 * A credential as the Management API shows it, in the order terraform-provider-auth0's recorded
 * traffic has: never the key itself, and not the owner (the path already names it).
 */
export function presentCredential(credential: ClientCredential): Record<string, unknown> {
  return {
    id: credential.id,
    credential_type: credential.credential_type,
    kid: credential.kid,
    alg: credential.alg,
    ...(credential.name === undefined ? {} : { name: credential.name }),
    created_at: credential.created_at,
    updated_at: credential.updated_at,
    ...(credential.expires_at === undefined ? {} : { expires_at: credential.expires_at }),
  };
}
