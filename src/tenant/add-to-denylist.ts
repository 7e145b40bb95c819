import type { DenylistEntry } from './model.ts';
import { checkShape, type Shape } from './payload-schema.ts';
import type { TenantRecords } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/** How many entries a sandbox denylist holds; a saved tenant must stay small enough to restore. */
export const DENYLIST_LIMIT = 10_000;

const ENTRY_SHAPE: Shape = {
  type: 'object',
  required: ['jti'],
  properties: {
    aud: { type: 'string', minLength: 1, maxLength: 600 },
    jti: { type: 'string', minLength: 1, maxLength: 500 },
  },
};

/**
 * Adds a token id to the denylist, like `POST /api/v2/blacklists/tokens`: from then on the
 * Management API refuses any token whose `jti` and `aud` match. `aud` is optional on Auth0; when
 * it is missing the sandbox records `callerAudience`, the audience of the token making the call
 * (assumption `denylist-default-aud`). Adding the same pair twice changes nothing.
 */
export function addToDenylist(records: TenantRecords, input: unknown, callerAudience: string): DenylistEntry | TenantError<'invalid_body' | 'denylist_full'> {
  const problem = checkShape(input, ENTRY_SHAPE);
  if (problem !== undefined) return new TenantError('invalid_body', problem);
  const { jti, aud = callerAudience } = input as { jti: string; aud?: string };
  const entry: DenylistEntry = { aud, jti };
  if (records.denylist.some((listed) => listed.aud === aud && listed.jti === jti)) return entry;
  if (records.denylist.length >= DENYLIST_LIMIT) return new TenantError('denylist_full', { limit: DENYLIST_LIMIT });
  records.denylist.push(entry);
  return { ...entry };
}


/** True when the verified claims name a denylisted token: same `jti`, and the entry's `aud` among the token's. */
export function isDenylisted(denylist: readonly DenylistEntry[], claims: { jti?: unknown; aud?: unknown }): boolean {
  if (typeof claims.jti !== 'string' || denylist.length === 0) return false;
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  return denylist.some((entry) => entry.jti === claims.jti && audiences.includes(entry.aud));
}
