import { describe, expect, it } from 'vitest';
import type { SandboxChange } from './sandbox-changes.ts';
import { BACK_TO_START, explanation, headline, resetDone, resetScope, secondsInWords, shortSummary, spanInWords, summary } from './sandbox-text.ts';

const lifetime: SandboxChange = { kind: 'token-lifetime', seconds: 2_592_000 };
const rateLimited: SandboxChange = { kind: 'drill', drill: 'rateLimited' };
const legacy: SandboxChange = { kind: 'legacy-mode' };

describe('spanInWords', () => {
  it('says whole days, hours and minutes in words', () => {
    expect(spanInWords(2_592_000)).toBe('30 days');
    expect(spanInWords(86_400)).toBe('1 day');
    expect(spanInWords(90_000)).toBe('25 hours');
    expect(spanInWords(3_600)).toBe('1 hour');
    expect(spanInWords(120)).toBe('2 minutes');
  });

  it('says anything else as its two largest units', () => {
    expect(spanInWords(86_340)).toBe('23 h 59 min');
    expect(spanInWords(90_061)).toBe('1 d 1 h');
    expect(spanInWords(45)).toBe('45 s');
  });
});

describe('the bar\'s one line', () => {
  it('gives the lifetime against the default, both in seconds', () => {
    expect(summary([lifetime])).toBe('tokens live 2,592,000 s (30 days), not the default 86,400 s.');
    expect(secondsInWords(604_800)).toBe('604,800 s (7 days)');
  });

  it('names the first change and counts the rest', () => {
    expect(summary([lifetime, rateLimited, legacy])).toBe('tokens live 2,592,000 s (30 days), not the default 86,400 s, and 2 more changes.');
    expect(summary([rateLimited, legacy])).toBe('the rate-limit drill is on, and 1 more change.');
    expect(summary([])).toBe('');
  });

  it('has a phone\'s version short enough for one line beside two buttons', () => {
    expect(shortSummary([lifetime])).toBe('30-day tokens');
    expect(shortSummary([{ kind: 'token-lifetime', seconds: 90_000 }])).toBe('25-hour tokens');
    expect(shortSummary([{ kind: 'token-lifetime', seconds: 90_061 }])).toBe('tokens: 1 d 1 h');
    expect(shortSummary([lifetime, rateLimited, legacy])).toBe('30-day tokens, +2');
    const every: SandboxChange[] = [
      { kind: 'token-lifetime', seconds: 90_061 }, rateLimited, { kind: 'drill', drill: 'clockSkew', seconds: 5 }, { kind: 'drill', drill: 'wrongAudience' },
      { kind: 'drill', drill: 'grantRevoked' }, legacy, { kind: 'app-grant', app: 'Reporting Service', scopes: null, seededScopes: [] },
      { kind: 'app-gone', app: 'API Explorer Application' }, { kind: 'app-secret', app: 'API Explorer Application' }, { kind: 'global-secret' },
      { kind: 'clock', aheadSeconds: 86_399 },
    ];
    // At 390 px, beside Details and Reset, "Sandbox: " and about 25 characters fit on the line.
    for (const change of every) expect(shortSummary([change]).length, shortSummary([change])).toBeLessThanOrEqual(23);
  });

  it('has a few plain words for every kind of change', () => {
    expect(headline(legacy)).toBe('legacy mode is on');
    expect(headline({ kind: 'drill', drill: 'clockSkew', seconds: 300 })).toBe('the clock-skew drill is on');
    expect(headline({ kind: 'global-secret' })).toBe('the Global Client Secret was rotated');
    expect(headline({ kind: 'app-secret', app: 'Reporting Service' })).toBe('Reporting Service has a new client secret');
    expect(headline({ kind: 'app-gone', app: 'Nightly Backup' })).toBe('Nightly Backup was deleted');
    expect(headline({ kind: 'app-grant', app: 'Reporting Service', scopes: null, seededScopes: ['read:clients'] })).toBe('Reporting Service is no longer authorized for the Management API');
    expect(headline({ kind: 'app-grant', app: 'Reporting Service', scopes: ['read:users'], seededScopes: ['read:clients'] })).toBe('Reporting Service has other scopes (read:users)');
    expect(headline({ kind: 'clock', aheadSeconds: 86_400 })).toBe('the tenant clock is 1 day ahead');
  });
});

describe('explanation', () => {
  it('says what a raised lifetime does to what a page prints, with both numbers as code prints them', () => {
    const text = explanation(lifetime);
    expect(text).toContain('2,592,000 s (30 days), not the default 86,400 s (24 hours)');
    expect(text).toContain('expires_in: 2592000');
    expect(text).toContain('says 86400');
  });

  it('says which way a clock-skew drill makes tokens look wrong', () => {
    expect(explanation({ kind: 'drill', drill: 'clockSkew', seconds: 90_000 })).toContain('90,000 s ahead, so fresh tokens can look expired');
    expect(explanation({ kind: 'drill', drill: 'clockSkew', seconds: -600 })).toContain('600 s behind, so fresh tokens can look not yet valid');
  });

  it('names a long scope list by its length', () => {
    const many = ['a', 'b', 'c', 'd', 'e'];
    expect(explanation({ kind: 'app-grant', app: 'API Explorer Application', scopes: ['read:users'], seededScopes: many })).toContain('holds read:users instead of 5 scopes');
  });
});

describe('reset', () => {
  it('says beforehand what it puts back and what it removes', () => {
    expect(resetScope({ changes: [lifetime], createdApps: 0 })).toContain('86,400 s tokens');
    expect(resetScope({ changes: [lifetime], createdApps: 0 })).not.toContain('you created');
    expect(resetScope({ changes: [lifetime], createdApps: 2 })).toContain('removes the 2 applications you created');
  });

  it('confirms afterwards what it undid, once per kind', () => {
    expect(resetDone({ changes: [lifetime, rateLimited, { kind: 'drill', drill: 'wrongAudience' }], createdApps: 0 })).toBe('The sandbox is reset: new tokens live 86,400 s again and every drill is off.');
    expect(resetDone({ changes: [legacy], createdApps: 1 })).toBe('The sandbox is reset: legacy mode is off and the 1 application you created is gone.');
    expect(resetDone({ changes: [], createdApps: 0 })).toBe('The sandbox is reset to its starting data.');
  });

  it('has words for changes undone some other way', () => {
    expect(BACK_TO_START).toMatch(/starting settings/);
  });
});
