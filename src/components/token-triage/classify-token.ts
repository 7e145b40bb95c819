/**
 * Tells the kinds of token apart from their header and claims alone, the way the runbook's
 * inventory does by eye: the signing algorithm, the audience and the lifetime decide it (and, for
 * a client assertion pasted by mistake, iss and sub: see client-assertion.ts).
 * What the claims cannot prove is said, not guessed silently.
 */
import type { JWTPayload, ProtectedHeaderParameters } from 'jose';
import { PRIVATE_KEY_JWT_SOURCES, recogniseClientAssertion } from './client-assertion.ts';
import { looksLikeClientId } from './client-id-shape.ts';
import { describeSeconds } from './describe-seconds.ts';
import type { Source } from './scope-risks.ts';

/** Auth0's default Management API token lifetime, in seconds. */
export const DEFAULT_LIFETIME = 86_400;
/** The longest Token Expiration Auth0 documents, in seconds (30 days). */
export const MAX_DOCUMENTED_LIFETIME = 2_592_000;

export type TokenKind = 'hand-signed' | 'raised-expiration' | 'client-credentials' | 'malformed' | 'client-assertion' | 'not-management';

export interface Classification {
  readonly kind: TokenKind;
  /** Why, one short sentence each. */
  readonly reasons: string[];
  /** What the claims cannot settle. */
  readonly uncertain: string[];
  /** Time claims (exp, iat, nbf) present but not numbers, one sentence each; empty when all is well. */
  readonly malformed: string[];
  /** `exp − iat`, when both are numbers. */
  readonly lifetime: number | undefined;
  readonly scopes: string[];
  /** The application a client assertion speaks for (its iss and sub). */
  readonly clientId?: string;
  /** Documents the reader can check the kind against, when the kind has its own. */
  readonly sources?: readonly Source[];
}

export const KIND_TITLES: Readonly<Record<TokenKind, string>> = {
  'hand-signed': 'Hand-signed with a shared secret (the old Global Client Secret way)',
  'raised-expiration': 'Management API token from a raised Token Expiration',
  'client-credentials': 'Ordinary client-credentials Management API token',
  malformed: 'Management API token with malformed claims: its times are not numbers',
  'client-assertion': 'Client assertion (Private Key JWT): not an access token',
  'not-management': 'Not a Management API token',
};

/**
 * Whether a token of `kind` is a Management API access token, so that its scopes, its expiry
 * and the denylist are worth talking about.
 */
export function isManagementToken(kind: TokenKind): boolean {
  return kind !== 'not-management' && kind !== 'client-assertion';
}

const MANAGEMENT_AUDIENCE = /^https:\/\/[^/\s]+\/api\/v2\/?$/;

