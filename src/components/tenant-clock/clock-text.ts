/**
 * The words the tenant clock shows: the tenant's time, and how far it is from the reader's own
 * clock (jumps add up; "Reset clock" brings it back in step).
 */
import { formatDuration } from '../../playground/decode-jwt.ts';

/** The jumps the clock offers, in seconds, with their button labels. */
export const CLOCK_JUMPS: ReadonlyArray<{ readonly label: string; readonly seconds: number }> = [
  { label: '+1 hour', seconds: 3_600 },
  { label: '+24 hours', seconds: 86_400 },
];

/** "Sun, 29 Nov 2026, 10:00:05 UTC": UTC, so the page reads the same wherever the reader is. */
export function formatTenantTime(ms: number): string {
  const date = new Date(ms);
  const day = date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'UTC' });
  return `${day}, ${time} UTC`;
}

/** How the tenant's time relates to the reader's; under a minute counts as in step. */
export function describeOffset(offsetMs: number): string {
  const seconds = Math.round(offsetMs / 1000);
  if (Math.abs(seconds) < 60) return 'in step with your computer\'s clock';
  return `${formatDuration(Math.abs(seconds))} ${seconds > 0 ? 'ahead of' : 'behind'} your computer's clock`;
}

/** What a jump announces. */
export function jumpMessage(seconds: number): string {
  const hours = seconds / 3_600;
  const amount = Number.isInteger(hours) ? `${hours} hour${hours === 1 ? '' : 's'}` : formatDuration(seconds);
  return `The tenant clock jumped forward ${amount}. Every token on this page is now ${amount} older.`;
}
