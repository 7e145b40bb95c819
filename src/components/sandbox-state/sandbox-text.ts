/**
 * The words of the sandbox notice: a one-line summary for the bar, a sentence per change for its
 * details and for notes beside a lesson's widgets, what a reset will do, and what it did.
 */
import { MANAGEMENT_TOKEN_LIFETIME } from '../../tenant/management-scopes.ts';
import { SECRET_SWITCH_SECONDS } from '../../tenant/secret-switch.ts';
import type { SandboxChange, SandboxState } from './sandbox-changes.ts';

const number = (value: number) => value.toLocaleString('en-US');
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * A span of time as a reader weighs it: whole days or hours in words ("30 days", "25 hours",
 * not "1.04 days"), whole minutes under an hour too, anything else as its two largest units
 * ("23 h 59 min").
 */
export function spanInWords(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(Math.abs(totalSeconds)));
  if (seconds >= 86_400 && seconds % 86_400 === 0) return plural(seconds / 86_400, 'day');
  if (seconds >= 3_600 && seconds % 3_600 === 0) return plural(seconds / 3_600, 'hour');
  if (seconds >= 60 && seconds < 3_600 && seconds % 60 === 0) return plural(seconds / 60, 'minute');
  const parts: string[] = [];
  let rest = seconds;
  for (const [size, unit] of [[86_400, 'd'], [3_600, 'h'], [60, 'min'], [1, 's']] as const) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || (parts.length > 0 && parts.length < 2)) parts.push(`${count} ${unit}`);
    if (parts.length === 2) break;
  }
  return parts.length === 0 ? '0 s' : parts.join(' ');
}

/** "2,592,000 s (30 days)". */
export function secondsInWords(seconds: number): string {
  return `${number(seconds)} s (${spanInWords(seconds)})`;
}

const DEFAULT_LIFETIME = `${number(MANAGEMENT_TOKEN_LIFETIME)} s`;
// The lessons call the default "24 hours", not "1 day".
const DEFAULT_IN_WORDS = `${DEFAULT_LIFETIME} (${MANAGEMENT_TOKEN_LIFETIME / 3_600} hours)`;

const DRILL_HEADLINES = {
  rateLimited: 'the rate-limit drill is on',
  clockSkew: 'the clock-skew drill is on',
  wrongAudience: 'the wrong-audience drill is on',
  grantRevoked: 'the revoked-grant drill is on',
} as const;

function scopeList(scopes: readonly string[]): string {
  if (scopes.length === 0) return 'no scopes';
  return scopes.length <= 3 ? scopes.join(' ') : `${scopes.length} scopes`;
}

/** A few words for the bar's one line, lower case (it follows "Sandbox changed:"). */
export function headline(change: SandboxChange): string {
  switch (change.kind) {
    case 'token-lifetime':
      return `tokens live ${secondsInWords(change.seconds)}, not the default ${DEFAULT_LIFETIME}`;
    case 'drill':
      return DRILL_HEADLINES[change.drill];
    case 'legacy-mode':
      return 'legacy mode is on';
    case 'app-grant':
      return change.scopes === null ? `${change.app} is no longer authorized for the Management API` : `${change.app} has other scopes (${scopeList(change.scopes)})`;
    case 'app-gone':
      return `${change.app} was deleted`;
    case 'app-secret':
      return `${change.app} has a new client secret`;
    case 'global-secret':
      return 'the Global Client Secret was rotated';
    case 'clock':
      return `the tenant clock is ${spanInWords(change.aheadSeconds)} ahead`;
  }
}

/** What the change means for what the page shows, in a sentence or two. */
export function explanation(change: SandboxChange): string {
  switch (change.kind) {
    case 'token-lifetime':
      return `The Management API's Token Expiration is ${secondsInWords(change.seconds)}, not the default ${DEFAULT_IN_WORDS}. New tokens say expires_in: ${change.seconds} and work that long, where the lessons' text says ${MANAGEMENT_TOKEN_LIFETIME}.`;
    case 'drill':
      return drillExplanation(change.drill, change.seconds ?? 0);
    case 'legacy-mode':
      return 'Legacy mode is on: the tenant accepts old explorer tokens (HS256, signed with the Global Client Secret), as before the change. Where a lesson says such a token is refused, it is accepted.';
    case 'app-grant':
      return change.scopes === null
        ? `${change.app}'s client grant for the Management API was deleted, so its token requests are refused (403). The lessons expect it to hold ${scopeList(change.seededScopes)}.`
        : `${change.app}'s client grant holds ${scopeList(change.scopes)} instead of ${scopeList(change.seededScopes)}, so its tokens and what they may read differ from the lessons.`;
    case 'app-gone':
      return `The seeded application ${change.app} was deleted: requests made with its client ID are refused.`;
    case 'app-secret':
      return `${change.app}'s client secret was rotated: the secret printed in the lessons stops working once the new one has switched in, ${SECRET_SWITCH_SECONDS} seconds of the sandbox's clock after the rotation. Playgrounds and widgets use the new one.`;
    case 'global-secret':
      return 'The Global Client Secret was rotated: old explorer tokens and hand-signed tokens made with the earlier secret no longer verify, and the secret quoted in the lessons is not the tenant\'s any more.';
    case 'clock':
      return `The tenant clock is ${spanInWords(change.aheadSeconds)} ahead of your computer's clock (moved forward on an earlier page): tokens issued before look that much older, and may have expired.`;
  }
}

