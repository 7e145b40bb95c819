import { describe, expect, it } from 'vitest';
import { checkTokenExpiration, describeLifetime, lifetimeRisk } from './expiration-field.ts';

describe('checkTokenExpiration', () => {
  it('accepts a whole number of seconds from 1 to 2,592,000', () => {
    expect(checkTokenExpiration(' 86400 ')).toEqual({ ok: true, seconds: 86_400 });
    expect(checkTokenExpiration('1')).toEqual({ ok: true, seconds: 1 });
    expect(checkTokenExpiration('2592000')).toEqual({ ok: true, seconds: 2_592_000 });
  });

  it('refuses text that is not a whole number of seconds, saying nothing changed', () => {
    for (const text of ['', 'abc', '1.5', '-5', '1e5', '86400s']) {
      expect(checkTokenExpiration(text)).toEqual({ ok: false, message: 'Enter a whole number of seconds, for example 86400 (24 hours). Nothing was changed.' });
    }
  });

  it('refuses zero and anything over 30 days', () => {
    const message = 'Use 1 to 2,592,000 seconds (30 days, the most Auth0 allows for an API). Nothing was changed.';
    expect(checkTokenExpiration('0')).toEqual({ ok: false, message });
    expect(checkTokenExpiration('2592001')).toEqual({ ok: false, message });
    expect(checkTokenExpiration('999999999')).toEqual({ ok: false, message });
  });
});

describe('lifetimeRisk', () => {
  it('stays quiet at 24 hours or less', () => {
    expect(lifetimeRisk(86_400, true)).toBeNull();
    expect(lifetimeRisk(3600, false)).toBeNull();
  });

  it('warns above 24 hours, naming how long a stolen token works', () => {
    expect(lifetimeRisk(604_800, true)).toContain('New Management API tokens now live 7 days.');
    expect(lifetimeRisk(604_800, true)).toContain("today's usual road to long-lived tokens");
    expect(lifetimeRisk(2_592_000, false)).toBe('Saving this makes new Management API tokens live 30 days: a stolen one would work for 30 days, and nothing takes it back.');
  });

  it('says nothing for values the field would refuse', () => {
    expect(lifetimeRisk(2_592_001, false)).toBeNull();
    expect(lifetimeRisk(100_000.5, false)).toBeNull();
  });
});

describe('describeLifetime', () => {
  it('shows seconds with a readable duration', () => {
    expect(describeLifetime(604_800)).toBe('604,800 s (7 days)');
    expect(describeLifetime(90_000)).toBe('90,000 s (25 hours)');
    expect(describeLifetime(604_800)).toBe('604,800 s (7 days)');
    expect(describeLifetime(90_061)).toBe('90,061 s (1 d 1 h)');
    expect(describeLifetime(86_400)).toBe('86,400 s (1 day)');
    expect(describeLifetime(3600)).toBe('3,600 s (1 h 0 min)');
  });
});
