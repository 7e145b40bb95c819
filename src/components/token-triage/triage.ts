/**
 * The token triage: from pasted text to one finding per token, in plain words. Pure (no DOM, no
 * network, no storage), so the same answer shows on the page and in the tests.
 */
import type { JWTPayload, ProtectedHeaderParameters } from 'jose';
import type { RouteLike } from '../leak-drill/token-reach.ts';
import { classifyToken, describeSeconds, KIND_TITLES, type TokenKind } from './classify-token.ts';
import { findTokens, looksBinary, MAX_SCAN_CHARS, MAX_TOKENS } from './find-tokens.ts';
import { readToken } from './read-token.ts';
import { scopeReach, type ScopeReach } from './scope-risks.ts';

/** The migration runbook the next steps point into; its sections carry these ids. */
export const RUNBOOK_PATH = '/guides/migrate-your-services/';
export type RunbookStep = 'inventory' | 'replace' | 'verify' | 'decommission' | 'watch';

export interface NextStep {
  readonly text: string;
  readonly step: RunbookStep;
  readonly href: string;
}

export type Expiry =
  | { readonly state: 'never' }
  | { readonly state: 'unreadable'; readonly why: string }
  | { readonly state: 'valid' | 'expired'; readonly utc: string; readonly relative: string };

export interface Finding {
  /** 1-based, in order of appearance. */
  readonly number: number;
  readonly lines: readonly number[];
  /** The start of the header part only: enough to recognise it, nothing secret. */
  readonly preview: string;
  readonly title: string;
  readonly state: 'decoded' | 'encrypted' | 'unreadable';
  readonly kind?: TokenKind;
  readonly problem?: string;
  readonly header?: ProtectedHeaderParameters;
  readonly claims?: JWTPayload;
  readonly reasons: readonly string[];
  readonly uncertain: readonly string[];
  readonly expiry?: Expiry;
  readonly scopes: readonly string[];
  readonly reach?: ScopeReach;
  readonly jti?: string;
  readonly nextSteps: readonly NextStep[];
}

export interface TriageReport {
  readonly findings: Finding[];
  /** One or two sentences for the live region. */
  readonly summary: string;
  /** Caps that were hit, in plain words. */
  readonly notes: string[];
}

/** Analyses `text` against the route table `routes` at `now` (milliseconds). Never throws on input. */
export function triage(text: string, routes: readonly RouteLike[], now: number): TriageReport {
  if (text.trim() === '') return { findings: [], summary: 'Paste a token or a config file to check it.', notes: [] };
  const found = findTokens(text);
  const notes: string[] = [];
  if (found.cutShort) notes.push(`Only the first ${MAX_SCAN_CHARS.toLocaleString('en')} characters were searched.`);
  if (found.skipped > 0) {
    notes.push(`${found.skipped.toLocaleString('en')} more token${found.skipped === 1 ? '' : 's'} found beyond the first ${MAX_TOKENS} and not analysed: paste them in smaller parts.`);
  }
  if (found.tokens.length === 0) {
    const summary = looksBinary(text)
      ? 'No token found: this looks like binary data, not text. Tokens are text that starts with eyJ.'
      : 'No token found. A JWT is three parts joined by dots, starting with eyJ; check that the whole token was pasted.';
    return { findings: [], summary, notes };
  }
  const findings = found.tokens.map((token, index) => findingFor(index + 1, token.text, readToken(token), token.lines, routes, now));
  return { findings, summary: summarise(findings), notes };
}

