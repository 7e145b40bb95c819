/**
 * The token triage: from pasted text to one finding per token (and one per place a token is
 * said to be kept), in plain words. Pure (no DOM, no network, no storage), so the same answer
 * shows on the page, in the copied summary and in the tests.
 */
import type { JWTPayload, ProtectedHeaderParameters } from 'jose';
import type { RouteLike } from '../leak-drill/token-reach.ts';
import { classifyToken, isManagementToken, KIND_TITLES, type TokenKind } from './classify-token.ts';
import { describeInstant } from './describe-instant.ts';
import { describeSeconds } from './describe-seconds.ts';
import { describePlace } from './describe-place.ts';
import { explainReference, type ReferenceExplanation } from './explain-reference.ts';
import { findSecretReferences, type SecretReference } from './find-secret-references.ts';
import { findTokens, looksBinary, MAX_SCAN_CHARS, MAX_TOKENS, type FoundToken } from './find-tokens.ts';
import type { RejoinHow } from './rejoin-wrapped.ts';
import { readToken } from './read-token.ts';
import { scopeReach, type ScopeReach, type Source } from './scope-risks.ts';

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

/** When it was issued (iat), when the token says. */
export type Issued =
  | { readonly state: 'absent' }
  | { readonly state: 'unreadable'; readonly why: string }
  | { readonly state: 'at'; readonly utc: string; readonly relative: string };

export interface Finding {
  /** 1-based, in order of appearance. */
  readonly number: number;
  readonly lines: readonly number[];
  /** The start of the header part only: enough to recognise it, nothing secret. */
  readonly preview: string;
  readonly title: string;
  readonly state: 'decoded' | 'encrypted' | 'unreadable';
  readonly kind?: TokenKind;
  /** Where it was found, one fragment per place (`value of AUTH0_TOKEN, line 2`). */
  readonly places: readonly string[];
  /** Set when it was wrapped over lines and joined before reading. */
  readonly rejoined?: string;
  /** Time claims that are not numbers, one sentence each. */
  readonly malformed: readonly string[];
  /** `exp − iat` in seconds, when both are numbers. */
  readonly lifetime?: number;
  readonly issued?: Issued;
  readonly problem?: string;
  readonly header?: ProtectedHeaderParameters;
  readonly claims?: JWTPayload;
  readonly reasons: readonly string[];
  readonly uncertain: readonly string[];
  readonly expiry?: Expiry;
  readonly scopes: readonly string[];
  readonly reach?: ScopeReach;
  readonly jti?: string;
  /** The application a client assertion speaks for. */
  readonly clientId?: string;
  /** Documents that back what the finding says about its kind. */
  readonly sources?: readonly Source[];
  readonly nextSteps: readonly NextStep[];
}

/** A place the text names where a token is kept, with no token in the text. */
export interface ReferenceFinding extends SecretReference, ReferenceExplanation {
  /** 1-based, in order of first mention. */
  readonly number: number;
}

export interface TriageReport {
  readonly findings: Finding[];
  readonly references: ReferenceFinding[];
  /** One or two sentences for the live region. */
  readonly summary: string;
  /** Caps that were hit, in plain words. */
  readonly notes: string[];
}

/** Analyses `text` against the route table `routes` at `now` (milliseconds). Never throws on input. */
export function triage(text: string, routes: readonly RouteLike[], now: number): TriageReport {
  if (text.trim() === '') return { findings: [], references: [], summary: 'Paste a token or a config file to check it.', notes: [] };
  const found = findTokens(text);
  const scanned = found.cutShort ? text.slice(0, MAX_SCAN_CHARS) : text;
  const references = findSecretReferences(scanned).map((reference, index) => ({ ...reference, ...explainReference(reference), number: index + 1 }));
  const notes: string[] = [];
  if (found.cutShort) notes.push(`Only the first ${MAX_SCAN_CHARS.toLocaleString('en')} characters were searched.`);
  if (found.skipped > 0) {
    notes.push(`${found.skipped.toLocaleString('en')} more token${found.skipped === 1 ? '' : 's'} found beyond the first ${MAX_TOKENS} and not analysed: paste them in smaller parts.`);
  }
  if (found.tokens.length === 0) {
    if (references.length > 0) return { findings: [], references, summary: `No token in the text, but ${summariseReferences(references)}`, notes };
    const summary = looksBinary(text)
      ? 'No token found: this looks like binary data, not text. Tokens are text that starts with eyJ.'
      : 'No token found. A JWT is three parts joined by dots, starting with eyJ; check that the whole token was pasted.';
    return { findings: [], references, summary, notes };
  }
  const findings = found.tokens.map((token, index) => findingFor(index + 1, token, placesOf(scanned, token), routes, now));
  const summary = summarise(findings) + (references.length > 0 ? ` It also ${summariseReferences(references).replace(/^it /, '')}` : '');
  return { findings, references, summary, notes };
}

