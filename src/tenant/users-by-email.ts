import { parseFieldSelection } from './client-fields.ts';
import type { RouteContext, RouteOutcome } from './management-route.ts';
import { presentUser } from './present-user.ts';
import { singleParameter } from './query-parameters.ts';
import { TenantError } from './tenant-error.ts';

const EMAIL_FORMAT = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * `GET /api/v2/users-by-email?email=` (scope `read:users`): every user with exactly that email,
 * as an array (one per connection on a real tenant; empty when nobody has it). Auth0 documents
 * the match as case-sensitive, unlike the `q=email:` search.
 */
export function listUsersByEmail({ tenant, query }: RouteContext): RouteOutcome {
  const email = singleParameter(query, 'email');
  if (email instanceof TenantError) return email;
  if (email === undefined) return new TenantError('invalid_query', { detail: 'Missing required property: email' });
  if (email === '') return new TenantError('invalid_query', { detail: 'String is too short (0 chars), minimum 1', property: 'email' });
  // Auth0 validates the format (a test suite run against a real tenant expects "Object didn't pass
  // validation for format email" for loktar@ogar): a local part, @, and a dotted domain.
  if (!EMAIL_FORMAT.test(email)) return new TenantError('invalid_query', { detail: `Object didn't pass validation for format email: ${email.slice(0, 200)}`, property: 'email' });
  const selection = parseFieldSelection(query);
  if (selection instanceof TenantError) return selection;
  const users = tenant.records.users.filter((user) => user.email === email).map((user) => presentUser(user, selection));
  return { status: 200, body: users };
}
