/**
 * Recognises a client assertion pasted by mistake: the short JWT an application signs with its
 * own private key and sends to the tenant's /oauth/token to ask for an access token (Private Key
 * JWT). It names the application twice (iss and sub) and the tenant as aud, which no access
 * token or ID token does, so it is told apart by its claims alone. It is not an access token and
 * must not be judged as one (no scopes to weigh, nothing to migrate).
 */
import type { JWTPayload } from 'jose';
import { looksLikeClientId } from './client-id-shape.ts';
import { describeSeconds } from './describe-seconds.ts';
import type { Source } from './scope-risks.ts';

/** The longest assertion lifetime Auth0 accepts, in seconds. */
export const MAX_ASSERTION_LIFETIME = 300;

/** Where the reader can check what is said about assertions. */
export const PRIVATE_KEY_JWT_SOURCES: readonly Source[] = [
  {
    label: 'Auth0 docs: Authenticate with Private Key JWT',
    href: 'https://auth0.com/docs/get-started/authentication-and-authorization-flow/authenticate-with-private-key-jwt',
  },
  {
    label: 'Auth0 docs: Configure Private Key JWT Authentication',
    href: 'https://auth0.com/docs/get-started/applications/configure-private-key-jwt',
  },
];

export interface ClientAssertion {
  /** The application that signed it (its iss and sub). */
  readonly clientId: string;
  readonly reasons: string[];
  readonly uncertain: string[];
}

// The tenant itself (its own domain or a custom domain), or its token endpoint: what an assertion
// is addressed to. An API's path (/api/v2/ and the like) is not.
const TENANT_AUDIENCE = /^https:\/\/[A-Za-z0-9.-]+(?::\d+)?(\/|\/oauth\/token)?$/;

/**
 * The assertion `claims` are, or undefined when they are not one. `audiences` are the claim's
 * strings, `scopes` those the token carries, `lifetime` its `exp − iat` when both are numbers.
 * The caller decides that the signature algorithm is a key's (not none, not a shared secret).
 */
export function recogniseClientAssertion(
  claims: JWTPayload,
  audiences: readonly string[],
  scopes: readonly string[],
  lifetime: number | undefined,
): ClientAssertion | undefined {
  const { iss, sub } = claims;
  if (typeof iss !== 'string' || iss !== sub || !looksLikeClientId(iss)) return undefined;
  // An access token carries what it may do and how it was granted; an assertion asks for those.
  if (scopes.length > 0 || claims.gty !== undefined) return undefined;
  if (audiences.length === 0 || !audiences.every((aud) => TENANT_AUDIENCE.test(aud))) return undefined;

  const audience = audiences.join(', ');
  const reasons = [
    `Its iss and sub are both ${iss}, which looks like an application's client id, and its aud is the tenant itself (${audience}), not an API: that is a client assertion.`,
    'It is not an access token, and no API accepts it as one. An application signs one with its own private key and sends it to POST /oauth/token to ask for an access token, instead of sending a client secret (Private Key JWT).',
    'It holds no secret and no private key: only the application\'s signature, which the tenant checks with the public key it keeps for that application.',
    `Auth0 accepts each jti once, and only until exp, at most ${describeSeconds(MAX_ASSERTION_LIFETIME)} after the assertion is made: a copy that was already used, or has expired, gets nobody a token.`,
  ];
  const uncertain: string[] = [];
  if (lifetime !== undefined && lifetime <= MAX_ASSERTION_LIFETIME) reasons.push(`This one lives ${describeSeconds(lifetime)} from iat to exp.`);
  if (lifetime !== undefined && lifetime > MAX_ASSERTION_LIFETIME) {
    uncertain.push(`It lives ${describeSeconds(lifetime)} from iat to exp, longer than the ${describeSeconds(MAX_ASSERTION_LIFETIME)} Auth0 allows, so a tenant would refuse it; something other than an Auth0 SDK may have made it.`);
  }
  if (claims.exp === undefined) uncertain.push('It has no exp, which Auth0 requires in an assertion, so a tenant would refuse it.');
  if (typeof claims.jti !== 'string' || claims.jti === '') uncertain.push('It has no jti, which Auth0 requires in an assertion (a new one each time), so a tenant would refuse it.');
  if (audiences.some((aud) => !aud.endsWith('/'))) {
    uncertain.push(`Auth0's docs ask for the tenant URL with its trailing slash as aud (https://{domain}/); whether a tenant also takes ${audience} is not documented there.`);
  }
  return { clientId: iss, reasons, uncertain };
}
