import type { RouteContext, RouteOutcome } from './management-route.ts';
import { singleParameter } from './query-parameters.ts';
import { TenantError } from './tenant-error.ts';

/**
 * `GET /api/v2/blacklists/tokens` (scope `blacklist:tokens`): every denylisted `{aud, jti}`,
 * optionally only those of one `aud`. A plain array: Auth0 ignores paging parameters here
 * (a recorded answer to `?include_totals=true&per_page=50` is still an array).
 */
export function listDenylist({ tenant, query }: RouteContext): RouteOutcome {
  const aud = singleParameter(query, 'aud');
  if (aud instanceof TenantError) return aud;
  const entries = tenant.records.denylist
    .filter((entry) => aud === undefined || entry.aud === aud)
    .map((entry) => ({ aud: entry.aud, jti: entry.jti }));
  return { status: 200, body: entries };
}
