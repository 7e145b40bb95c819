import type { User } from './model.ts';
import { checkShape, type Shape } from './payload-schema.ts';
import { findUser } from './present-user.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/** A token needs one of these to call `PATCH /api/v2/users/{id}` at all. */
export const UPDATE_USER_SCOPES: readonly string[] = ['update:users', 'update:users_app_metadata'];

// Metadata is free-form JSON; only its top level is merged, so only the top level is typed here.
const METADATA_SHAPE: Shape = { type: 'object', properties: {}, additional: { type: 'any' } };

const USER_CHANGES_SHAPE: Shape = {
  type: 'object',
  properties: {
    app_metadata: METADATA_SHAPE,
    user_metadata: METADATA_SHAPE,
    blocked: { type: 'boolean' },
    email_verified: { type: 'boolean' },
    name: { type: 'string', minLength: 1, maxLength: 300 },
    nickname: { type: 'string', minLength: 1, maxLength: 300 },
    // Documented by Auth0 for this route, but nothing the sandbox models: refused by name below.
    ...Object.fromEntries(
      ['email', 'phone_number', 'phone_verified', 'given_name', 'family_name', 'picture', 'password', 'username', 'verify_email', 'verify_phone_number', 'connection', 'client_id'].map((name) => [name, { type: 'any' }]),
    ),
  },
};

const STORED_FIELDS = new Set(['app_metadata', 'user_metadata', 'blocked', 'email_verified', 'name', 'nickname']);

/** The error codes changing a user can end in. */
export type UpdateUserError = 'invalid_body' | 'user_property_not_supported' | 'insufficient_scope' | 'inexistent_user';

type UserChanges = Partial<Pick<User, 'app_metadata' | 'user_metadata' | 'blocked' | 'email_verified' | 'name' | 'nickname'>>;

/**
 * Changes a user, like `PATCH /api/v2/users/{id}`. `app_metadata` and `user_metadata` are merged
 * at their top level: a key set to `null` is removed, a nested object is replaced whole, and `{}`
 * empties the metadata. Other fields are replaced. `updated_at` becomes `now`.
 *
 * `scopes` are the caller's: `update:users_app_metadata` alone may change `app_metadata` only;
 * everything else needs `update:users`. A refused change leaves the user untouched.
 */
export function updateUser(records: TenantRecords, userId: string, changes: unknown, scopes: ReadonlySet<string>, now: string): User | TenantError<UpdateUserError> {
  const problem = checkShape(changes, USER_CHANGES_SHAPE);
  if (problem !== undefined) return new TenantError('invalid_body', problem);
  const fields = Object.keys(changes as object);
  if (fields.length === 0) return new TenantError('invalid_body', { detail: 'Too few properties defined (0), minimum 1', property: '' });
  const unsupported = fields.find((field) => !STORED_FIELDS.has(field));
  if (unsupported !== undefined) return new TenantError('user_property_not_supported', { property: unsupported });
  if (!scopes.has('update:users') && fields.some((field) => field !== 'app_metadata')) {
    return new TenantError('insufficient_scope', { expected: ['update:users'] });
  }
  const user = findUser(records, userId);
  if (user instanceof TenantError) return user;

  const { app_metadata: appMetadata, user_metadata: userMetadata, ...plain } = changes as UserChanges;
  if (appMetadata !== undefined) user.app_metadata = mergeMetadata(user.app_metadata, appMetadata);
  if (userMetadata !== undefined) user.user_metadata = mergeMetadata(user.user_metadata, userMetadata);
  Object.assign(user, plain);
  user.updated_at = now;
  return structuredClone(user);
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
