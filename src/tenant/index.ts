/**
 * The mocked Auth0 tenant of Token Lab: plain TypeScript that runs in browsers, workers, Node
 * tests and a local HTTP server.
 *
 * @example
 * import { createTenant, tenantHandlers } from './tenant/index.ts';
 * import { setupServer } from 'msw/node';
 *
 * const tenant = await createTenant();
 * const server = setupServer(...tenantHandlers(tenant));
 * server.listen({ onUnhandledFrame: 'error' });
 * const { reporting } = tenant.seeded;
 * const response = await fetch(`https://${tenant.domain}/oauth/token`, {
 *   method: 'POST',
 *   headers: { 'content-type': 'application/json' },
 *   body: JSON.stringify({
 *     grant_type: 'client_credentials',
 *     client_id: reporting.client_id,
 *     client_secret: reporting.client_secret,
 *     audience: tenant.managementAudience,
 *   }),
 * });
 *
 * @module
 */

export { createTenant, type CreateTenantOptions } from './create-tenant.ts';
export { restoreTenant, type RestoreOutcome } from './restore-tenant.ts';
export { Tenant, type RateLimitKind } from './tenant.ts';
export type { TenantRecords } from './tenant-state.ts';
export { tenantHandlers } from './msw-handlers.ts';
export { handleTenantRequest } from './handle-request.ts';
export { VirtualClock } from './clock.ts';
export { Drills, NO_DRILLS, type DrillName, type DrillSettings } from './drills.ts';
export { TenantError, isTenantError, type Result } from './tenant-error.ts';
export type { AuthApiErrorCode, ManagementErrorCode, TenantErrorCode, TenantErrorDetails } from './error-codes.ts';
export { mintLegacyExplorerToken, type LegacyTokenOptions } from './legacy-token.ts';
export { SEEDED_CREDENTIALS, SEEDED_GLOBAL_CLIENT, type SeededCredential } from './seed.ts';
export { seedUsers } from './seed-users.ts';
export { ASSUMPTIONS, type Assumption } from './assumptions.ts';
export { DEFAULT_DOMAIN } from './domain-name.ts';
export { DEFAULT_RATE_LIMITS, type RateLimitPolicy } from './rate-limit.ts';
export { BODY_LIMIT_BYTES } from './read-body.ts';
export { MANAGEMENT_API_SCOPES, MANAGEMENT_TOKEN_LIFETIME } from './management-scopes.ts';
export { MAX_TOKEN_LIFETIME, type UpdateResourceServerError } from './update-resource-server.ts';
export type { ResourceServerBody } from './present-resource-server.ts';
export { MANAGEMENT_ROUTES } from './management-api.ts';
export { displayRoutePath, type ManagementRoute } from './management-route.ts';
export { ALL_CLIENT_FIELDS, GLOBAL_CLIENT_NAME, READ_CLIENT_SCOPES, visibleClientFields } from './client-fields.ts';
export { SNAPSHOT_VERSION, type TenantSnapshot } from './tenant-snapshot.ts';
export type { CreateApplicationError, NewApplication } from './create-client.ts';
export type { Application, AppType, ClientGrant, DenylistEntry, GlobalClient, OrganizationUsage, ResourceServer, TokenEndpointAuthMethod, User } from './model.ts';
export type { TokenResponseBody } from './issue-token.ts';
