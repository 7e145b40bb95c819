import { TenantError } from './tenant-error.ts';

/**
 * The tenant's sense of time. Every part of the tenant reads the time from here, never from the
 * system, so a lesson can fast-forward a day and a test can freeze time.
 *
 * Unit: `now()` is **milliseconds** since the Unix epoch (like `Date.now()`); `nowSeconds()` is
 * whole seconds, the unit of JWT `iat`/`exp`. `advance()` takes seconds because lessons think in
 * token lifetimes ("advance 86400").
 *
 * A clock is frozen unless it was given a live source (e.g. `Date.now` by a local server): then it
 * moves with the source, and `advance`/`set` shift it by an offset.
 */
export class VirtualClock {
  readonly #start: number;
  readonly #source: (() => number) | undefined;
  #offset: number;
  #listeners = new Set<() => void>();

  /**
   * @param start The starting time, in ms since the epoch.
   * @param options.source A live time source in ms; without it the clock is frozen.
   * @param options.now The current time, when it differs from `start` (restoring saved state).
   */
  constructor(start: number, options: { source?: () => number; now?: number } = {}) {
    this.#start = requireTime(start, 'start');
    this.#source = options.source;
    this.#offset = 0;
    this.#offset = requireTime(options.now ?? start, 'now') - this.#base();
  }

  /** The time the clock started at (ms). `reset()` goes back to it. */
  get start(): number {
    return this.#start;
  }

  /** True when the clock moves by itself (it was given a live source). */
  get live(): boolean {
    return this.#source !== undefined;
  }

  /** Current tenant time in milliseconds since the Unix epoch. */
  now(): number {
    return this.#base() + this.#offset;
  }

  /** Current tenant time in whole seconds since the Unix epoch (the unit of `iat`/`exp`). */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  /** Current tenant time as a `Date`. */
  date(): Date {
    return new Date(this.now());
  }

  /** Moves time forward by `seconds` (fractions allowed). Negative or non-finite input is refused. */
  advance(seconds: number): void {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
      throw new TenantError('invalid_argument', {
        detail: `clock.advance(seconds) needs a finite number of seconds, 0 or more; got ${String(seconds)}.`,
      });
    }
    this.#offset += seconds * 1000;
    this.#notify();
  }

  /** Jumps to a given time (a `Date` or ms since the epoch), forwards or backwards. */
  set(time: Date | number): void {
    const ms = requireTime(time instanceof Date ? time.getTime() : time, 'set');
    this.#offset = ms - this.#base();
    this.#notify();
  }

  /** Goes back to the starting time. */
  reset(): void {
    this.set(this.#start);
  }

  /** Calls `listener` after every change made through this clock; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #base(): number {
    return this.#source === undefined ? 0 : this.#source();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

/** Turns the `now` option of `createTenant` into ms, refusing NaN and absurd dates. */
export function toEpochMs(time: Date | number, label: string): number {
  return requireTime(time instanceof Date ? time.getTime() : time, label);
}

// Year 10000 and before 1970 are refused: JWT NumericDates and Date both misbehave out there.
const MAX_MS = 253_402_300_799_000;

function requireTime(value: unknown, label: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_MS) {
    throw new TenantError('invalid_argument', {
      detail: `clock ${label}: expected a valid date or milliseconds since 1970, got ${String(value)}.`,
    });
  }
  return value;
}
