import { afterEach, describe, expect, it, vi } from 'vitest';
import { onWallClock, rateLimitHeaders, TokenBucket } from './rate-limit.ts';
import { createTenant } from './create-tenant.ts';
import { restoreTenant } from './restore-tenant.ts';

const T0 = 1_795_946_400_000;

describe('TokenBucket', () => {
  it('allows the burst, then refuses until time refills it', () => {
    const bucket = new TokenBucket({ limit: 2, perSecond: 2 }, { tokens: 2, updatedAt: T0 });
    expect(bucket.take(T0)).toEqual({ allowed: true, limit: 2, remaining: 1, fullInMs: 500 });
    expect(bucket.take(T0).allowed).toBe(true);
    expect(bucket.take(T0)).toMatchObject({ allowed: false, remaining: 0 });
    expect(bucket.take(T0 + 500)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('never holds more than its limit, however long it was idle', () => {
    const bucket = new TokenBucket({ limit: 3, perSecond: 1 }, { tokens: 0, updatedAt: T0 });
    expect(bucket.take(T0 + 3_600_000).remaining).toBe(2);
  });

  it('neither gains nor loses requests when the clock moves backwards', () => {
    const bucket = new TokenBucket({ limit: 5, perSecond: 1 }, { tokens: 1, updatedAt: T0 });
    expect(bucket.take(T0 - 60_000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(bucket.take(T0 - 60_000).allowed).toBe(false);
  });

  it('refuses without spending for the drill, and refills completely on demand', () => {
    const bucket = new TokenBucket({ limit: 4, perSecond: 4 }, { tokens: 1, updatedAt: T0 });
    expect(bucket.refuse()).toEqual({ allowed: false, limit: 4, remaining: 0, fullInMs: 1_000 });
    bucket.refillCompletely(T0);
    expect(bucket.toJSON()).toEqual({ tokens: 4, updatedAt: T0 });
  });

  it('turns a decision into x-ratelimit headers', () => {
    expect(rateLimitHeaders({ allowed: true, limit: 30, remaining: 29, reset: 1_795_946_401 })).toEqual({
      'x-ratelimit-limit': '30',
      'x-ratelimit-remaining': '29',
      'x-ratelimit-reset': '1795946401',
    });
  });

  it('dates the reset on the real clock: the wait, counted on the tenant clock, added to real now', () => {
    expect(onWallClock({ allowed: true, limit: 2, remaining: 1, fullInMs: 500 }, T0)).toEqual({ allowed: true, limit: 2, remaining: 1, reset: T0 / 1000 + 1 });
    expect(onWallClock({ allowed: false, limit: 2, remaining: 0, fullInMs: 2_001 }, T0 + 1)).toMatchObject({ reset: T0 / 1000 + 3 });
  });
});

describe('x-ratelimit-reset when the tenant clock has moved', () => {
  // Issue 22 row 10: after a lesson jumped the tenant a day ahead, node-auth0 v7 read a reset a
  // day away and waited its 60-second cap before retrying a 429.
  it('stays in real seconds after the tenant clock jumps a day ahead', async () => {
    const tenant = await createTenant({ now: T0, wallClock: () => T0, rateLimits: { management: { limit: 1, perSecond: 1 } } });
    tenant.clock.advance(86_400);
    expect(tenant.takeRateLimit('management')).toMatchObject({ allowed: true, reset: T0 / 1000 + 1 });
    expect(tenant.takeRateLimit('management')).toMatchObject({ allowed: false, reset: T0 / 1000 + 1 });
    tenant.drills.set({ rateLimited: true });
    expect(tenant.takeRateLimit('management')).toMatchObject({ allowed: false, reset: T0 / 1000 + 1 });
  });

  // What the browser, npm run tenant and a restored tenant get: no wallClock given, so Date.now.
  describe('with the default real clock', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('dates the reset on Date.now, not on the tenant clock, in a new tenant and in a restored one', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(T0);
      const made = await createTenant({ now: T0, rateLimits: { management: { limit: 1, perSecond: 1 } } });
      made.clock.advance(86_400);
      expect(made.takeRateLimit('management')).toMatchObject({ allowed: true, reset: T0 / 1000 + 1 });
      const { tenant: restored, restored: ok } = await restoreTenant(made.toJSON());
      expect(ok).toBe(true);
      restored.clock.advance(86_400);
      const decision = restored.takeRateLimit('management');
      expect(decision.reset).toBeGreaterThanOrEqual(T0 / 1000);
      expect(decision.reset).toBeLessThanOrEqual(T0 / 1000 + 2);
    });
  });

  it('still refills on the tenant clock: advancing it a second frees a request', async () => {
    const tenant = await createTenant({ now: T0, wallClock: () => T0, rateLimits: { token: { limit: 1, perSecond: 1 } } });
    expect(tenant.takeRateLimit('token').allowed).toBe(true);
    expect(tenant.takeRateLimit('token').allowed).toBe(false);
    tenant.clock.advance(1);
    expect(tenant.takeRateLimit('token').allowed).toBe(true);
  });
});
