import type { TenantErrorCode, TenantErrorDetails } from './error-codes.ts';
import { describeTenantError } from './error-responses.ts';

/*
 * How the tenant reports failure, one way throughout (as jose gives every failure a class with a
 * stable code, and DESIGN asks for errors as values):
 * - Anything a request or a lesson can get wrong (bad input, an unknown record, a refused token)
 *   is returned, never thrown: a function returns `T | TenantError<C>`, naming the codes it can
 *   end in, and its caller checks `instanceof TenantError` and passes the error on. Handlers map
 *   the codes to Auth0's JSON bodies in one place, `error-responses.ts`. The `Tenant` class's
 *   methods hand the same shape to lessons, components and the lab, which import `TenantError`
 *   from index.ts: one check everywhere, no second wrapper to learn.
 * - Programmer errors are thrown: bad arguments to `createTenant`, the clock, the drills or
 *   `mintLegacyExplorerToken` (a `TenantError` with `invalid_argument` or `invalid_domain`), and
 *   states that cannot happen. They are bugs in the calling code and should fail loudly.
 */

type DetailsArgument<C extends TenantErrorCode> =
  TenantErrorDetails[C] extends Record<string, never> ? [] : [details: TenantErrorDetails[C]];

/**
 * A failure as a value. Like jose's `JOSEError`, it carries a stable {@link TenantError.code};
 * `message` is the human text (the same text Auth0 would send where there is one).
 *
 * @example
 * const grant = createClientGrant(records, body);
 * if (grant instanceof TenantError && grant.code === 'inexistent_client') { … }
 */
export class TenantError<C extends TenantErrorCode = TenantErrorCode> extends Error {
  /** Stable code to switch on. */
  readonly code: C;
  /** The values the message was built from (audience, scopes, …). */
  readonly details: TenantErrorDetails[C];

  constructor(code: C, ...args: DetailsArgument<C>) {
    const details = (args[0] ?? {}) as TenantErrorDetails[C];
    super(describeTenantError(code, details));
    this.name = 'TenantError';
    this.code = code;
    this.details = details;
  }
}

/** True when `value` is a {@link TenantError} (optionally of one of the given codes). */
export function isTenantError<C extends TenantErrorCode>(
  value: unknown,
  ...codes: C[]
): value is TenantError<C> {
  return value instanceof TenantError && (codes.length === 0 || codes.includes(value.code as C));
}
