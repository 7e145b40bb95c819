import { SignJWT, type JWTVerifyOptions } from 'jose';
import { base64ToBytes } from './base64.ts';
import type { Tenant } from './tenant.ts';
import { TenantError } from './tenant-error.ts';

/*
 * The "before the change" tokens: what the old Management API v2 explorer minted in the browser,
 * HS256-signed with the tenant's Global Client Secret (base64-decoded), `aud` = the Global Client
 * id, any scope, usually no expiry. They verify only while the tenant is in legacy mode.
 */

/** Options of {@link mintLegacyExplorerToken}. */
export interface LegacyTokenOptions {
  /** Scopes, space-separated or as a list. Default: every Management API scope (the old explorer let you tick any). */
  scope?: string | readonly string[];
  /** Lifetime in seconds; `undefined` or `null` for no `exp` at all, as the old explorer did. */
  lifetimeSeconds?: number | null;
  /**
   * A `jti` (JWT ID) claim, so the token can be put on the denylist (`POST /api/v2/blacklists/tokens`
   * with `aud` = the Global Client id). The old explorer's tokens had none unless their author added one.
   */
  jti?: string;
}

/** The HS256 key of the legacy tokens: the Global Client Secret, base64-decoded. */
export function legacySigningKey(tenant: Tenant): Uint8Array {
  const bytes = base64ToBytes(tenant.globalClient.client_secret);
  // Secrets are validated on creation and restore; an empty key would make jose throw.
  return bytes !== undefined && bytes.length > 0 ? bytes : new Uint8Array(32);
}

/** How the Management API checks a legacy token (jose options; `exp` is optional here). */
export function legacyVerifyOptions(tenant: Tenant): JWTVerifyOptions {
  return {
    algorithms: ['HS256'],
    issuer: tenant.issuer,
    audience: tenant.globalClient.client_id,
    currentDate: tenant.verificationDate(),
  };
}

/**
 * Mints an "old explorer" token for the history lessons, signed with the tenant's current Global
 * Client Secret. It is accepted only in legacy mode, and stops verifying after
 * `tenant.rotateGlobalSecret()`.
 *
 * @example
 * tenant.setLegacyMode(true);
 * const token = await mintLegacyExplorerToken(tenant, { scope: 'read:clients' });
 */
export async function mintLegacyExplorerToken(tenant: Tenant, options: LegacyTokenOptions = {}): Promise<string> {
  const scope = typeof options.scope === 'string'
    ? options.scope
    : (options.scope ?? tenant.managementApi.scopes.map((entry) => entry.value)).join(' ');
  const lifetime = options.lifetimeSeconds ?? undefined;
  if (lifetime !== undefined && (!Number.isFinite(lifetime) || lifetime <= 0)) {
    throw new TenantError('invalid_argument', { detail: `lifetimeSeconds must be a positive number of seconds or null; got ${String(lifetime)}.` });
  }
  const iat = tenant.clock.nowSeconds();
  const claims: Record<string, unknown> = { iss: tenant.issuer, aud: tenant.globalClient.client_id, scope, iat };
  if (lifetime !== undefined) claims.exp = iat + Math.floor(lifetime);
  if (options.jti !== undefined) {
    if (typeof options.jti !== 'string' || options.jti === '' || options.jti.length > 500) {
      throw new TenantError('invalid_argument', { detail: `jti must be a non-empty string of at most 500 characters; got ${JSON.stringify(options.jti)?.slice(0, 100)}.` });
    }
    claims.jti = options.jti;
  }
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(legacySigningKey(tenant));
}
