import { MAX_CREDENTIALS_PER_APPLICATION } from './client-authentication.ts';
import { holdsPrivateKey, readCredentialKey, type CredentialKeyError } from './credential-key.ts';
import type { ClientCredential, CredentialAlgorithm } from './model.ts';
import { checkShape, type Shape } from './payload-schema.ts';
import { newCredentialId, uniqueId } from './random-values.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/*
 * `POST /api/v2/clients/{id}/credentials` (scope `create:client_credentials`): a public key for
 * Private Key JWT. The body is node-auth0's `PostClientCredentialRequestContent`; the key is read
 * (credential-key.ts) before the record is stored, and the record is stored in one synchronous
 * step so the two-per-application limit holds however requests interleave.
 */

/** `expires_at` as Auth0 writes it (ISO 8601); the tenant also takes a date without milliseconds. */
export const EXPIRES_AT: Shape = { type: 'string', minLength: 10, maxLength: 40 };

/** The body of `POST /api/v2/clients/{id}/credentials` (node-auth0 `PostClientCredentialRequestContent`). */
export const NEW_CREDENTIAL_SHAPE: Extract<Shape, { type: 'object' }> = {
  type: 'object',
  required: ['credential_type'],
  properties: {
    credential_type: { type: 'string', enum: ['public_key', 'cert_subject_dn', 'x509_cert'] },
    name: { type: 'string', maxLength: 128 },
    subject_dn: { type: 'string', maxLength: 1_000 },
    pem: { type: 'string', minLength: 1, maxLength: 16_000 },
    alg: { type: 'string', enum: ['RS256', 'RS384', 'PS256'] },
    parse_expiry_from_cert: { type: 'boolean' },
    expires_at: EXPIRES_AT,
    // "Valid format is [0-9a-zA-Z-_]{10,64}" (node-auth0).
    kid: { type: 'string', pattern: '^[0-9a-zA-Z_-]{10,64}$' },
  },
};

/** A credential read and checked, not yet stored: what `addCredentials` needs. */
export type PreparedCredential = Omit<ClientCredential, 'id' | 'client_id'>;

/** The error codes creating a credential can end in. */
export type CreateCredentialError = 'invalid_body' | 'inexistent_client' | 'credential_limit' | 'credential_rule' | 'private_key_pem' | CredentialKeyError;

/**
 * Checks a body and reads its key, with the application's current count of credentials. `now` is
 * the tenant time in ms (for `created_at` and the future-date check of `expires_at`).
 */
export async function prepareCredential(body: unknown, now: number): Promise<PreparedCredential | TenantError<Exclude<CreateCredentialError, 'inexistent_client' | 'credential_limit'>>> {
  // A private key is refused before anything else, so no error can quote a piece of it.
  if (typeof body === 'object' && body !== null && typeof (body as { pem?: unknown }).pem === 'string' && holdsPrivateKey((body as { pem: string }).pem)) {
    return new TenantError('private_key_pem');
  }
  const problem = checkShape(body, NEW_CREDENTIAL_SHAPE);
  if (problem !== undefined) return new TenantError('invalid_body', problem);
  const fields = body as { credential_type: string; name?: string; subject_dn?: string; pem?: string; alg?: CredentialAlgorithm; parse_expiry_from_cert?: boolean; expires_at?: string; kid?: string };
  if (fields.credential_type !== 'public_key') return new TenantError('credential_rule', { problem: 'credential_type' });
  if (fields.subject_dn !== undefined) return new TenantError('credential_rule', { problem: 'subject_dn' });
  if (fields.pem === undefined) return new TenantError('invalid_body', { detail: 'Missing required property: pem', property: '' });
  if (fields.parse_expiry_from_cert === true) {
    if (fields.expires_at !== undefined) return new TenantError('credential_rule', { problem: 'expiry_exclusive' });
    return new TenantError('credential_rule', { problem: fields.pem.includes('-----BEGIN CERTIFICATE-----') ? 'expiry_from_certificate' : 'expiry_needs_certificate' });
  }
  const expiry = fields.expires_at === undefined ? undefined : checkExpiry(fields.expires_at, now);
  if (expiry instanceof TenantError) return expiry;
  const alg = fields.alg ?? 'RS256';
  const key = await readCredentialKey(fields.pem, alg);
  if (key instanceof TenantError) return key;
  const created = new Date(now).toISOString();
  return {
    credential_type: 'public_key',
    ...(fields.name === undefined ? {} : { name: fields.name }),
    kid: fields.kid ?? key.thumbprint,
    alg,
    pem: fields.pem,
    created_at: created,
    updated_at: created,
    ...(expiry === undefined ? {} : { expires_at: expiry }),
  };
}

/** An ISO 8601 date in the future, normalized the way Auth0 shows it (`2033-05-13T09:33:13.000Z`). */
export function checkExpiry(text: string, now: number): string | TenantError<'credential_rule'> {
  const time = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(time)) return new TenantError('credential_rule', { problem: 'expires_at_format' });
  if (time <= now) return new TenantError('credential_rule', { problem: 'expires_at_past' });
  return new Date(time).toISOString();
}

/**
 * Stores prepared credentials for an application, all or none: at most
 * MAX_CREDENTIALS_PER_APPLICATION at once, counting the ones it has.
 */
export function addCredentials(records: TenantRecords, clientId: string, prepared: readonly PreparedCredential[]): ClientCredential[] | TenantError<'inexistent_client' | 'credential_limit'> {
  if (!records.applications.some((app) => app.client_id === clientId)) return new TenantError('inexistent_client');
  const held = records.credentials.filter((credential) => credential.client_id === clientId).length;
  if (held + prepared.length > MAX_CREDENTIALS_PER_APPLICATION) return new TenantError('credential_limit', { limit: MAX_CREDENTIALS_PER_APPLICATION });
  const added = prepared.map((credential) => {
    const record: ClientCredential = { id: uniqueId(newCredentialId, (id) => records.credentials.some((existing) => existing.id === id)), client_id: clientId, ...credential };
    records.credentials.push(record);
    return record;
  });
  return structuredClone(added);
}
