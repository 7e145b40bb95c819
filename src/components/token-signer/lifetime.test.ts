import { describe, expect, it } from 'vitest';
import { applyLifetime, lifetimeOf, lifetimeSeconds, LIFETIMES } from './lifetime.ts';

const NOW = 1_800_000_000;

describe('lifetimeSeconds', () => {
  it('knows every offered lifetime, up to never', () => {
    expect(LIFETIMES.map((lifetime) => lifetimeSeconds(lifetime.id))).toEqual([3_600, 86_400, 2_592_000, 31_536_000, null]);
    expect(lifetimeSeconds('forever-ish')).toBeUndefined();
  });
});

describe('applyLifetime', () => {
  it('issues the token now and sets exp that far ahead, keeping the other claims', () => {
    expect(applyLifetime({ iss: 'x', iat: 1, exp: 2, scope: 'read:clients' }, 3_600, NOW)).toEqual({ iss: 'x', scope: 'read:clients', iat: NOW, exp: NOW + 3_600 });
  });

  it('removes exp for never', () => {
    expect(applyLifetime({ iss: 'x', exp: 2 }, null, NOW)).toEqual({ iss: 'x', iat: NOW });
  });
});

describe('lifetimeOf', () => {
  it('is exp minus iat, or minus now when iat is missing, and null without exp', () => {
    expect(lifetimeOf({ iat: NOW, exp: NOW + 60 }, NOW)).toBe(60);
    expect(lifetimeOf({ exp: NOW + 90 }, NOW)).toBe(90);
    expect(lifetimeOf({ iat: NOW }, NOW)).toBeNull();
  });
});