/** The kind of token, with the reasons and doubts to show the reader. */
export function classifyToken(header: ProtectedHeaderParameters, claims: JWTPayload, nowSeconds: number): Classification {
  const alg = typeof header.alg === 'string' ? header.alg : '';
  const audiences = audiencesOf(claims.aud);
  const management = audiences.find((aud) => MANAGEMENT_AUDIENCE.test(aud));
  const clientIdAudience = audiences.find((aud) => looksLikeClientId(aud));
  const scopes = scopesOf(claims);
  const malformed = malformedTimes(claims);
  const lifetime = malformed.length === 0 && typeof claims.exp === 'number' && typeof claims.iat === 'number' ? claims.exp - claims.iat : undefined;
  const reasons: string[] = [];
  const uncertain: string[] = [];
  const result = (kind: TokenKind): Classification => ({ kind, reasons, uncertain, malformed, lifetime, scopes });

  if (alg.toLowerCase() === 'none') {
    reasons.push('It is not signed at all (alg "none"): no API that checks signatures accepts it.');
    return result('not-management');
  }
  if (/^HS\d+$/.test(alg)) {
    reasons.push(`It is signed with ${alg}, a shared secret, not with the tenant's private key.`);
    if (management !== undefined) {
      reasons.push(`Its aud is the Management API (${management}).`);
      uncertain.push('The old recipe put the Global Client ID in aud, not the API URL; which secret signed this one cannot be told without the secret.');
      return result('hand-signed');
    }
    if (clientIdAudience !== undefined && scopes.length > 0) {
      reasons.push(`Its aud (${clientIdAudience}) looks like a client id, as the old recipe used the Global Client ID, and it carries scopes.`);
      uncertain.push('Whether that client id is your Global Client ID: compare it with Tenant Settings > Advanced.');
      return result('hand-signed');
    }
    if (clientIdAudience !== undefined) {
      reasons.push(`Its aud (${clientIdAudience}) looks like a client id and it carries no scopes: probably an ID token signed with an application's own secret.`);
      uncertain.push('ID tokens name an application in aud; a hand-signed Management API token with no scope would look the same but open nothing.');
      return result('not-management');
    }
    reasons.push(audiences.length > 0 ? `Its aud (${audiences.join(', ')}) is not the Management API.` : 'It has no aud, so no Auth0 API would take it.');
    return result('not-management');
  }
  if (alg === '') {
    reasons.push('Its header names no signing algorithm.');
    return result('not-management');
  }
  // Reached only by a token signed with a key (none and HS* have returned): Auth0 takes no
  // assertion signed with a shared secret, so one that is stays among the tokens above.
  const assertion = recogniseClientAssertion(claims, audiences, scopes, lifetime);
  if (assertion !== undefined) {
    reasons.push(...assertion.reasons);
    uncertain.push(...assertion.uncertain);
    return { ...result('client-assertion'), clientId: assertion.clientId, sources: PRIVATE_KEY_JWT_SOURCES };
  }

  if (management === undefined) {
    if (clientIdAudience !== undefined) {
      reasons.push(`Its aud (${clientIdAudience}) names an application, not an API: it looks like an ID token, which proves a login to that application.`);
    } else if (audiences.length > 0) {
      reasons.push(`Its aud (${audiences.join(', ')}) is another API, not the Management API.`);
    } else {
      reasons.push('It has no aud, so no Auth0 API would take it.');
    }
    return result('not-management');
  }

  reasons.push(`It is signed with ${alg} by the tenant's private key and its aud is the Management API (${management}).`);
  // Between the kinds below only the times decide, and these cannot be read: calling it ordinary
  // (or long-lived) would be a guess dressed as an answer.
  if (malformed.length > 0) {
    reasons.push('Auth0 writes exp and iat as numbers of seconds, so this token was made or altered by something other than Auth0.');
    uncertain.push('Whether the Management API refuses it is not known here; JWT libraries such as jose refuse a time that is not a number, and code that skips the check would treat it as never expiring.');
    return result('malformed');
  }
  const remaining = typeof claims.exp === 'number' ? claims.exp - nowSeconds : undefined;
  if (lifetime !== undefined && lifetime > DEFAULT_LIFETIME) {
    reasons.push(`It lives ${describeSeconds(lifetime)} from iat to exp, more than the 24-hour default.`);
    if (lifetime > MAX_DOCUMENTED_LIFETIME) uncertain.push('That is longer than the 30 days Auth0 documents as the maximum, so it may not come from Auth0 at all.');
    return result('raised-expiration');
  }
  if (claims.exp === undefined) {
    reasons.push('It has no exp, so nothing makes it stop working.');
    uncertain.push('No documented Auth0 setting issues a Management API token without exp (the maximum is 30 days): find out who made it.');
    return result('raised-expiration');
  }
  if (lifetime === undefined && remaining !== undefined && remaining > DEFAULT_LIFETIME) {
    reasons.push(`It has no iat, but it is still valid for ${describeSeconds(remaining)}, more than the 24-hour default.`);
    return result('raised-expiration');
  }
  if (lifetime === undefined) uncertain.push('It has no iat, so its lifetime cannot be read; it has less than 24 hours left.');
  else reasons.push(`It lives ${describeSeconds(lifetime)}, within the 24-hour default.`);
  // Auth0's docs write gty as client_credentials (docs-v2 #1282); tokens seen in practice carry
  // client-credentials (auth0/docs #6729). Either marks a client-credentials token.
  if (claims.gty === 'client-credentials' || claims.gty === 'client_credentials' || (typeof claims.sub === 'string' && claims.sub.endsWith('@clients'))) {
    reasons.push('Its gty or sub (…@clients) shows it came from the client-credentials grant.');
  } else {
    uncertain.push('Neither gty nor sub says client credentials: it may have been issued to a user who logged in with the Management API as audience.');
  }
  return result('client-credentials');
}

/** A sentence for each time claim that is present but not a finite number. */
function malformedTimes(claims: JWTPayload): string[] {
  const named = { exp: 'exp (expiry)', iat: 'iat (issued at)', nbf: 'nbf (not before)' } as const;
  return (Object.keys(named) as Array<keyof typeof named>).flatMap((claim) => {
    const value: unknown = claims[claim];
    if (value === undefined || (typeof value === 'number' && Number.isFinite(value))) return [];
    const shown = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
    return [`Its ${named[claim]} is ${describeType(value)} (${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}), not a number of seconds.`];
  });
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return 'not a finite number';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

function audiencesOf(aud: unknown): string[] {
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud) ? aud.filter((entry): entry is string => typeof entry === 'string') : [];
}

function scopesOf(claims: JWTPayload): string[] {
  const { scope, permissions } = claims;
  if (typeof scope === 'string') return scope.split(/\s+/).filter((entry) => entry.length > 0);
  // Some APIs with RBAC put the same strings in a permissions array.
  if (Array.isArray(permissions)) return permissions.filter((entry): entry is string => typeof entry === 'string');
  return [];
}
