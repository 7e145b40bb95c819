import type { VirtualClock } from './clock.ts';
import type { DrillSettings } from './drills.ts';
import type { Application, ClientCredential, ClientGrant, DenylistEntry, GlobalClient, ResourceServer, SecretSwitch, UsedAssertionId, User } from './model.ts';
import type { BucketState, RateLimitKind, RateLimitPolicy } from './rate-limit.ts';
import type { SigningKey } from './signing-keys.ts';

/*
 * What a tenant is made of, apart from the `Tenant` class that guards it. The operations change
 * these records and the snapshot reads this state, so neither needs the class (which uses them).
 */

/** The mutable records of a tenant, handed to the operations in their own files. */
export interface TenantRecords {
  readonly domain: string;
  applications: Application[];
  clientGrants: ClientGrant[];
  resourceServers: ResourceServer[];
  globalClient: GlobalClient;
  users: User[];
  /** Token ids refused by the Management API (`/api/v2/blacklists/tokens`). */
  denylist: DenylistEntry[];
  /** Public keys registered for Private Key JWT, every application's, in creation order. */
  credentials: ClientCredential[];
  /** Client secrets still on their way in after a rotation (at most one per application). */
  secretSwitches: SecretSwitch[];
  /** Client assertion ids already used, until their `exp`: a replayed assertion is refused. */
  usedAssertionIds: UsedAssertionId[];
}

/** Each rate limit's policy and how full its bucket is. */
export type RateLimitState = Record<RateLimitKind, { policy: RateLimitPolicy; state: BucketState }>;

/** Everything a tenant is made of; built by `createTenant` or `restoreTenant`, saved by `takeSnapshot`. */
export interface TenantState {
  records: TenantRecords;
  clock: VirtualClock;
  /** Real time in ms, for what a client compares with its own clock (`x-ratelimit-reset`). Not saved. */
  wallClock: () => number;
  signingKeys: SigningKey[];
  legacyMode: boolean;
  drills: DrillSettings;
  rateLimits: RateLimitState;
}
