import fc from 'fast-check';
import { SignJWT, type JWTPayload } from 'jose';
import { legacySigningKey } from './legacy-token.ts';
import { SEEDED_CREDENTIALS } from './seed.ts';
import type { Tenant } from './tenant.ts';
import type { TenantSnapshot } from './tenant-snapshot.ts';
import { START } from './hosts/testing.ts';

/*
 * The fuzz generators for credentials (fuzz.test.ts runs them): bearer tokens, real, mutated,
 * hand-shaped or validly signed with mistyped claims, and the Authorization headers that carry
 * them or a client's HTTP Basic secret. A generator yields a recipe, and `bakeAuthorization` turns
 * it into a header with the real tokens and keys of a run's tenant, which fast-check cannot make.
 */

export const ORIGIN = 'https://acme.auth0.test';
export const AUDIENCE = `${ORIGIN}/api/v2/`;

/** Header values: any Latin-1 text except the three characters `Headers` itself refuses. */
export const headerText = (maxLength = 80) => fc.string({ unit: 'binary-ascii', maxLength }).map((text) => text.replace(/[\0\r\n]/g, ' '));
const b64url = (text: string) => Buffer.from(text).toString('base64url');
const base64urlSegment = fc.uint8Array({ maxLength: 96 }).map((bytes) => Buffer.from(bytes).toString('base64url'));

/** What a run starts from: a seeded tenant, its snapshot, two real tokens and its key id. */
export interface Fixture {
  tenant: Tenant;
  snapshot: TenantSnapshot;
  reporting: string;
  explorer: string;
  kid: string;
}