function findingFor(
  number: number,
  text: string,
  read: ReturnType<typeof readToken>,
  lines: readonly number[],
  routes: readonly RouteLike[],
  now: number,
): Finding {
  const base = { number, lines, preview: `${text.slice(0, 12)}…`, scopes: [] as string[], reasons: [] as string[], uncertain: [] as string[] };
  if (read.state === 'unreadable') {
    return { ...base, state: 'unreadable', title: 'Cannot be read', problem: read.problem, nextSteps: [step('Copy it again, whole, from where you found it (see where tokens hide).', 'inventory')] };
  }
  if (read.state === 'encrypted') {
    return {
      ...base,
      state: 'encrypted',
      title: 'Encrypted token (JWE): its claims cannot be read',
      ...(read.header ? { header: read.header } : {}),
      problem: 'It has five parts: an encrypted token. Only the holder of its decryption key can read what it says, so this page cannot tell what it opens or when it expires. Management API tokens are signed, not encrypted.',
      nextSteps: [step('Ask whoever issued it what it is for, and list it with the rest of your inventory.', 'inventory')],
    };
  }
  const { header, claims } = read;
  const nowSeconds = Math.floor(now / 1000);
  const classification = classifyToken(header, claims, nowSeconds);
  const expiry = expiryOf(claims.exp, now);
  const reach = classification.kind === 'not-management' ? undefined : scopeReach(routes, classification.scopes);
  const jti = typeof claims.jti === 'string' && claims.jti !== '' ? claims.jti : undefined;
  return {
    ...base,
    state: 'decoded',
    kind: classification.kind,
    title: KIND_TITLES[classification.kind],
    header,
    claims,
    reasons: classification.reasons,
    uncertain: classification.uncertain,
    expiry,
    scopes: classification.scopes,
    ...(reach ? { reach } : {}),
    ...(jti ? { jti } : {}),
    nextSteps: nextSteps(classification.kind, expiry, reach, jti),
  };
}

function step(text: string, where: RunbookStep): NextStep {
  return { text, step: where, href: `${RUNBOOK_PATH}#${where}` };
}

function nextSteps(kind: TokenKind, expiry: Expiry, reach: ScopeReach | undefined, jti: string | undefined): NextStep[] {
  const steps: NextStep[] = [];
  const expired = expiry.state === 'expired';
  switch (kind) {
    case 'hand-signed':
      steps.push(step('List every service and file that holds this token.', 'inventory'));
      steps.push(step('Give each of those services its own machine-to-machine application with only the scopes it needs.', 'replace'));
      steps.push(step('Then rotate the Global Client Secret: that retires every token signed with it, this one included.', 'decommission'));
      break;
    case 'raised-expiration':
      steps.push(step('List every service that holds a long-lived token like this one.', 'inventory'));
      steps.push(step('Have each service fetch its own short-lived token and cache it.', 'replace'));
      steps.push(step('Set the Management API\'s Token Expiration back to 86,400 seconds; tokens already issued keep working until their exp.', 'decommission'));
      break;
    case 'client-credentials':
      if (reach && reach.risks.length > 0) steps.push(step('It is the right kind, but it holds dangerous scopes: narrow its client grant to what the service calls.', 'replace'));
      steps.push(step('Check that the service works with only these scopes.', 'verify'));
      steps.push(step('Watch the logs for services still using an old token.', 'watch'));
      break;
    case 'not-management':
      steps.push(step('This is not a Management API token, so the migration does not cover it; note where it was and move on.', 'inventory'));
      break;
  }
  if (jti !== undefined && kind !== 'not-management' && !expired) {
    steps.push(step(`It carries a jti, so the tenant's denylist (POST /api/v2/blacklists/tokens) could name it, but Auth0 says API v2 tokens cannot be denylisted and whether a real tenant honours an entry is unconfirmed: don't count on it.`, 'decommission'));
  }
  if (expired && kind !== 'not-management') steps.unshift(step('It has expired and no longer works, but whatever made it may still make more: find where it came from.', 'inventory'));
  return steps;
}

function expiryOf(exp: unknown, now: number): Expiry {
  if (exp === undefined) return { state: 'never' };
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return { state: 'unreadable', why: 'Its exp is not a number, so APIs would refuse it or read it unpredictably.' };
  const at = exp * 1000;
  const date = new Date(at);
  const utc = Number.isNaN(date.getTime()) ? 'a date beyond any calendar' : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  const seconds = Math.round(Math.abs(at - now) / 1000);
  const expired = at <= now;
  return { state: expired ? 'expired' : 'valid', utc, relative: expired ? `${describeSeconds(seconds)} ago` : `in ${describeSeconds(seconds)}` };
}

const KIND_SHORT: Readonly<Record<TokenKind, string>> = {
  'hand-signed': 'hand-signed',
  'raised-expiration': 'from a raised Token Expiration',
  'client-credentials': 'ordinary client-credentials',
  'not-management': 'not for the Management API',
};

function summarise(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    const label = finding.kind ? KIND_SHORT[finding.kind] : finding.state;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const parts = [...counts].map(([label, count]) => `${count} ${label}`);
  const total = `${findings.length} token${findings.length === 1 ? '' : 's'} found`;
  return `${total}: ${parts.join('; ')}.`;
}
