import { compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { privateKeyJwtCredentialIds } from './client-authentication.ts';
import { readCredentialKey } from './credential-key.ts';
import type { AssertionProblem } from './error-codes.ts';
import type { Application, ClientCredential } from './model.ts';
import type { Tenant } from './tenant.ts';
import { TenantError } from './tenant-error.ts';
import { assertionIdUsed } from './used-assertion-ids.ts';

/*
 * The rules of a client assertion (Private Key JWT), from Auth0's "Authenticate with Private Key
 * JWT": signed with the `alg` of a credential the application has enabled (`kid` optional); `iss`
 * and `sub` its client id; `aud` the tenant's URL with its trailing slash; `exp` required, at most
 * five minutes after `iat` ("Auth0 supports a maximum of 5 minutes for the lifetime of a token";
 * Auth0's logs word the refusal "'exp' claim must specify a time that is no more than 5 minutes
 * after 'iat'"); "a clock skew of up to 10 seconds is allowed for iat and nbf"; a unique `jti`; at
 * most 2048 bytes, `iss`, `sub` and `jti` at most 64 characters, `alg` 16. Time is the tenant's
 * clock. What the page leaves open (the answer's wording, no iat, the order of the checks) is
 * assumption `client-assertion-rules`.
 */

/** The `client_assertion_type` of a JWT client assertion (RFC 7523). */
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Longest accepted lifetime of an assertion, `exp` − `iat`, in seconds. */
export const ASSERTION_MAX_LIFETIME_SECONDS = 300;
/** How far `iat` and `nbf` may be ahead of the tenant's clock, in seconds. */
export const ASSERTION_CLOCK_SKEW_SECONDS = 10;
/** Longest accepted assertion, in bytes. */
export const ASSERTION_MAX_BYTES = 2048;

const ALGORITHMS = ['RS256', 'RS384', 'PS256'];
const CLAIM_LIMIT = 64;

type Refusal = TenantError<'invalid_client_assertion'>;
const refuse = (problem: AssertionProblem, detail?: string, expected?: string): Refusal =>
  new TenantError('invalid_client_assertion', { problem, ...(detail === undefined ? {} : { detail: detail.slice(0, 200) }), ...(expected === undefined ? {} : { expected }) });

/** The claims of an accepted assertion that the tenant must remember, so it is never accepted twice. */
export interface AcceptedAssertion {
  readonly jti: string;
  readonly exp: number;
}

/**
 * The `sub` of an assertion, read without checking anything, to find which application it claims
 * to be when the request names none (Auth0's own example sends no `client_id`).
 */
export function claimedClientId(assertion: string): string | undefined {
  try {
    const { sub } = decodeJwt(assertion);
    return typeof sub === 'string' && sub !== '' ? sub : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies `assertion` as the client authentication of `app`, the application `clientId` (sent
 * or claimed) names. Resolves to the `jti` and `exp` to remember, or to why it was refused.
 */
export async function verifyClientAssertion(tenant: Tenant, app: Application, assertion: string, clientId: string): Promise<AcceptedAssertion | Refusal> {
  if (new TextEncoder().encode(assertion).length > ASSERTION_MAX_BYTES) return refuse('too_long');
  let header: ProtectedHeaderParameters;
  let claims: JWTPayload;
  try {
    header = decodeProtectedHeader(assertion);
    claims = decodeJwt(assertion);
  } catch {
    return refuse('malformed');
  }
  const { alg, kid } = header;
  if (typeof alg !== 'string') return refuse('alg_not_supported');
  if (alg.length > 16) return refuse('claim_too_long', 'alg');
  if (!ALGORITHMS.includes(alg)) return refuse('alg_not_supported', alg);
  const who = identityProblem(claims, clientId);
  if (who !== undefined) return who;

  const candidates = enabledCredentials(tenant, app);
  if (candidates instanceof TenantError) return candidates;
  const matching = kid === undefined ? candidates : candidates.filter((credential) => credential.kid === kid);
  if (matching.length === 0) return kid === undefined ? refuse('bad_signature') : refuse('unknown_kid', String(kid));
  const sameAlg = matching.filter((credential) => credential.alg === alg);
  if (sameAlg.length === 0) return refuse('alg_mismatch', alg);
  const now = tenant.clock.now();
  const live = sameAlg.filter((credential) => credential.expires_at === undefined || Date.parse(credential.expires_at) > now);
  if (live.length === 0) return refuse('credential_expired');
  if (!(await signedByOneOf(assertion, live))) return refuse('bad_signature');

  return claimsProblem(tenant, app, claims) ?? { jti: claims.jti as string, exp: claims.exp as number };
}

/** `iss`, `sub` (and `jti`, checked later) are strings of at most 64 characters; iss = sub = the client id. */
function identityProblem(claims: JWTPayload, clientId: string): Refusal | undefined {
  for (const name of ['iss', 'sub'] as const) {
    const value = claims[name];
    if (typeof value !== 'string' || value === '') return refuse('missing_claim', name);
    if (value.length > CLAIM_LIMIT) return refuse('claim_too_long', name);
  }
  if (claims.iss !== claims.sub) return refuse('iss_sub_mismatch');
  if (claims.sub !== clientId) return refuse('client_id_mismatch');
  return undefined;
}

function enabledCredentials(tenant: Tenant, app: Application): ClientCredential[] | Refusal {
  const ids = privateKeyJwtCredentialIds(app);
  if (ids === undefined) return refuse('not_private_key_jwt');
  return tenant.records.credentials.filter((credential) => credential.client_id === app.client_id && ids.includes(credential.id));
}

async function signedByOneOf(assertion: string, credentials: readonly ClientCredential[]): Promise<boolean> {
  for (const credential of credentials) {
    const key = await readCredentialKey(credential.pem, credential.alg);
    if (key instanceof TenantError) continue;
    try {
      await compactVerify(assertion, key.key, { algorithms: [credential.alg] });
      return true;
    } catch {
      // Not this credential's key: try the other one.
    }
  }
  return false;
}

/** The checks after the signature: audience, times, lifetime, jti and its first use. */
function claimsProblem(tenant: Tenant, app: Application, claims: JWTPayload): Refusal | undefined {
  const audiences = typeof claims.aud === 'string' ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
  // The tenant's URL with its slash (Auth0's docs); Auth0's support article builds it from the token endpoint's URL, which a real tenant takes too.
  const accepted = [tenant.issuer, `${tenant.issuer}oauth/token`];
  if (!audiences.some((audience) => accepted.includes(audience))) return refuse('wrong_audience', audiences.length === 0 ? 'none' : audiences.join(' '), tenant.issuer);
  const now = tenant.clock.nowSeconds();
  const { exp, iat, nbf, jti } = claims;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return refuse('missing_claim', 'exp');
  if (iat !== undefined && (typeof iat !== 'number' || !Number.isFinite(iat))) return refuse('missing_claim', 'iat');
  if (nbf !== undefined && (typeof nbf !== 'number' || !Number.isFinite(nbf))) return refuse('missing_claim', 'nbf');
  if (exp <= now) return refuse('expired');
  if (iat !== undefined && iat > now + ASSERTION_CLOCK_SKEW_SECONDS) return refuse('issued_in_future');
  if (nbf !== undefined && nbf > now + ASSERTION_CLOCK_SKEW_SECONDS) return refuse('not_yet_valid');
  if (exp - (iat ?? now) > ASSERTION_MAX_LIFETIME_SECONDS) return refuse('lifetime_too_long', iat === undefined ? 'now' : 'iat');
  if (typeof jti !== 'string' || jti === '') return refuse('missing_claim', 'jti');
  if (jti.length > CLAIM_LIMIT) return refuse('claim_too_long', 'jti');
  if (assertionIdUsed(tenant.records, app.client_id, jti)) return refuse('replayed');
  return undefined;
}
