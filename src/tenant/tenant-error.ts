import type { TenantErrorCode, TenantErrorDetails } from './error-codes.ts';
import { describeTenantError } from './error-responses.ts';

type DetailsArgument<C extends TenantErrorCode> =
  TenantErrorDetails[C] extends Record<string, never> ? [] : [details: TenantErrorDetails[C]];

/**
 * A failure as a value. Like jose's `JOSEError`, it carries a stable {@link TenantError.code};
 * `message` is the human text (the same text Auth0 would send where there is one).
 *
 * @example
 * const result = tenant.authorize(clientId, audience, ['read:clients']);
 * if (!result.ok && result.error.code === 'inexistent_client') { … }
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

/** What a tenant operation returns: the value, or the error as a value. Never thrown. */
export type Result<T, C extends TenantErrorCode = TenantErrorCode> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: TenantError<C> };

/** Wraps a success. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Wraps a failure. */
export function fail<C extends TenantErrorCode>(error: TenantError<C>): { readonly ok: false; readonly error: TenantError<C> } {
  return { ok: false, error };
}
