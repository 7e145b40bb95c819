import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock.ts';

const START = Date.UTC(2026, 10, 29, 10, 0, 0);

describe('VirtualClock', () => {
  it('stays frozen until advanced, in milliseconds and in JWT seconds', () => {
    const clock = new VirtualClock(START);
    expect(clock.now()).toBe(START);
    clock.advance(86_400);
    expect(clock.now()).toBe(START + 86_400_000);
    expect(clock.nowSeconds()).toBe(START / 1000 + 86_400);
    expect(clock.date().toISOString()).toBe('2026-11-30T10:00:00.000Z');
  });

  it('jumps with set and goes back to the start with reset', () => {
    const clock = new VirtualClock(START);
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.date().toISOString()).toBe('2027-01-01T00:00:00.000Z');
    clock.reset();
    expect(clock.now()).toBe(START);
  });

  it('follows a live source and keeps advances as an offset', () => {
    let wall = START;
    const clock = new VirtualClock(START, { source: () => wall });
    wall += 5_000;
    expect(clock.now()).toBe(START + 5_000);
    clock.advance(10);
    wall += 1_000;
    expect(clock.now()).toBe(START + 16_000);
    expect(clock.live).toBe(true);
  });

  it('refuses negative, infinite and non-numeric advances with a [tenant] error', () => {
    const clock = new VirtualClock(START);
    expect(() => clock.advance(-1)).toThrow(/^\[tenant\] clock\.advance/);
    expect(() => clock.advance(Number.POSITIVE_INFINITY)).toThrow(/finite/);
    expect(() => clock.advance('10' as never)).toThrow(/finite/);
    expect(clock.now()).toBe(START);
  });

  it('refuses invalid dates', () => {
    expect(() => new VirtualClock(Number.NaN)).toThrow(/\[tenant\] clock start/);
    expect(() => new VirtualClock(START).set(new Date('not a date'))).toThrow(/\[tenant\] clock set/);
  });

  it('tells subscribers about every change', () => {
    const clock = new VirtualClock(START);
    let calls = 0;
    const stop = clock.subscribe(() => { calls += 1; });
    clock.advance(1);
    clock.set(START);
    stop();
    clock.reset();
    expect(calls).toBe(2);
  });
});
