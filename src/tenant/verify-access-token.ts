import { decodeProtectedHeader, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import { isDenylisted } from './add-to-denylist.ts';
import type { ManagementErrorCode } from './error-codes.ts';
import { legacySigningKey, legacyVerifyOptions } from './legacy-token.ts';
import type { Tenant } from './tenant.ts';
import { TenantError } from './tenant-error.ts';

/** Who is calling the Management API, once their token has been verified. */
export interface AccessPrincipal {
  /** Scopes of the token's `scope` claim. */
  readonly scopes: ReadonlySet<string>;
  /** True for an old explorer token accepted by legacy mode. */
  readonly legacy: boolean;
  /** The verified claims. */
  readonly claims: JWTPayload;
}

type VerifyError = TenantError<ManagementErrorCode>;

// Far longer than any real token; refusing early keeps hostile headers cheap.
const MAX_TOKEN_LENGTH = 16_384;

/**
 * Verifies the bearer token of a Management API request against the tenant's keys, issuer,
 * audience and clock (with any drills applied). Only RS256 with a known `kid` is accepted, plus,
 * in legacy mode, HS256 signed with the Global Client Secret. A valid token whose `jti` and `aud`
 * are on the denylist (`/api/v2/blacklists/tokens`) is refused last; a token without `jti`, as
 * the sandbox issues them, can never be denylisted.
 */
export async function verifyAccessToken(tenant: Tenant, authorization: string | null): Promise<AccessPrincipal | VerifyError> {
  const verified = await verifySignatureAndClaims(tenant, authorization);
  if (verified instanceof TenantError) return verified;
  return isDenylisted(tenant.records.denylist, verified.claims) ? new TenantError('token_revoked') : verified;
}

async function verifySignatureAndClaims(tenant: Tenant, authorization: string | null): Promise<AccessPrincipal | VerifyError> {
  if (authorization === null || authorization.trim() === '') return new TenantError('missing_authentication');
  const [scheme = '', ...rest] = authorization.trim().split(/\s+/);
  // Like hapi: another scheme means "no credentials for us", a broken Bearer header is malformed.
  if (scheme.toLowerCase() !== 'bearer') return new TenantError('missing_authentication');
  if (rest.length !== 1) return new TenantError('bad_auth_header');
  const token = rest[0]!;
  if (token.length > MAX_TOKEN_LENGTH || token.split('.').length !== 3) return new TenantError('invalid_token');

  let alg: unknown;
  let kid: unknown;
  try {
    ({ alg, kid } = decodeProtectedHeader(token));
  } catch {
    return new TenantError('invalid_token');
  }

  if (alg === 'RS256') {
    const key = tenant.signingKeys.find((candidate) => candidate.kid === kid);
    if (key === undefined) return new TenantError('invalid_signature');
    return verifyWith(token, key.publicKey, {
      algorithms: ['RS256'],
      issuer: tenant.issuer,
      audience: tenant.verificationAudience(),
      currentDate: tenant.verificationDate(),
      requiredClaims: ['exp'],
    }, false);
  }
  // HS256 outside legacy mode covers the key-confusion attack too (HMAC keyed with the public key).
  if (alg === 'HS256' && tenant.legacyMode) return verifyWith(token, legacySigningKey(tenant), legacyVerifyOptions(tenant), true);
  if (typeof alg !== 'string' || alg.toLowerCase() === 'none') return new TenantError('invalid_token');
  return new TenantError('invalid_signature');
}

async function verifyWith(
  token: string,
  key: CryptoKey | Uint8Array,
  options: JWTVerifyOptions,
  legacy: boolean,
): Promise<AccessPrincipal | VerifyError> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, options));
  } catch (cause) {
    return fromJoseError(cause);
  }
  const now = Math.floor((options.currentDate?.getTime() ?? 0) / 1000);
  // jose only checks `iat` with maxTokenAge; a token issued in the future is not valid yet.
  if (typeof payload.iat === 'number' && payload.iat > now) return new TenantError('token_not_yet_valid');
  const scope = payload.scope ?? '';
  if (typeof scope !== 'string') return new TenantError('invalid_token');
  return { scopes: new Set(scope.split(' ').filter((entry) => entry !== '')), legacy, claims: payload };
}

/** Maps jose's coded errors onto the Management API's 401 messages. */
function fromJoseError(cause: unknown): VerifyError {
  const error = cause as { code?: unknown; claim?: unknown; reason?: unknown; payload?: JWTPayload };
  switch (error.code) {
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new TenantError('invalid_signature');
    case 'ERR_JWT_EXPIRED':
      return new TenantError('token_expired');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (error.reason === 'check_failed' && error.claim === 'aud') return new TenantError('bad_audience', { audience: printable(error.payload?.aud) });
      if (error.reason === 'check_failed' && error.claim === 'iss') return new TenantError('bad_issuer', { issuer: printable(error.payload?.iss) });
      if (error.reason === 'check_failed' && error.claim === 'nbf') return new TenantError('token_not_yet_valid');
      return new TenantError('invalid_token');
    default:
      return new TenantError('invalid_token');
  }
}

function printable(value: unknown): string {
  const text = Array.isArray(value) ? value.map(String).join(' ') : typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  return text.slice(0, 500);
}
