/**
 * A token's times (iat, exp) as a reader takes them in: the moment in UTC, so readers in every
 * time zone at one session see the same line, and how long ago or ahead it is.
 */
import { describeSeconds } from './describe-seconds.ts';

export interface Instant {
  /** `2019-03-04 10:00 UTC`. */
  readonly utc: string;
  /** `7 years ago`, `in 23 hours`. */
  readonly relative: string;
  readonly past: boolean;
}

/** `seconds` (a NumericDate claim) seen at `now` (milliseconds). */
export function describeInstant(seconds: number, now: number): Instant {
  const at = seconds * 1000;
  const date = new Date(at);
  const utc = Number.isNaN(date.getTime()) ? 'a date beyond any calendar' : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const distance = Math.round(Math.abs(at - now) / 1000);
  const past = at <= now;
  const relative = distance < 60 ? (past ? 'just now' : 'in under a minute') : past ? `${describeSeconds(distance)} ago` : `in ${describeSeconds(distance)}`;
  return { utc, relative, past };
}

/** `2019-03-04 10:00 UTC, 7 years ago`. */
export function instantText(instant: Pick<Instant, 'utc' | 'relative'>): string {
  return `${instant.utc}, ${instant.relative}`;
}
