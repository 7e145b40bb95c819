import type { User } from './model.ts';
import { checkShape, type Shape } from './payload-schema.ts';
import { tightened, UPDATE_USER_BODY } from './sdk-request-shapes.ts';
import { findUser } from './present-user.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/** A token needs one of these to call `PATCH /api/v2/users/{id}` at all. */
export const UPDATE_USER_SCOPES: readonly string[] = ['update:users', 'update:users_app_metadata'];

// Metadata is free-form JSON; only its top level is merged.
const METADATA_SHAPE: Shape = { type: 'object', properties: {}, additional: { type: 'any' } };

/**
 * The sandbox's length limits on the user attributes a PATCH may set: they keep a saved tenant
 * small, and the saved tenant is checked against the same ones when it is restored.
 */
export const USER_ATTRIBUTE_SHAPES: Readonly<Record<string, Shape>> = {
  email: { type: 'string', minLength: 3, maxLength: 320 },
  name: { type: 'string', minLength: 1, maxLength: 300 },
  nickname: { type: 'string', minLength: 1, maxLength: 300 },
  given_name: { type: 'string', maxLength: 300 },
  family_name: { type: 'string', maxLength: 300 },
  username: { type: 'string', maxLength: 300 },
  picture: { type: 'string', maxLength: 2_000 },
  phone_number: { type: 'string', maxLength: 40 },
};

/** Every field node-auth0 documents for the PATCH, with those limits. */
const USER_CHANGES_SHAPE = tightened(UPDATE_USER_BODY, { ...USER_ATTRIBUTE_SHAPES, app_metadata: METADATA_SHAPE, user_metadata: METADATA_SHAPE });

/**
 * Names Auth0 keeps for itself: "The app_metadata field must not contain any of these properties"
 * (Auth0 "Metadata Field Names and Data Types").
 */
export const RESERVED_APP_METADATA_NAMES: readonly string[] = [
  '__tenant', '_id', 'blocked', 'clientID', 'created_at', 'email_verified', 'email', 'globalClientID', 'global_client_id',
  'identities', 'lastIP', 'lastLogin', 'loginsCount', 'metadata', 'multifactor_last_modified', 'multifactor', 'updated_at', 'user_id',
];

// Instructions for the change (how to verify, which connection), not attributes of the user.
const INSTRUCTIONS: ReadonlySet<string> = new Set(['password', 'verify_email', 'verify_phone_number', 'connection', 'client_id']);
// The sandbox keeps these on every user; the SDK lets PATCH send null, but no source says what Auth0 does then.
const KEPT: ReadonlySet<string> = new Set(['email']);

/** The error codes changing a user can end in. */
export type UpdateUserError = 'invalid_body' | 'user_property_not_supported' | 'insufficient_scope' | 'inexistent_user' | 'metadata_field_name' | 'forbidden_metadata_attribute';

/**
 * Changes a user, like `PATCH /api/v2/users/{id}`. `app_metadata` and `user_metadata` are merged
 * at their top level: a key set to `null` is removed, a nested object is replaced whole, and `{}`
 * empties the metadata. Other attributes are replaced, and `null` removes one. `password`,
 * `verify_*`, `connection` and `client_id` are accepted and change nothing the sandbox shows.
 * `updated_at` becomes `now`.
 *
 * Metadata names follow Auth0's rules: no `.` or `$` at any depth, and none of the names Auth0
 * reserves in `app_metadata`. `scopes` are the caller's: `update:users_app_metadata` alone may
 * change `app_metadata` only; everything else needs `update:users`. A refused change leaves the
 * user untouched.
 */
export function updateUser(records: TenantRecords, userId: string, changes: unknown, scopes: ReadonlySet<string>, now: string): User | TenantError<UpdateUserError> {
  const problem = checkShape(changes, USER_CHANGES_SHAPE);
  if (problem !== undefined) return new TenantError('invalid_body', problem);
  const fields = changes as Record<string, unknown>;
  const names = Object.keys(fields);
  if (names.length === 0) return new TenantError('invalid_body', { detail: 'Too few properties defined (0), minimum 1', property: '' });
  const kept = names.find((name) => KEPT.has(name) && fields[name] === null);
  if (kept !== undefined) return new TenantError('user_property_not_supported', { property: kept });
  const metadataProblem = metadataNameProblem(fields.app_metadata, true) ?? metadataNameProblem(fields.user_metadata, false);
  if (metadataProblem !== undefined) return metadataProblem;
  if (!scopes.has('update:users') && names.some((name) => name !== 'app_metadata')) {
    return new TenantError('insufficient_scope', { expected: ['update:users'] });
  }
  const user = findUser(records, userId);
  if (user instanceof TenantError) return user;

  for (const [name, value] of Object.entries(structuredClone(fields))) {
    if (INSTRUCTIONS.has(name)) continue;
    if (name === 'app_metadata' || name === 'user_metadata') user[name] = mergeMetadata(user[name], value as Record<string, unknown>);
    else if (value === null) delete user[name];
    else user[name] = value;
  }
  user.updated_at = now;
  return structuredClone(user);
}

function metadataNameProblem(metadata: unknown, isAppMetadata: boolean): TenantError<'metadata_field_name' | 'forbidden_metadata_attribute'> | undefined {
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  if (isAppMetadata) {
    const reserved = Object.keys(metadata).find((name) => RESERVED_APP_METADATA_NAMES.includes(name));
    if (reserved !== undefined) return new TenantError('forbidden_metadata_attribute', { name: reserved });
  }
  const character = forbiddenCharacter(metadata, 0);
  return character === undefined ? undefined : new TenantError('metadata_field_name', { character });
}

// "Field names must not contain the . (dot) or $ (dollar sign) characters", nested names included.
function forbiddenCharacter(value: unknown, depth: number): '.' | '$' | undefined {
  if (typeof value !== 'object' || value === null || depth > 32) return undefined;
  for (const [name, inner] of Object.entries(value)) {
    if (!Array.isArray(value) && name.includes('.')) return '.';
    if (!Array.isArray(value) && name.includes('$')) return '$';
    const found = forbiddenCharacter(inner, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function mergeMetadata(current: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  if (Object.keys(changes).length === 0) return {};
  // A Map, then fromEntries: a key such as "__proto__" stays an ordinary key.
  const merged = new Map(Object.entries(current));
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) merged.delete(key);
    else merged.set(key, structuredClone(value));
  }
  return Object.fromEntries(merged);
}