function drillExplanation(drill: keyof typeof DRILL_HEADLINES, skewSeconds: number): string {
  switch (drill) {
    case 'rateLimited':
      return 'The rate-limit drill is on: every call to /oauth/token and /api/v2 is answered 429 Too Many Requests.';
    case 'clockSkew': {
      const ahead = skewSeconds > 0;
      return `The clock-skew drill is on: the Management API checks tokens against a clock ${number(Math.abs(skewSeconds))} s ${ahead ? 'ahead' : 'behind'}, so fresh tokens can look ${ahead ? 'expired' : 'not yet valid'}.`;
    }
    case 'wrongAudience':
      return 'The wrong-audience drill is on: the Management API expects a misconfigured audience and refuses every token with "Bad audience".';
    case 'grantRevoked':
      return 'The revoked-grant drill is on: /oauth/token acts as if no application had a client grant, so every token request is refused.';
  }
}

const DRILL_SHORT = {
  rateLimited: 'rate-limit drill on',
  clockSkew: 'clock-skew drill on',
  wrongAudience: 'wrong-audience drill on',
  grantRevoked: 'revoked-grant drill on',
} as const;

/** Two or three words for a phone's one line, where the whole headline cannot fit. */
export function shortHeadline(change: SandboxChange): string {
  switch (change.kind) {
    case 'token-lifetime': {
      const span = spanInWords(change.seconds);
      // "30-day tokens", "25-hour tokens"; a span in units reads "tokens: 1 d 1 h".
      const whole = /^(\d+) (day|hour|minute)s?$/.exec(span);
      return whole ? `${whole[1]}-${whole[2]} tokens` : `tokens: ${span}`;
    }
    case 'drill':
      return DRILL_SHORT[change.drill];
    case 'legacy-mode':
      return 'legacy mode on';
    case 'app-grant':
      return 'a grant changed';
    case 'app-gone':
      return 'an app was deleted';
    case 'app-secret':
      return 'a secret was rotated';
    case 'global-secret':
      return 'Global secret rotated';
    case 'clock':
      return `clock ${spanInWords(change.aheadSeconds)} ahead`;
  }
}

/** The phone's line after "Sandbox:", e.g. "tokens live 30 days, +2". */
export function shortSummary(changes: readonly SandboxChange[]): string {
  const [first, ...rest] = changes;
  if (first === undefined) return '';
  return `${shortHeadline(first)}${rest.length > 0 ? `, +${rest.length}` : ''}`;
}

/** The bar's line after "Sandbox changed:", e.g. "legacy mode is on, and 2 more changes." */
export function summary(changes: readonly SandboxChange[]): string {
  const [first, ...rest] = changes;
  if (first === undefined) return '';
  return `${headline(first)}${rest.length > 0 ? `, and ${plural(rest.length, 'more change')}` : ''}.`;
}

/** What "Reset the sandbox" will do, for the details. */
export function resetScope(state: SandboxState): string {
  const created = state.createdApps > 0 ? ` It also removes the ${plural(state.createdApps, 'application')} you created (lesson 3 shows how to make one again).` : '';
  return `Reset the sandbox puts the tenant back to its starting data: ${DEFAULT_LIFETIME} tokens, the seeded applications, secrets and grants, no drills, legacy mode off, the clock in step with yours.${created} Tokens issued before the reset stop working: the tenant gets a new signing key.`;
}

const UNDONE: Record<SandboxChange['kind'], string> = {
  'token-lifetime': `new tokens live ${DEFAULT_LIFETIME} again`,
  drill: 'every drill is off',
  'legacy-mode': 'legacy mode is off',
  'app-grant': 'the seeded grants are back',
  'app-gone': 'the seeded applications are back',
  'app-secret': 'the seeded secrets are back',
  'global-secret': 'the seeded Global Client Secret is back',
  clock: 'the tenant clock is in step with yours',
};

/** What a reset did, from the state before it; the confirmation the reader hears and sees. */
export function resetDone(before: SandboxState): string {
  const undone = [...new Set(before.changes.map((change) => UNDONE[change.kind]))];
  if (before.createdApps > 0) undone.push(`the ${plural(before.createdApps, 'application')} you created ${before.createdApps === 1 ? 'is' : 'are'} gone`);
  return undone.length === 0 ? 'The sandbox is reset to its starting data.' : `The sandbox is reset: ${joinWithAnd(undone)}.`;
}

function joinWithAnd(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** What the bar says when the changes went away without a reset (set back by hand, another page). */
export const BACK_TO_START = 'The sandbox is back to its starting settings.';
