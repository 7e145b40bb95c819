import { CLIENT_CHANGES_SHAPE, CLIENT_METADATA_SHAPE, grantTypesProblem } from './application-shape.ts';
import { clientAuthenticationProblem } from './client-authentication.ts';
import { setGlobalClientSecret } from './global-client.ts';
import type { Application, GlobalClient } from './model.ts';
import { checkShape, type Shape } from './payload-schema.ts';
import { changeClientSecret, type SecretChangeOptions } from './secret-switch.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

const METADATA_VALUE_SHAPE: Shape = { type: 'string', maxLength: 255 };

/** What an update changed: an application, or the Global Client's secret. */
export type UpdatedClient = { readonly application: Application } | { readonly global: GlobalClient };

/** The error codes updating a client can end in. */
export type UpdateClientError = 'invalid_body' | 'invalid_grant_types' | 'inexistent_client' | 'global_client_field' | 'global_client_secret' | 'client_authentication';

/** The first shape problem of a PATCH body, as Auth0's "Payload validation error". */
export function checkClientChanges(changes: unknown): TenantError<'invalid_body'> | undefined {
  const problem = checkShape(changes, CLIENT_CHANGES_SHAPE);
  if (problem !== undefined) return new TenantError('invalid_body', problem);
  const metadata = (changes as { client_metadata?: Record<string, unknown> }).client_metadata ?? {};
  for (const [key, value] of Object.entries(metadata)) {
    const valueProblem = value === null ? undefined : checkShape(value, METADATA_VALUE_SHAPE, `client_metadata.${key.slice(0, 100)}`);
    if (valueProblem !== undefined) return new TenantError('invalid_body', valueProblem);
  }
  return undefined;
}

/**
 * Applies a PATCH body to a client, all or nothing: the merged result is checked (10 metadata
 * keys at most; Auth0's grant-type rule; Private Key JWT settings that name only the application's
 * own credentials, client-authentication.ts) before anything is stored. A new `client_secret`
 * switches in like a rotated one, after SECRET_SWITCH_SECONDS of tenant time from `now` (ms)
 * unless `options.immediate`. The Global Client takes only `client_secret`, at once.
 */
export function updateClient(records: TenantRecords, clientId: string, changes: unknown, now: number, options: SecretChangeOptions = {}): UpdatedClient | TenantError<UpdateClientError> {
  const problem = checkClientChanges(changes);
  if (problem !== undefined) return problem;
  const fields = changes as Record<string, unknown>;
  if (clientId === records.globalClient.client_id) {
    const other = Object.keys(fields).find((name) => name !== 'client_secret');
    if (other !== undefined) return new TenantError('global_client_field', { property: other });
    if (typeof fields.client_secret !== 'string') return { global: { ...records.globalClient } };
    const global = setGlobalClientSecret(records, fields.client_secret);
    return global instanceof TenantError ? global : { global };
  }
  const index = records.applications.findIndex((app) => app.client_id === clientId);
  if (index === -1) return new TenantError('inexistent_client');
  const current = records.applications[index]!;
  const merged = mergeChanges(current, fields);
  const metadataProblem = checkShape(merged.client_metadata, CLIENT_METADATA_SHAPE, 'client_metadata');
  if (metadataProblem !== undefined) return new TenantError('invalid_body', metadataProblem);
  const grantProblem = grantTypesProblem(merged.grant_types, merged.app_type, merged.token_endpoint_auth_method);
  if (grantProblem !== undefined) return grantProblem;
  const authenticationProblem = clientAuthenticationProblem(records, merged);
  if (authenticationProblem !== undefined) return authenticationProblem;
  const secret = merged.client_secret;
  merged.client_secret = current.client_secret;
  records.applications[index] = merged;
  if (secret !== current.client_secret) changeClientSecret(records, merged, secret, now, options);
  return { application: structuredClone(merged) };
}

/*
 * A null clears a field the SDK marks nullable. The sandbox's own fields keep a value (Auth0 then
 * shows its default): `token_endpoint_auth_method` becomes null, as Auth0 sets it when an
 * application moves to Private Key JWT; any other stored field is removed.
 */
function mergeChanges(app: Application, fields: Record<string, unknown>): Application {
  const merged: Application = structuredClone(app);
  for (const [name, value] of Object.entries(structuredClone(fields))) {
    if (name === 'jwt_configuration') merged.jwt_configuration = { ...app.jwt_configuration, ...(value as object) };
    else if (name === 'client_metadata') merged.client_metadata = mergeMetadata(app.client_metadata, value as Record<string, string | null>);
    else if (value === null && name !== 'token_endpoint_auth_method') delete merged[name];
    else merged[name] = value;
  }
  return merged;
}

function mergeMetadata(current: Record<string, string>, changes: Record<string, string | null>): Record<string, string> {
  const next = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}
