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

// What code outside the tenant uses: the lessons' components, the lab, the playground, the
// scripts and e2e tests, and the hosts in ./hosts/. Everything else is imported from its own
// module by the code inside this folder.
export { createTenant } from './create-tenant.ts';
export { restoreTenant } from './restore-tenant.ts';
export { Tenant } from './tenant.ts';
export { TenantError } from './tenant-error.ts';
export { tenantHandlers } from './msw-handlers.ts';
export { handleTenantRequest } from './handle-request.ts';
export { mintLegacyExplorerToken } from './legacy-token.ts';
export { SEEDED_CREDENTIALS, SEEDED_GLOBAL_CLIENT } from './seed.ts';
export { seedUsers } from './seed-users.ts';
export { ASSUMPTIONS, type Assumption } from './assumptions.ts';
export { FIELD_USES, type FieldUse } from './stored-fields.ts';
export { SDK_SHAPES_SOURCE } from './sdk-request-shapes.ts';
export { DEFAULT_DOMAIN } from './domain-name.ts';
export { DEFAULT_RATE_LIMITS, type RateLimitPolicy } from './rate-limit.ts';
export { MANAGEMENT_API_SCOPES, MANAGEMENT_TOKEN_LIFETIME } from './management-scopes.ts';
export { MAX_TOKEN_LIFETIME } from './update-resource-server.ts';
export { MANAGEMENT_ROUTES } from './management-api.ts';
export { displayRoutePath } from './management-route.ts';
export { ALL_CLIENT_FIELDS, READ_CLIENT_SCOPES, visibleClientFields } from './client-fields.ts';
export { SECRET_SWITCH_SECONDS, type SecretChangeOptions } from './secret-switch.ts';
export { MAX_CREDENTIALS_PER_APPLICATION } from './client-authentication.ts';
export { ASSERTION_CLOCK_SKEW_SECONDS, ASSERTION_MAX_LIFETIME_SECONDS, CLIENT_ASSERTION_TYPE } from './verify-client-assertion.ts';
export type { Application, ClientCredential, ClientGrant } from './model.ts';
export { FLEET_FETCH_EVERY_SECONDS, FLEET_INSTANCES, FLEET_ROLLOUT_STEP_SECONDS, type FleetFetches, type FleetHolding, type FleetState } from './sandbox-fleet.ts';
export { SANDBOX_FLEET_PATH } from './sandbox-fleet-endpoint.ts';
