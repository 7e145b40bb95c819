import { describe, expect, it } from 'vitest';
import { rateLimitHeaders, TokenBucket } from './rate-limit.ts';

const T0 = 1_795_946_400_000;

describe('TokenBucket', () => {
  it('allows the burst, then refuses until time refills it', () => {
    const bucket = new TokenBucket({ limit: 2, perSecond: 2 }, { tokens: 2, updatedAt: T0 });
    expect(bucket.take(T0)).toEqual({ allowed: true, limit: 2, remaining: 1, reset: T0 / 1000 + 1 });
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
    expect(bucket.refuse(T0)).toEqual({ allowed: false, limit: 4, remaining: 0, reset: T0 / 1000 + 1 });
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
});
