import { describe, expect, it } from 'vitest';
import { CLOCK_JUMPS, describeOffset, formatTenantTime, jumpMessage } from './clock-text.ts';

describe('formatTenantTime', () => {
  it('shows the time in UTC with the weekday', () => {
    expect(formatTenantTime(Date.UTC(2026, 10, 29, 10, 0, 5))).toBe('Sun, 29 Nov 2026, 10:00:05 UTC');
  });
});

describe('describeOffset', () => {
  it('calls less than a minute of drift in step', () => {
    expect(describeOffset(0)).toBe('in step with your computer\'s clock');
    expect(describeOffset(-59_000)).toBe('in step with your computer\'s clock');
  });

  it('says how far ahead after jumps', () => {
    expect(describeOffset(25 * 3_600_000)).toBe('1 d 1 h ahead of your computer\'s clock');
  });

  it('says how far behind when the saved tenant lags', () => {
    expect(describeOffset(-2 * 3_600_000)).toBe('2 h 0 min behind your computer\'s clock');
  });
});

describe('the jumps', () => {
  it('offer one hour and one day', () => {
    expect(CLOCK_JUMPS.map((jump) => jump.seconds)).toEqual([3600, 86_400]);
  });

  it('announce how much older every token got', () => {
    expect(jumpMessage(86_400)).toBe('The tenant clock jumped forward 24 hours. Every token on this page is now 24 hours older.');
    expect(jumpMessage(3_600)).toBe('The tenant clock jumped forward 1 hour. Every token on this page is now 1 hour older.');
    expect(jumpMessage(90)).toContain('forward 1 min 30 s.');
  });
});
