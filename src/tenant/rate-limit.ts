/**
 * A token bucket refilled by the tenant's virtual clock: `limit` requests at once (the burst),
 * then `perSecond` more for each second of tenant time. On a frozen clock the bucket only
 * refills when a lesson advances time, which is what makes a rate-limit lesson reproducible.
 */
export interface RateLimitPolicy {
  /** Burst size, also sent as `x-ratelimit-limit`. */
  readonly limit: number;
  /** Refill rate in requests per second of tenant time. */
  readonly perSecond: number;
}

/** The saved part of a bucket. */
export interface BucketState {
  tokens: number;
  /** Tenant time (ms) of the last refill. */
  updatedAt: number;
}

/** The outcome of one request against a bucket, counted on the tenant's clock. */
export interface BucketDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** How long, in tenant-clock milliseconds, until the bucket is full again. */
  readonly fullInMs: number;
}

/** A decision ready for the `x-ratelimit-*` headers. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Real Unix seconds at which the bucket is full again (what `x-ratelimit-reset` says). */
  readonly reset: number;
}

/**
 * Dates a bucket's decision on the real clock. The bucket counts on the tenant's clock, which a
 * lesson may have moved a day ahead; a client compares `x-ratelimit-reset` with its own clock (and
 * the `Date` header), so the header must be real time plus the wait, or an SDK would wait its
 * whole retry cap for a reset a day away.
 */
export function onWallClock(decision: BucketDecision, wallNowMs: number): RateLimitDecision {
  const { fullInMs, ...rest } = decision;
  return { ...rest, reset: Math.ceil((wallNowMs + fullInMs) / 1000) };
}

/** Largest `limit` and `perSecond` a tenant accepts (and restores): enough to switch limiting off in practice. */
export const MAX_RATE_LIMIT = 1_000_000_000;

/** Which rate limit a request counts against. */
export type RateLimitKind = 'token' | 'management' | 'jwks';

/** Every kind, in the order snapshots list them. */
export const RATE_LIMIT_KINDS: readonly RateLimitKind[] = ['token', 'management', 'jwks'];

/**
 * Defaults, see `assumptions.ts`: the token endpoint and the JWKS use the free plan's published
 * numbers (30/s burst 30 and 20/s burst 20); the Management API is looser on purpose.
 */
export const DEFAULT_RATE_LIMITS: { readonly [K in RateLimitKind]: RateLimitPolicy } = {
  token: { limit: 30, perSecond: 30 },
  management: { limit: 50, perSecond: 50 },
  jwks: { limit: 20, perSecond: 20 },
};

/** A token bucket (see {@link RateLimitPolicy}). */
export class TokenBucket {
  readonly policy: RateLimitPolicy;
  #state: BucketState;

  constructor(policy: RateLimitPolicy, state: BucketState) {
    this.policy = policy;
    this.#state = { ...state, tokens: Math.min(state.tokens, policy.limit) };
  }

  /** Spends one request if the bucket allows it. */
  take(nowMs: number): BucketDecision {
    this.#refill(nowMs);
    const allowed = this.#state.tokens >= 1;
    if (allowed) this.#state.tokens -= 1;
    return this.#decision(allowed);
  }

  /** The answer for a request refused by the "rate limited" drill: nothing left, bucket untouched. */
  refuse(): BucketDecision {
    return { allowed: false, limit: this.policy.limit, remaining: 0, fullInMs: 1_000 };
  }

  /** Fills the bucket up again (used when a lesson resets the tenant's counters). */
  refillCompletely(nowMs: number): void {
    this.#state = { tokens: this.policy.limit, updatedAt: nowMs };
  }

  /** The saved form. */
  toJSON(): BucketState {
    return { ...this.#state };
  }

  #refill(nowMs: number): void {
    const elapsed = (nowMs - this.#state.updatedAt) / 1000;
    // A clock moved backwards must not mint requests out of thin air, nor take them away.
    if (elapsed > 0) {
      this.#state.tokens = Math.min(this.policy.limit, this.#state.tokens + elapsed * this.policy.perSecond);
    }
    this.#state.updatedAt = nowMs;
  }

  #decision(allowed: boolean): BucketDecision {
    const missing = this.policy.limit - this.#state.tokens;
    return { allowed, limit: this.policy.limit, remaining: Math.floor(this.#state.tokens), fullInMs: (missing / this.policy.perSecond) * 1000 };
  }
}

/** The `x-ratelimit-*` headers for a decision. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    'x-ratelimit-limit': String(decision.limit),
    'x-ratelimit-remaining': String(decision.remaining),
    'x-ratelimit-reset': String(decision.reset),
  };
}
