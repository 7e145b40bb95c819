/**
 * The tokens exercise 5 asks the learner to judge: one of each kind of risk the lessons covered,
 * made fresh for every run with new times, lifetimes, secrets and order, so only code that reads
 * the tokens can get the verdicts right.
 *
 * @module
 */
import { SignJWT, type JWTPayload } from 'jose';
import type { Tenant } from '../tenant/index.ts';

export const RISK_FLAGS = ['no-expiry', 'long-lived', 'shared-secret', 'write-scopes'] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];

export interface RiskyTokenSet {
  tokens: string[];
  /** The right flags for each token, in RISK_FLAGS order. */
  truth: RiskFlag[][];
}

const DAY = 86_400;
type Random = () => number;

interface Kind {
  alg: 'RS256' | 'HS256';
  /** Seconds from iat to exp, or null for no exp. */
  lifetime: (random: Random) => number | null;
  scopes: (random: Random) => string[];
  /** Extra claims (a misleading `alg` in the payload, say). */
  extra?: JWTPayload;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const READS = [['read:clients'], ['read:clients', 'read:client_grants'], ['read:client_grants']];
const WRITES = [['read:clients', 'update:client_keys'], ['create:clients'], ['read:client_grants', 'delete:client_grants'], ['update:client_grants']];
const EVERYTHING = ['read:clients', 'create:clients', 'update:clients', 'delete:clients', 'read:client_keys', 'update:client_keys', 'read:client_grants', 'create:client_grants', 'update:client_grants', 'delete:client_grants'];

const KINDS: readonly Kind[] = [
  // What the client-credentials grant hands out today.
  { alg: 'RS256', lifetime: () => DAY, scopes: (r) => pick(r, READS) },
  // The old explorer's token: shared secret, any scope, no end.
  { alg: 'HS256', lifetime: () => null, scopes: () => EVERYTHING },
  // Hand-signed for years, with a payload claim that lies about the algorithm.
  { alg: 'HS256', lifetime: (r) => between(r, 1, 10) * 365 * DAY, scopes: (r) => pick(r, READS), extra: { alg: 'RS256' } },
  { alg: 'RS256', lifetime: () => DAY, scopes: (r) => pick(r, WRITES) },
  { alg: 'RS256', lifetime: (r) => between(r, 2, 60) * DAY, scopes: (r) => pick(r, READS) },
  { alg: 'RS256', lifetime: () => null, scopes: (r) => pick(r, READS) },
  { alg: 'HS256', lifetime: (r) => between(r, 5, 23) * 3600, scopes: (r) => pick(r, READS) },
];

/** The flags a token of this shape deserves: the rules exercise 5 teaches. */
export function riskFlags(alg: string, claims: JWTPayload): RiskFlag[] {
  const flags: RiskFlag[] = [];
  if (claims.exp === undefined) flags.push('no-expiry');
  else if (typeof claims.iat === 'number' && claims.exp - claims.iat > DAY) flags.push('long-lived');
  if (alg.startsWith('HS')) flags.push('shared-secret');
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (scopes.some((scope) => !scope.startsWith('read:'))) flags.push('write-scopes');
  return flags;
}

/** A new shuffled set, signed with the tenant's key (RS256) or a throwaway secret (HS256). */
export async function makeRiskyTokenSet(tenant: Tenant, random: Random = Math.random): Promise<RiskyTokenSet> {
  const secret = crypto.getRandomValues(new Uint8Array(32));
  const kinds = [...KINDS];
  for (let index = kinds.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [kinds[index], kinds[other]] = [kinds[other]!, kinds[index]!];
  }
  const set: RiskyTokenSet = { tokens: [], truth: [] };
  for (const kind of kinds) {
    const iat = tenant.clock.nowSeconds() - between(random, 60, 5 * DAY);
    const lifetime = kind.lifetime(random);
    const clientId = pick(random, tenant.applications).client_id;
    const claims: JWTPayload = {
      iss: tenant.issuer,
      sub: `${clientId}@clients`,
      aud: tenant.managementAudience,
      iat,
      ...(lifetime === null ? {} : { exp: iat + lifetime }),
      scope: kind.scopes(random).join(' '),
      gty: 'client-credentials',
      azp: clientId,
      ...kind.extra,
    };
    const jwt = new SignJWT(claims);
    const token = kind.alg === 'RS256'
      ? await jwt.setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: tenant.signingKey.kid }).sign(tenant.signingKey.privateKey)
      : await jwt.setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret);
    set.tokens.push(token);
    set.truth.push(riskFlags(kind.alg, claims));
  }
  return set;
}
