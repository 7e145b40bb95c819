import { SignJWT } from 'jose';
import type { AuthApiErrorCode } from './error-responses.ts';
import type { Tenant } from './tenant.ts';
import { TenantError } from './tenant-error.ts';
import type { ClientCredentialsRequest } from './token-request.ts';

/** The JSON body of a successful client-credentials response. */
export interface TokenResponseBody {
  access_token: string;
  scope: string;
  expires_in: number;
  token_type: 'Bearer';
}

/**
 * The client-credentials grant itself: authenticates the application, checks its grant type,
 * the audience, its client grant and the requested scopes, then signs an RS256 access token.
 *
 * The order of checks follows what a real tenant reveals first: who you are, whether you may use
 * this grant type, whether the API exists, whether you are authorized for it, and for what.
 */
export async function issueClientCredentialsToken(
  tenant: Tenant,
  request: ClientCredentialsRequest,
): Promise<TokenResponseBody | TenantError<AuthApiErrorCode>> {
  const app = tenant.records.applications.find((candidate) => candidate.client_id === request.clientId);
  if (app === undefined) return new TenantError('unknown_client', { clientId: request.clientId.slice(0, 200) });
  if (request.clientSecret === undefined) return new TenantError('missing_parameter', { name: 'client_secret' });
  if (!sameSecret(request.clientSecret, app.client_secret)) return new TenantError('wrong_client_secret');
  if (!app.grant_types.includes('client_credentials')) return new TenantError('grant_type_not_allowed');

  if (request.audience === undefined || request.audience === '') return new TenantError('missing_audience');
  const api = tenant.records.resourceServers.find((server) => server.identifier === request.audience);
  if (api === undefined) return new TenantError('unknown_audience', { audience: request.audience.slice(0, 500) });

  const grant = tenant.drills.grantRevoked
    ? undefined
    : tenant.records.clientGrants.find((candidate) => candidate.client_id === app.client_id && candidate.audience === api.identifier);
  if (grant === undefined) return new TenantError('client_not_authorized', { clientId: app.client_id, audience: api.identifier });

  const requested = (request.scope ?? '').split(' ').filter((scope) => scope !== '');
  const notGranted = [...new Set(requested.filter((scope) => !grant.scope.includes(scope)))];
  if (notGranted.length > 0) return new TenantError('scope_not_granted', { scopes: notGranted.slice(0, 50).map((scope) => scope.slice(0, 100)) });
  // Keep the grant's order so the same request always yields the same `scope` string.
  const scopes = requested.length === 0 ? grant.scope : grant.scope.filter((scope) => requested.includes(scope));
  const scope = scopes.join(' ');

  const iat = tenant.clock.nowSeconds();
  const key = tenant.signingKey;
  // Claims are listed in the order real Auth0 tokens show them; jose keeps insertion order.
  const accessToken = await new SignJWT({
    iss: tenant.issuer,
    sub: `${app.client_id}@clients`,
    aud: api.identifier,
    iat,
    exp: iat + api.token_lifetime,
    scope,
    gty: 'client-credentials',
    azp: app.client_id,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .sign(key.privateKey);

  return { access_token: accessToken, scope, expires_in: api.token_lifetime, token_type: 'Bearer' };
}

/** Compares secrets without stopping at the first difference, as a real server must. */
function sameSecret(given: string, expected: string): boolean {
  const encoder = new TextEncoder();
  const a = encoder.encode(given);
  const b = encoder.encode(expected);
  let difference = a.length ^ b.length;
  for (let index = 0; index < b.length; index += 1) difference |= (a[index] ?? 0) ^ b[index]!;
  return difference === 0;
}
