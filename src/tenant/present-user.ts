import type { FieldSelection } from './client-fields.ts';
import type { User } from './model.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/*
 * What the user routes share: finding a user by the id in the path, and showing a user the way
 * the Management API does.
 */

// Longer ids cannot name a user; refusing them keeps a hostile path out of error messages.
const MAX_USER_ID_LENGTH = 512;

/**
 * Checks the shape of a user id from a path, as Auth0 does before anything else: it must read
 * `<provider>|<id>` (e.g. `auth0|6650…`), or the request is a 400 `invalid_uri`.
 */
export function userIdProblem(userId: string): TenantError<'invalid_user_id'> | undefined {
  const bar = userId.indexOf('|');
  if (bar > 0 && bar < userId.length - 1 && userId.length <= MAX_USER_ID_LENGTH) return undefined;
  return new TenantError('invalid_user_id', { id: userId.slice(0, 200) });
}

/** The user with this id, or a 404 `inexistent_user`. */
export function findUser(records: Readonly<TenantRecords>, userId: string): User | TenantError<'inexistent_user'> {
  return records.users.find((user) => user.user_id === userId) ?? new TenantError('inexistent_user');
}

/**
 * A user as the Management API returns it: a copy, cut down to the caller's `fields` selection.
 * Empty metadata is left out, as on a real tenant, where patching a metadata object with `{}`
 * removes it from the profile.
 */
export function presentUser(user: User, selection?: FieldSelection): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(structuredClone(user))) {
    if ((field === 'app_metadata' || field === 'user_metadata') && Object.keys(value as object).length === 0) continue;
    if (selection !== undefined && selection.fields.has(field) !== selection.include) continue;
    out[field] = value;
  }
  return out;
}