export const claimValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.integer({ min: -1e10, max: 1e11 }), fc.string({ maxLength: 30 }));
const claimsArb = fc.record(
  {
    iss: fc.oneof(fc.constant(`${ORIGIN}/`), claimValue),
    aud: fc.oneof(fc.constant(AUDIENCE), fc.constant([AUDIENCE, 'x']), fc.constant(SEEDED_CREDENTIALS.explorer.client_id), claimValue),
    iat: fc.oneof(fc.integer({ min: START.getTime() / 1000 - 200_000, max: START.getTime() / 1000 + 200_000 }), claimValue),
    exp: fc.oneof(fc.integer({ min: START.getTime() / 1000 - 200_000, max: START.getTime() / 1000 + 200_000 }), claimValue),
    nbf: fc.oneof(fc.integer({ min: START.getTime() / 1000 - 200_000, max: START.getTime() / 1000 + 200_000 }), claimValue),
    scope: fc.oneof(fc.constantFrom('read:clients', 'create:client_grants delete:client_grants', ''), claimValue),
    sub: claimValue,
  },
  { requiredKeys: [] },
);
const protectedHeaderArb = fc.record(
  {
    alg: fc.oneof(fc.constantFrom('RS256', 'HS256', 'none', 'NONE', 'ES256', 'RS512', 'PS256', ''), claimValue),
    kid: fc.oneof(fc.constant('TENANT_KID'), claimValue),
    typ: fc.constantFrom('JWT', 'at+jwt'),
    crit: fc.constant(['b64']),
    b64: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** How a token is derived; turned into a string with the fixture's real tokens and keys. */
type TokenRecipe =
  | { kind: 'real'; role: 'reporting' | 'explorer' }
  | { kind: 'mutated'; role: 'reporting' | 'explorer'; at: number; op: 'flip' | 'drop' | 'insert' | 'truncate' | 'swap'; char: string }
  | { kind: 'shaped'; header: Record<string, unknown> | string; payload: Record<string, unknown> | string; signature: string }
  | { kind: 'signed'; alg: 'RS256' | 'HS256'; kidIsTenant: boolean; claims: Record<string, unknown> };

const tokenRecipe: fc.Arbitrary<TokenRecipe> = fc.oneof(
  fc.record({ kind: fc.constant('real' as const), role: fc.constantFrom('reporting' as const, 'explorer' as const) }),
  fc.record({
    kind: fc.constant('mutated' as const),
    role: fc.constantFrom('reporting' as const, 'explorer' as const),
    at: fc.nat(),
    op: fc.constantFrom('flip' as const, 'drop' as const, 'insert' as const, 'truncate' as const, 'swap' as const),
    char: fc.constantFrom('A', '.', '-', '_', '=', '+', '/', ' ', '%', 'é'),
  }),
  fc.record({
    kind: fc.constant('shaped' as const),
    header: fc.oneof(protectedHeaderArb, base64urlSegment),
    payload: fc.oneof(claimsArb, base64urlSegment),
    signature: base64urlSegment,
  }),
  fc.record({ kind: fc.constant('signed' as const), alg: fc.constantFrom('RS256' as const, 'HS256' as const), kidIsTenant: fc.boolean(), claims: claimsArb }),
);

async function bakeToken(recipe: TokenRecipe, fixture: Fixture, tenant: Tenant): Promise<string> {
  switch (recipe.kind) {
    case 'real':
      return fixture[recipe.role];
    case 'mutated': {
      const token = fixture[recipe.role];
      const at = recipe.at % token.length;
      if (recipe.op === 'flip') return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
      if (recipe.op === 'drop') return token.slice(0, at) + token.slice(at + 1);
      if (recipe.op === 'insert') return token.slice(0, at) + recipe.char + token.slice(at);
      if (recipe.op === 'truncate') return token.slice(0, at);
      const [header, payload, signature] = token.split('.');
      return `${payload}.${header}.${signature}`;
    }
    case 'shaped': {
      const encode = (part: Record<string, unknown> | string) => (typeof part === 'string' ? part : b64url(JSON.stringify(part).replace('"TENANT_KID"', JSON.stringify(fixture.kid))));
      return `${encode(recipe.header)}.${encode(recipe.payload)}.${recipe.signature}`;
    }
    case 'signed': {
      const header = { alg: recipe.alg, typ: 'JWT', ...(recipe.kidIsTenant ? { kid: fixture.kid } : {}) };
      const key = recipe.alg === 'RS256' ? tenant.signingKey.privateKey : legacySigningKey(tenant);
      // Mistyped claims on purpose: a validly signed token must not crash the claim checks either.
      return new SignJWT(recipe.claims as JWTPayload).setProtectedHeader(header).sign(key);
    }
  }
}

export type AuthorizationRecipe =
  | { kind: 'none' }
  | { kind: 'raw'; value: string }
  | { kind: 'bearer'; scheme: string; token: TokenRecipe; extra: string }
  | { kind: 'basic'; text: string; encoded: boolean };

export const authorizationArb: fc.Arbitrary<AuthorizationRecipe> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), value: headerText() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('bearer' as const), scheme: fc.constantFrom('Bearer', 'bearer', 'BEARER', 'Bearer ', 'Token', 'Bearer\t'), token: tokenRecipe, extra: fc.oneof({ weight: 5, arbitrary: fc.constant('') }, { weight: 1, arbitrary: headerText(10) }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('basic' as const), text: fc.oneof(fc.constant(`${SEEDED_CREDENTIALS.reporting.client_id}:${SEEDED_CREDENTIALS.reporting.client_secret}`), headerText(60)), encoded: fc.boolean() }) },
);

export async function bakeAuthorization(recipe: AuthorizationRecipe, fixture: Fixture, tenant: Tenant): Promise<string | undefined> {
  switch (recipe.kind) {
    case 'none': return undefined;
    case 'raw': return recipe.value;
    case 'bearer': return `${recipe.scheme} ${await bakeToken(recipe.token, fixture, tenant)}${recipe.extra}`;
    case 'basic': return `Basic ${recipe.encoded ? Buffer.from(recipe.text, 'latin1').toString('base64') : recipe.text}`;
  }
}
