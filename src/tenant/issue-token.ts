import { SignJWT } from 'jose';
import type { AuthApiErrorCode } from './error-codes.ts';
import type { Tenant } from './tenant.ts';
import { TenantError } from './tenant-error.ts';
import type { Application } from './model.ts';
import { usesPrivateKeyJwt } from './client-authentication.ts';
import { acceptedSecret } from './secret-switch.ts';
import { TOKEN_GRANT_PARAMETERS, type TokenRequest } from './token-request.ts';
import { verifyClientAssertion } from './verify-client-assertion.ts';

/** The JSON body of a successful client-credentials response. */
export interface TokenResponseBody {
  access_token: string;
  scope: string;
  expires_in: number;
  token_type: 'Bearer';
}

/**
 * Answers a parsed `/oauth/token` request: authenticates the application, checks that it may use
 * the grant type, then runs the grant. Only client credentials issues tokens; any other grant the
 * application is allowed is refused with a labelled sandbox rule, after its own required
 * parameters are checked, so the answer never depends on parameters the caller could not know.
 */
export async function issueToken(tenant: Tenant, request: TokenRequest): Promise<TokenResponseBody | TenantError<AuthApiErrorCode>> {
  const app = await authenticateClient(tenant, request);
  if (app instanceof TenantError) return app;
  if (!app.grant_types.includes(request.grantType)) return new TenantError('grant_type_not_allowed', { grantType: request.grantType });
  if (request.grantType === 'client_credentials') return issueClientCredentialsToken(tenant, app, request);
  const missing = (TOKEN_GRANT_PARAMETERS[request.grantType] ?? []).find((name) => (request.grantParameters.get(name) ?? '') === '');
  if (missing !== undefined) return new TenantError('missing_parameter', { name: missing });
  return new TenantError('grant_type_not_implemented', { grantType: request.grantType });
}

/**
 * Who is asking: an unknown client is a 401, and so is a wrong secret or a refused client
 * assertion. A public application (`token_endpoint_auth_method: none`) may leave the secret out
 * for the grants it can use; client credentials always needs one. An application that uses
 * Private Key JWT proves itself with an assertion only; its secret no longer works. The secret
 * compared is the one accepted now, which lags a change by SECRET_SWITCH_SECONDS (secret-switch.ts).
 */
async function authenticateClient(tenant: Tenant, request: TokenRequest): Promise<Application | TenantError<AuthApiErrorCode>> {
  const app = tenant.records.applications.find((candidate) => candidate.client_id === request.clientId);
  // The same tenant lists the Global Client, so "Unknown client" would contradict GET /clients.
  if (app === undefined && request.clientId === tenant.records.globalClient.client_id) return new TenantError('global_client_token');
  if (app === undefined) return new TenantError('unknown_client', { clientId: request.clientId.slice(0, 200) });
  if (request.clientAssertion !== undefined) {
    const accepted = await verifyClientAssertion(tenant, app, request.clientAssertion, request.clientId);
    if (accepted instanceof TenantError) return accepted;
    const full = tenant.useAssertionId(app.client_id, accepted.jti, accepted.exp);
    return full instanceof TenantError ? full : app;
  }
  if (usesPrivateKeyJwt(app)) return request.clientSecret === undefined ? new TenantError('missing_parameter', { name: 'client_assertion' }) : new TenantError('secret_not_allowed');
  if (request.clientSecret === undefined) {
    const publicClient = app.token_endpoint_auth_method === 'none' && request.grantType !== 'client_credentials';
    return publicClient ? app : new TenantError('missing_parameter', { name: 'client_secret' });
  }
  if (!sameSecret(request.clientSecret, acceptedSecret(tenant.records, app, tenant.clock.now()))) return new TenantError('wrong_client_secret');
  return app;
}

/**
 * The client-credentials grant itself, for an authenticated application that may use it: checks
 * the audience, the client grant and the requested scopes, then signs an RS256 access token.
 *
 * The order of checks follows what a real tenant reveals first: whether the API exists, whether
 * the application is authorized for it, and for what.
 */
async function issueClientCredentialsToken(tenant: Tenant, app: Application, request: TokenRequest): Promise<TokenResponseBody | TenantError<AuthApiErrorCode>> {
  if (request.audience === undefined || request.audience === '') return new TenantError('missing_audience');
  const api = tenant.records.resourceServers.find((server) => server.identifier === request.audience);
  if (api === undefined) return new TenantError('unknown_audience', { audience: request.audience.slice(0, 500) });

  const grant = tenant.drills.grantRevoked
    ? undefined
    : tenant.records.clientGrants.find((candidate) => candidate.client_id === app.client_id && candidate.audience === api.identifier);
  if (grant === undefined) return new TenantError('client_not_authorized', { clientId: app.client_id, audience: api.identifier });

  // allow_all_scopes: every scope the API defines today, whatever the grant's own list says.
  const granted = grant.allow_all_scopes === true ? api.scopes.map((scope) => scope.value) : grant.scope;
  const requested = (request.scope ?? '').split(' ').filter((scope) => scope !== '');
  const notGranted = [...new Set(requested.filter((scope) => !granted.includes(scope)))];
  if (notGranted.length > 0) return new TenantError('scope_not_granted', { scopes: notGranted.slice(0, 50).map((scope) => scope.slice(0, 100)) });
  // Keep the grant's order so the same request always yields the same `scope` string.
  const scopes = requested.length === 0 ? granted : granted.filter((scope) => requested.includes(scope));
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
