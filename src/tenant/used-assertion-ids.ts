import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/*
 * The `jti`s of client assertions an application has used, each kept until its assertion's `exp`:
 * "The client assertion is a one-time use token" (Auth0, "Authenticate with Private Key JWT"). They
 * live in the tenant's records, so a replay is refused after a save and a restore too. An
 * assertion lives five minutes at most, so expired entries are dropped as new ones come in; the
 * cap keeps a saved tenant small and is out of reach of the token endpoint's rate limit (30 a
 * second over five minutes is 9,030).
 */

/** Unexpired assertion ids the tenant keeps at most. */
export const MAX_USED_ASSERTION_IDS = 10_000;

/** True when `clientId` already used an assertion with this `jti`. */
export function assertionIdUsed(records: Pick<TenantRecords, 'usedAssertionIds'>, clientId: string, jti: string): boolean {
  return records.usedAssertionIds.some((entry) => entry.client_id === clientId && entry.jti === jti);
}

/** Remembers an assertion id until `exp` (JWT seconds), dropping the ones expired at `nowSeconds`. */
export function rememberAssertionId(records: TenantRecords, clientId: string, jti: string, exp: number, nowSeconds: number): undefined | TenantError<'assertion_ids_full'> {
  records.usedAssertionIds = records.usedAssertionIds.filter((entry) => entry.exp > nowSeconds);
  if (records.usedAssertionIds.length >= MAX_USED_ASSERTION_IDS) return new TenantError('assertion_ids_full', { limit: MAX_USED_ASSERTION_IDS });
  records.usedAssertionIds.push({ client_id: clientId, jti, exp });
  return undefined;
}
