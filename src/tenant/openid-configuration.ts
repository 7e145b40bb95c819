import { jsonResponse } from './json-response.ts';
import type { Tenant } from './tenant.ts';

/*
 * The OpenID Connect discovery document, with the members and values of the sample Auth0
 * publishes ("Configure Applications with OIDC Discovery"), as far as we could read that sample:
 * the members after `token_endpoint_auth_methods_supported` (`claims_supported`, …) are left out
 * rather than guessed. Libraries read `jwks_uri` and `token_endpoint` from it; the sandbox
 * implements those two. The other endpoints are listed because Auth0 lists them and strict
 * clients expect them; the sandbox answers them with a 404 (assumption `discovery-document`).
 */

/** The discovery document of `tenant`, every URL built from its issuer. */
export function openIdConfiguration(tenant: Tenant): Record<string, unknown> {
  const at = (path: string): string => new URL(path, tenant.issuer).href;
  return {
    issuer: tenant.issuer,
    authorization_endpoint: at('authorize'),
    token_endpoint: at('oauth/token'),
    device_authorization_endpoint: at('oauth/device/code'),
    userinfo_endpoint: at('userinfo'),
    mfa_challenge_endpoint: at('mfa/challenge'),
    jwks_uri: at('.well-known/jwks.json'),
    registration_endpoint: at('oidc/register'),
    revocation_endpoint: at('oauth/revoke'),
    scopes_supported: ['openid', 'profile', 'offline_access', 'name', 'given_name', 'family_name', 'nickname', 'email', 'email_verified', 'picture', 'created_at', 'identities', 'phone', 'address'],
    response_types_supported: ['code', 'token', 'id_token', 'code token', 'code id_token', 'token id_token', 'code token id_token'],
    code_challenge_methods_supported: ['S256', 'plain'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['HS256', 'RS256', 'PS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
  };
}

/** `GET https://{domain}/.well-known/openid-configuration`: public and cacheable, like the JWKS. */
export function handleOpenIdConfigurationRequest(tenant: Tenant): Response {
  const response = jsonResponse(200, openIdConfiguration(tenant), { 'cache-control': 'public, max-age=15' });
  response.headers.delete('pragma');
  return response;
}
