import { managementAudience, MANAGEMENT_API_SCOPES } from './management-scopes.ts';
import type { Application, ClientGrant, GlobalClient, User } from './model.ts';
import { seedUsers } from './seed-users.ts';

/*
 * The seed: what a fresh sandbox tenant contains. Everything here is fixed (ids, secrets) so a
 * lesson can quote a client id and a test can log in without reading state first. The secrets
 * say NOT-A-REAL-SECRET on purpose: they are published in this repository.
 *
 * | application              | type            | client_credentials | Management API grant              |
 * |--------------------------|-----------------|--------------------|-----------------------------------|
 * | Reporting Service        | non_interactive | enabled            | read:clients read:client_keys     |
 * | Nightly Backup           | non_interactive | enabled            | none                              |
 * | Customer Portal          | regular_web     | disabled           | read:clients (unusable: disabled) |
 * | API Explorer Application | non_interactive | enabled            | every Management API scope        |
 */

/** Credentials of one seeded application, as lessons and the server banner show them. */
export interface SeededCredential {
  readonly name: string;
  readonly client_id: string;
  readonly client_secret: string;
  /** Management API scopes the seed grants (empty: no grant). */
  readonly scopes: readonly string[];
}

/** The seeded applications' credentials, by role. */
export const SEEDED_CREDENTIALS = {
  /** M2M app authorized for `read:clients read:client_keys`: the app most lessons use. */
  reporting: {
    name: 'Reporting Service',
    client_id: 'sbxReportingService0000000000001',
    client_secret: 'sandbox-NOT-A-REAL-SECRET-reporting-service-00000000000000000001',
    scopes: ['read:clients', 'read:client_keys'],
  },
  /** M2M app with no client grant: `/oauth/token` answers 403 access_denied. */
  noGrant: {
    name: 'Nightly Backup',
    client_id: 'sbxNightlyBackup0000000000000002',
    client_secret: 'sandbox-NOT-A-REAL-SECRET-nightly-backup-00000000000000000000002',
    scopes: [],
  },
  /** Regular web app whose `client_credentials` grant type is off: 403 unauthorized_client. */
  noClientCredentials: {
    name: 'Customer Portal',
    client_id: 'sbxCustomerPortal000000000000003',
    client_secret: 'sandbox-NOT-A-REAL-SECRET-customer-portal-0000000000000000000003',
    scopes: ['read:clients'],
  },
  /** What the Dashboard's "Create & Authorize a Test Application" makes: every scope. */
  explorer: {
    name: 'API Explorer Application',
    client_id: 'sbxApiExplorerApplication0000004',
    client_secret: 'sandbox-NOT-A-REAL-SECRET-api-explorer-application-0000000000004',
    scopes: MANAGEMENT_API_SCOPES.map((scope) => scope.value),
  },
} as const satisfies Record<string, SeededCredential>;

/** The seeded legacy Global Client. Its secret decodes to a sentence saying it is not real. */
export const SEEDED_GLOBAL_CLIENT: Readonly<GlobalClient> = {
  client_id: 'sbxGlobalClient00000000000000000',
  // base64 of "NOT-A-REAL-SECRET: Token Lab sandbox global client key, version 1"
  client_secret: 'Tk9ULUEtUkVBTC1TRUNSRVQ6IFRva2VuIExhYiBzYW5kYm94IGdsb2JhbCBjbGllbnQga2V5LCB2ZXJzaW9uIDE=',
};

const SEEDED_GRANT_IDS: Record<keyof typeof SEEDED_CREDENTIALS, string> = {
  reporting: 'cgr_sbxReporting000001',
  noGrant: '',
  noClientCredentials: 'cgr_sbxCustomerPortal3',
  explorer: 'cgr_sbxApiExplorer0004',
};

/** The seed's records for a given domain (the grants' audience depends on it). */
export interface SeedRecords {
  applications: Application[];
  clientGrants: ClientGrant[];
  globalClient: GlobalClient;
  users: User[];
}

function m2mApplication(credential: SeededCredential, description: string): Application {
  return {
    client_id: credential.client_id,
    name: credential.name,
    description,
    app_type: 'non_interactive',
    client_secret: credential.client_secret,
    grant_types: ['client_credentials'],
    token_endpoint_auth_method: 'client_secret_post',
    callbacks: [],
    allowed_origins: [],
    web_origins: [],
    allowed_logout_urls: [],
    jwt_configuration: { alg: 'RS256', lifetime_in_seconds: 36_000, secret_encoded: false },
    is_first_party: true,
    oidc_conformant: true,
    sso_disabled: false,
    cross_origin_authentication: false,
    client_metadata: {},
  };
}

/** Builds fresh copies of the seed records for `domain`. */
export function seedRecords(domain: string): SeedRecords {
  const { reporting, noGrant, noClientCredentials, explorer } = SEEDED_CREDENTIALS;
  const portal: Application = {
    ...m2mApplication(noClientCredentials, 'The customer-facing web app. Users log in; it never calls the Management API itself.'),
    app_type: 'regular_web',
    grant_types: ['authorization_code', 'implicit', 'refresh_token'],
    callbacks: [`https://portal.${domain}/callback`],
    allowed_origins: [`https://portal.${domain}`],
    web_origins: [`https://portal.${domain}`],
    allowed_logout_urls: [`https://portal.${domain}/`],
  };
  const audience = managementAudience(domain);
  const grant = (role: keyof typeof SEEDED_CREDENTIALS): ClientGrant => ({
    id: SEEDED_GRANT_IDS[role],
    client_id: SEEDED_CREDENTIALS[role].client_id,
    audience,
    scope: [...SEEDED_CREDENTIALS[role].scopes],
  });
  return {
    applications: [
      m2mApplication(reporting, 'Nightly job that lists applications for an audit report.'),
      m2mApplication(noGrant, 'Backs up tenant settings. Not yet authorized for any API.'),
      portal,
      m2mApplication(explorer, 'Created by the API Explorer tab; holds every Management API scope. Handle with care.'),
    ],
    clientGrants: [grant('reporting'), grant('noClientCredentials'), grant('explorer')],
    globalClient: { ...SEEDED_GLOBAL_CLIENT },
    users: seedUsers(),
  };
}