/** Where a token was found, each place once, and how it was rejoined if it was. */
function placesOf(text: string, token: FoundToken): { places: string[]; rejoined?: string } {
  const every = [...new Set(token.sightings.map((sighting) => describePlace(text, sighting)))];
  // A token pasted in many places is listed by its first few; the heading lists every line.
  const places = every.length > MAX_PLACES ? [...every.slice(0, MAX_PLACES), 'and more places (every line is in the heading)'] : every;
  const wrapped = token.sightings.find((sighting) => sighting.rejoined !== undefined);
  if (!wrapped?.rejoined) return { places };
  const what = wrapped.encoding === 'base64' ? 'Its base64 text was' : 'It was';
  return {
    places,
    rejoined: `${what} wrapped over lines ${wrapped.line}–${wrapped.rejoined.lastLine} (${REJOIN_WORDS[wrapped.rejoined.how]}); the pieces were rejoined before reading it.`,
  };
}

const MAX_PLACES = 5;

const REJOIN_WORDS: Readonly<Record<RejoinHow, string>> = {
  backslash: 'a line continued with a backslash',
  quotes: 'a quoted value run on to the next line',
  'line-break': 'broken by line breaks',
};

function findingFor(number: number, token: FoundToken, where: { places: string[]; rejoined?: string }, routes: readonly RouteLike[], now: number): Finding {
  const read = readToken(token);
  const base = {
    number,
    lines: token.lines,
    preview: `${token.text.slice(0, 12)}…`,
    places: where.places,
    ...(where.rejoined ? { rejoined: where.rejoined } : {}),
    scopes: [] as string[],
    reasons: [] as string[],
    uncertain: [] as string[],
    malformed: [] as string[],
  };
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
  const issued = issuedOf(claims.iat, now);
  const uncertain = [...classification.uncertain];
  if (typeof claims.iat === 'number' && claims.iat > nowSeconds + 300) {
    uncertain.push('Its iat is in the future: the clock that issued it was wrong, or it was made by hand.');
  }
  const reach = isManagementToken(classification.kind) ? scopeReach(routes, classification.scopes) : undefined;
  const jti = typeof claims.jti === 'string' && claims.jti !== '' ? claims.jti : undefined;
  const qualifier = expiry.state === 'expired' ? ' (expired)' : classification.malformed.length > 0 && classification.kind !== 'malformed' ? ' (malformed claims)' : '';
  return {
    ...base,
    state: 'decoded',
    kind: classification.kind,
    title: KIND_TITLES[classification.kind] + qualifier,
    header,
    claims,
    reasons: classification.reasons,
    uncertain,
    malformed: classification.malformed,
    ...(classification.lifetime !== undefined ? { lifetime: classification.lifetime } : {}),
    issued,
    expiry,
    scopes: classification.scopes,
    ...(reach ? { reach } : {}),
    ...(jti ? { jti } : {}),
    ...(classification.clientId ? { clientId: classification.clientId } : {}),
    ...(classification.sources ? { sources: classification.sources } : {}),
    nextSteps: nextSteps(classification.kind, expiry, reach, jti),
  };
}

function step(text: string, where: RunbookStep): NextStep {
  return { text, step: where, href: `${RUNBOOK_PATH}#${where}` };
}

