/*
 * The shapes of the tenant's records. Field names follow the Management API v2 so a record can be
 * returned as-is (after scope filtering) and lessons can compare it with Auth0's documentation.
 */

/**
 * The application types the sandbox gives its own defaults to. `non_interactive` is a
 * machine-to-machine application. Auth0 knows more (`sso_integration`, `resource_server`, …: the
 * `app_type` enum in `sdk-request-shapes.json`); an application of another type is stored as sent.
 */
export type AppType = 'non_interactive' | 'regular_web' | 'spa' | 'native';

/** How an application proves itself at `/oauth/token`. `null`: no secret method (Auth0 sets it so for Private Key JWT). */
export type TokenEndpointAuthMethod = 'none' | 'client_secret_post' | 'client_secret_basic';

/** The `jwt_configuration` of an application (ID token settings; stored and shown; Private Key JWT needs `alg` RS256). */
export interface JwtConfiguration {
  alg: 'RS256' | 'HS256' | 'RS512' | 'PS256';
  lifetime_in_seconds: number;
  secret_encoded: boolean;
  /** Documented, free-form (node-auth0 `ClientJwtConfigurationScopes`). */
  scopes?: Record<string, unknown>;
  [documented: string]: unknown;
}

/**
 * An application (Auth0 calls it a client). The typed fields are the ones the sandbox acts on or
 * defaults; every other field Auth0 documents for `POST`/`PATCH /api/v2/clients` (`logo_uri`,
 * `refresh_token`, `addons`, …) is stored as sent and returned, but changes nothing here.
 */
export interface Application {
  client_id: string;
  name: string;
  description: string;
  /** One of {@link AppType}, or another of Auth0's types, stored as sent. */
  app_type: string;
  client_secret: string;
  grant_types: string[];
  token_endpoint_auth_method: TokenEndpointAuthMethod | null;
  callbacks: string[];
  allowed_origins: string[];
  web_origins: string[];
  allowed_logout_urls: string[];
  jwt_configuration: JwtConfiguration;
  is_first_party: boolean;
  oidc_conformant: boolean;
  sso_disabled: boolean;
  /** Today's name; responses also carry the deprecated `cross_origin_auth` (see client-fields.ts). */
  cross_origin_authentication: boolean;
  /** Free-form string pairs an application carries (Auth0 allows up to 10 keys). */
  client_metadata: Record<string, string>;
  /** A documented field the sandbox stores without acting on it. */
  [documented: string]: unknown;
}

/** How a client grant may be used with Organizations (the sandbox stores it; it has no organizations). */
export type OrganizationUsage = 'deny' | 'allow' | 'require';

/**
 * A client grant: application `client_id` may get tokens for `audience` with these scopes. Any
 * other documented field (`authorization_details_types`, `default_for`, …) is stored as sent.
 */
export interface ClientGrant {
  id: string;
  client_id: string;
  audience: string;
  scope: string[];
  /** Only present when the grant was created or changed with it, as Auth0 shows it. */
  organization_usage?: OrganizationUsage;
  allow_any_organization?: boolean;
  subject_type?: 'client' | 'user' | 'anonymous_user';
  /** Every scope the API defines is allowed, now and as the API gains more (node-auth0's description). */
  allow_all_scopes?: boolean;
  [documented: string]: unknown;
}

/** One permission an API defines. */
export interface ResourceServerScope {
  value: string;
  description: string;
}

/**
 * An API registered in the tenant: the Auth0 Management API (`is_system`), and any API a learner
 * creates. Documented fields the sandbox does not act on (`allow_offline_access`, `token_dialect`,
 * …) are stored as sent; tokens are always RS256, signed with the tenant's key.
 */
export interface ResourceServer {
  id: string;
  name: string;
  identifier: string;
  scopes: ResourceServerScope[];
  token_lifetime: number;
  signing_alg: string;
  is_system: boolean;
  [documented: string]: unknown;
}

/** A user identity (one login method). The sandbox's users all live in the database connection. */
export interface UserIdentity {
  connection: string;
  provider: string;
  user_id: string;
  isSocial: boolean;
}

/** A user, with the fields a Management API client reads most. Seeded users are visibly fake. */
export interface User {
  user_id: string;
  email: string;
  email_verified: boolean;
  /** Removed by a PATCH that sets it to null, as the SDK types allow. */
  name?: string;
  nickname?: string;
  created_at: string;
  updated_at: string;
  identities: UserIdentity[];
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
  blocked: boolean;
  /** Set by PATCH only: `given_name`, `family_name`, `picture`, `username`, `phone_number`, `phone_verified`. */
  [attribute: string]: unknown;
}

/** One entry of the token denylist (`/api/v2/blacklists/tokens`): a token id for one audience. */
export interface DenylistEntry {
  aud: string;
  jti: string;
}

/** The algorithms a Private Key JWT credential may sign assertions with (node-auth0 `PublicKeyCredentialAlgorithmEnum`). */
export type CredentialAlgorithm = 'RS256' | 'RS384' | 'PS256';

/**
 * A public key registered for an application (`/api/v2/clients/{id}/credentials`), for Private Key
 * JWT. `pem` and `client_id` are the tenant's own bookkeeping: responses never carry them.
 */
export interface ClientCredential {
  id: string;
  client_id: string;
  credential_type: 'public_key';
  /** Absent when the credential was created without one. */
  name?: string;
  /** The RFC 7638 thumbprint of the key unless the creator chose one. */
  kid: string;
  alg: CredentialAlgorithm;
  /** The public key (SPKI, PKCS#1 or an X.509 certificate) as sent. Never returned. */
  pem: string;
  created_at: string;
  updated_at: string;
  /** ISO 8601; past it the credential authenticates nothing. Absent: never expires. */
  expires_at?: string;
}

/**
 * A client secret on its way in: until `switch_at` (tenant ms) `/oauth/token` still takes
 * `previous_secret` and refuses the application's new `client_secret`; after it, the other way round.
 */
export interface SecretSwitch {
  client_id: string;
  previous_secret: string;
  switch_at: number;
}

/** A client assertion's `jti` already used by an application, kept until the assertion's `exp` (JWT seconds). */
export interface UsedAssertionId {
  client_id: string;
  jti: string;
  exp: number;
}

/** The legacy Global Client (Tenant Settings > Advanced); its secret signed the old API v2 tokens. */
export interface GlobalClient {
  client_id: string;
  /** Base64; the HS256 key is the decoded bytes. */
  client_secret: string;
}

/**
 * The grant types an application may list: Auth0's "Application Grant Types" page (specification
 * and Auth0 extension grants, passwordless OTP among them) plus the two the `grant_types`
 * description in node-auth0 adds (CIBA, federated-connection token exchange). The legacy grants
 * are for tenants from before June 2017 only and are refused, as auth0-deploy-cli #45 shows.
 */
export const KNOWN_GRANT_TYPES: readonly string[] = [
  'authorization_code',
  'implicit',
  'refresh_token',
  'client_credentials',
  'password',
  'http://auth0.com/oauth/grant-type/password-realm',
  'http://auth0.com/oauth/grant-type/mfa-oob',
  'http://auth0.com/oauth/grant-type/mfa-otp',
  'http://auth0.com/oauth/grant-type/mfa-recovery-code',
  'urn:ietf:params:oauth:grant-type:device_code',
  'http://auth0.com/oauth/grant-type/passwordless/otp',
  'urn:openid:params:grant-type:ciba',
  'urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token',
];
