import { toEpochMs, VirtualClock } from './clock.ts';
import { DEFAULT_DOMAIN, validateDomain } from './domain-name.ts';
import { NO_DRILLS } from './drills.ts';
import { managementResourceServer } from './management-scopes.ts';
import { DEFAULT_RATE_LIMITS, MAX_RATE_LIMIT, RATE_LIMIT_KINDS, type RateLimitKind, type RateLimitPolicy } from './rate-limit.ts';
import { seedRecords, SEEDED_GLOBAL_CLIENT } from './seed.ts';
import { generateSigningKey } from './signing-keys.ts';
import { Tenant } from './tenant.ts';
import type { RateLimitState } from './tenant-state.ts';
import { TenantError } from './tenant-error.ts';

/** Options of {@link createTenant}. */
export interface CreateTenantOptions {
  /** Tenant domain; must end in `.test` or `.example`. Default `acme.auth0.test`. */
  domain?: string;
  /** Starting time of the virtual clock (a `Date` or ms since the epoch). Default: the current time. */
  now?: Date | number;
  /**
   * A live time source in ms (e.g. `Date.now` for a local server that should see real time pass).
   * Without it the clock is frozen and only moves through `tenant.clock.advance()`/`set()`.
   */
  clockSource?: () => number;
  /**
   * Real time in ms, default `Date.now`. Only `x-ratelimit-reset` reads it: a client compares that
   * header with its own clock, whatever the tenant's clock says. Tests pass a fixed one.
   */
  wallClock?: () => number;
  /** `'default'`: the documented seed (see `seed.ts`). `'empty'`: no applications, grants or users. */
  seed?: 'default' | 'empty';
  /** Override the rate limits (see `rate-limit.ts` for the defaults). */
  rateLimits?: Partial<Record<RateLimitKind, RateLimitPolicy>>;
}

/**
 * Creates a fresh, seeded tenant with a new RS256 signing key.
 *
 * Rejects with a `TenantError` (`invalid_domain`, `invalid_argument`) when the options are wrong:
 * those are bugs in the calling code, so they fail loudly.
 *
 * @example
 * const tenant = await createTenant({ now: new Date('2026-11-29T10:00:00Z') });
 * tenant.clock.advance(86_400); // a day later: yesterday's tokens are expired
 */
export async function createTenant(options: CreateTenantOptions = {}): Promise<Tenant> {
  const domain = validateDomain(options.domain ?? DEFAULT_DOMAIN);
  if (domain instanceof TenantError) throw domain;
  const rateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  for (const [kind, policy] of Object.entries(rateLimits)) {
    if (!validPolicy(policy)) {
      throw new TenantError('invalid_argument', { detail: `rateLimits.${kind} needs a whole "limit" from 1 to ${MAX_RATE_LIMIT} and a "perSecond" above 0, at most ${MAX_RATE_LIMIT}.` });
    }
  }
  // The one place the tenant reads the system time: the default start of a new tenant's clock.
  const start = options.now === undefined ? (options.clockSource?.() ?? Date.now()) : toEpochMs(options.now, 'now');
  const clock = new VirtualClock(start, options.clockSource === undefined ? {} : { source: options.clockSource });
  const seeded = options.seed === 'empty'
    ? { applications: [], clientGrants: [], globalClient: { ...SEEDED_GLOBAL_CLIENT }, users: [] }
    : seedRecords(domain);
  const now = clock.now();
  return new Tenant({
    records: { domain, ...seeded, resourceServers: [managementResourceServer(domain)], denylist: [], credentials: [], secretSwitches: [], usedAssertionIds: [] },
    clock,
    wallClock: options.wallClock ?? Date.now,
    signingKeys: [await generateSigningKey()],
    legacyMode: false,
    drills: { ...NO_DRILLS },
    rateLimits: fullBuckets(rateLimits, now),
  });
}

/** Every kind's bucket, full at `now`. Also fills in a kind that an older snapshot did not have. */
export function fullBuckets(policies: Record<RateLimitKind, RateLimitPolicy>, now: number): RateLimitState {
  return Object.fromEntries(RATE_LIMIT_KINDS.map((kind) => [kind, { policy: { ...policies[kind] }, state: { tokens: policies[kind].limit, updatedAt: now } }])) as RateLimitState;
}

function validPolicy(policy: RateLimitPolicy): boolean {
  return Number.isInteger(policy.limit) && policy.limit >= 1 && policy.limit <= MAX_RATE_LIMIT
    && Number.isFinite(policy.perSecond) && policy.perSecond > 0 && policy.perSecond <= MAX_RATE_LIMIT;
}