function nextSteps(kind: TokenKind, expiry: Expiry, reach: ScopeReach | undefined, jti: string | undefined): NextStep[] {
  if (expiry.state === 'expired' && isManagementToken(kind)) return expiredSteps(kind, expiry.relative);
  const steps: NextStep[] = [];
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
    case 'malformed':
      steps.push(step('Find who made it and what still sends it: Auth0 only ever writes exp and iat as numbers of seconds, so something else made or changed this token.', 'inventory'));
      steps.push(step('Replace it with a token the service fetches itself through client credentials; do not count on this one expiring.', 'replace'));
      break;
    case 'client-credentials':
      if (reach && reach.risks.length > 0) steps.push(step('It is the right kind, but it holds dangerous scopes: narrow its client grant to what the service calls.', 'replace'));
      steps.push(step('Check that the service works with only these scopes.', 'verify'));
      steps.push(step('Watch the logs for services still using an old token.', 'watch'));
      break;
    case 'client-assertion':
      // An assertion travels only in the body of a request to /oauth/token, so finding one in a
      // log or a capture says that bodies are recorded: the leak worth chasing is the recorder.
      steps.push(
        step(
          'If you found it in a log, that log records the bodies of requests to /oauth/token, the only place an assertion is sent. Find what writes them (a proxy, an API gateway, an HTTP client\'s debug logging) and stop it: the same log may hold the client secrets of applications that still send one, and a client secret does not expire.',
          'inventory',
        ),
      );
      steps.push(step('Nothing to replace for this application: it already proves who it is with a private key instead of a client secret, the stronger way the runbook recommends. Note its client id in your inventory.', 'replace'));
      break;
    case 'not-management':
      steps.push(step('This is not a Management API token, so the migration does not cover it; note where it was and move on.', 'inventory'));
      break;
  }
  if (jti !== undefined && isManagementToken(kind)) {
    steps.push(step(`It carries a jti, so the tenant's denylist (POST /api/v2/blacklists/tokens) could name it, but Auth0 says API v2 tokens cannot be denylisted and whether a real tenant honours an entry is unconfirmed: don't count on it.`, 'decommission'));
  }
  return steps;
}

/**
 * An expired token opens nothing any more, so scopes and narrowing are beside the point: what
 * matters is whoever still sends it (failing with 401) and whatever made it (still able to).
 */
function expiredSteps(kind: TokenKind, expiredAgo: string): NextStep[] {
  const steps = [
    step(`It expired ${expiredAgo} and no longer works; if something still sends it, that caller gets 401 responses: find and replace that caller's token (look for 401s in its logs).`, 'inventory'),
    step('Have that caller fetch a fresh token itself through client credentials and cache it until its exp, instead of keeping one in a file.', 'replace'),
  ];
  if (kind === 'hand-signed') steps.push(step('Whatever signed it can still sign more: rotate the Global Client Secret once nothing needs it.', 'decommission'));
  if (kind === 'raised-expiration') steps.push(step('The raised Token Expiration that made it may still be set: put the Management API\'s Token Expiration back to 86,400 seconds.', 'decommission'));
  return steps;
}

function expiryOf(exp: unknown, now: number): Expiry {
  if (exp === undefined) return { state: 'never' };
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return { state: 'unreadable', why: 'Its exp is not a number, so APIs would refuse it or read it unpredictably.' };
  const { utc, relative, past } = describeInstant(exp, now);
  return { state: past ? 'expired' : 'valid', utc, relative };
}

function issuedOf(iat: unknown, now: number): Issued {
  if (iat === undefined) return { state: 'absent' };
  if (typeof iat !== 'number' || !Number.isFinite(iat)) return { state: 'unreadable', why: 'Its iat is not a number, so when it was issued cannot be read.' };
  const { utc, relative } = describeInstant(iat, now);
  return { state: 'at', utc, relative };
}

const KIND_SHORT: Readonly<Record<TokenKind, string>> = {
  'hand-signed': 'hand-signed',
  'raised-expiration': 'from a raised Token Expiration',
  'client-credentials': 'ordinary client-credentials',
  malformed: 'malformed (exp or iat not a number)',
  'client-assertion': 'client assertion (Private Key JWT)',
  'not-management': 'not for the Management API',
};

function summarise(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    const qualifier = finding.expiry?.state === 'expired' ? ' (expired)' : finding.malformed.length > 0 && finding.kind !== 'malformed' ? ' (malformed claims)' : '';
    const label = finding.kind ? KIND_SHORT[finding.kind] + qualifier : finding.state;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const parts = [...counts].map(([label, count]) => `${count} ${label}`);
  const total = `${findings.length} token${findings.length === 1 ? '' : 's'} found`;
  return `${total}: ${parts.join('; ')}.`;
}

/** "it names where a token is kept: secret X (GitHub Actions): look there." */
function summariseReferences(references: readonly ReferenceFinding[]): string {
  if (references.length === 1) return `it names where a token is kept. ${references[0]!.headline}.`;
  return `it names ${references.length} places where tokens are kept: ${references.map((reference) => reference.short).join('; ')}. Look there.`;
}

/** "24 hours", or why the lifetime cannot be told. */
export function lifetimeText(finding: Finding): string {
  if (finding.lifetime !== undefined) return describeSeconds(finding.lifetime);
  if (finding.expiry?.state === 'never') return 'unlimited: no exp, so it never expires';
  if (finding.malformed.length > 0) return 'unreadable: its times are not numbers';
  if (finding.issued?.state === 'absent') return 'unknown: it has no iat';
  return 'unknown';
}
