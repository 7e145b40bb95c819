import type { ResourceServer, ResourceServerScope } from './model.ts';

/*
 * A representative slice of the real Auth0 Management API v2 scope list: every scope the sandbox's
 * routes check, plus the neighbours a learner sees in the Dashboard's scope picker.
 */
const SCOPE_LIST: ReadonlyArray<readonly [string, string]> = [
  ['read:client_grants', 'Read Client Grants'],
  ['create:client_grants', 'Create Client Grants'],
  ['update:client_grants', 'Update Client Grants'],
  ['delete:client_grants', 'Delete Client Grants'],
  ['read:users', 'Read Users'],
  ['update:users', 'Update Users'],
  ['delete:users', 'Delete Users'],
  ['create:users', 'Create Users'],
  ['read:users_app_metadata', 'Read Users App Metadata'],
  ['update:users_app_metadata', 'Update Users App Metadata'],
  ['delete:users_app_metadata', 'Delete Users App Metadata'],
  ['create:users_app_metadata', 'Create Users App Metadata'],
  ['create:user_tickets', 'Create User Tickets'],
  ['read:clients', 'Read Clients'],
  ['update:clients', 'Update Clients'],
  ['delete:clients', 'Delete Clients'],
  ['create:clients', 'Create Clients'],
  ['read:client_keys', 'Read Client Keys'],
  ['update:client_keys', 'Update Client Keys'],
  ['delete:client_keys', 'Delete Client Keys'],
  ['create:client_keys', 'Create Client Keys'],
  ['read:client_credentials', 'Read Client Credentials'],
  ['update:client_credentials', 'Update Client Credentials'],
  ['delete:client_credentials', 'Delete Client Credentials'],
  ['create:client_credentials', 'Create Client Credentials'],
  ['read:client_summary', 'Read Client Summary'],
  ['read:connections', 'Read Connections'],
  ['update:connections', 'Update Connections'],
  ['delete:connections', 'Delete Connections'],
  ['create:connections', 'Create Connections'],
  ['read:resource_servers', 'Read Resource Servers'],
  ['update:resource_servers', 'Update Resource Servers'],
  ['delete:resource_servers', 'Delete Resource Servers'],
  ['create:resource_servers', 'Create Resource Servers'],
  ['read:logs', 'Read Logs'],
  ['read:logs_users', 'Read Logs Users'],
  ['read:stats', 'Read Stats'],
  ['read:tenant_settings', 'Read Tenant Settings'],
  ['update:tenant_settings', 'Update Tenant Settings'],
  ['read:roles', 'Read Roles'],
  ['create:roles', 'Create Roles'],
  ['update:roles', 'Update Roles'],
  ['delete:roles', 'Delete Roles'],
  ['read:organizations', 'Read Organizations'],
  ['create:organizations', 'Create Organizations'],
  ['update:organizations', 'Update Organizations'],
  ['delete:organizations', 'Delete Organizations'],
  ['read:grants', 'Read Grants'],
  ['delete:grants', 'Delete Grants'],
  ['blacklist:tokens', 'Blacklist Tokens'],
];

/** Every Management API scope the sandbox knows, with the Dashboard's descriptions. */
export const MANAGEMENT_API_SCOPES: readonly ResourceServerScope[] = SCOPE_LIST.map(([value, description]) => ({ value, description }));

/**
 * Default lifetime of a Management API access token, in seconds (24 hours). A tenant's current
 * value is `tenant.managementApi.token_lifetime`: it can be changed up to 30 days.
 */
export const MANAGEMENT_TOKEN_LIFETIME = 86_400;

/** The `identifier` (token audience) of a domain's Management API, with its trailing slash. */
export function managementAudience(domain: string): string {
  return `https://${domain}/api/v2/`;
}

/** Builds the Management API resource server record for a domain. */
export function managementResourceServer(domain: string): ResourceServer {
  return {
    id: 'rs_sandbox_management_api',
    name: 'Auth0 Management API',
    identifier: managementAudience(domain),
    scopes: MANAGEMENT_API_SCOPES.map((scope) => ({ ...scope })),
    token_lifetime: MANAGEMENT_TOKEN_LIFETIME,
    signing_alg: 'RS256',
    is_system: true,
  };
}
