/*
 * The shapes of the tenant's records. Field names follow the Management API v2 so a record can be
 * returned as-is (after scope filtering) and lessons can compare it with Auth0's documentation.
 */

/** Auth0's application types. `non_interactive` is a machine-to-machine application. */
export type AppType = 'non_interactive' | 'regular_web' | 'spa' | 'native';

/** How an application proves itself at `/oauth/token`. */
export type TokenEndpointAuthMethod = 'none' | 'client_secret_post' | 'client_secret_basic';

/** The `jwt_configuration` of an application (ID token settings; shown, not used by the sandbox). */
export interface JwtConfiguration {
  alg: 'RS256' | 'HS256';
  lifetime_in_seconds: number;
  secret_encoded: boolean;
}

/** An application (Auth0 calls it a client). */
export interface Application {
  client_id: string;
  name: string;
  description: string;
  app_type: AppType;
  client_secret: string;
  grant_types: string[];
  token_endpoint_auth_method: TokenEndpointAuthMethod;
  callbacks: string[];
  allowed_origins: string[];
  web_origins: string[];
  allowed_logout_urls: string[];
  jwt_configuration: JwtConfiguration;
  is_first_party: boolean;
  oidc_conformant: boolean;
  sso_disabled: boolean;
  cross_origin_auth: boolean;
  /** Free-form string pairs an application carries (Auth0 allows up to 10 keys). */
  client_metadata: Record<string, string>;
}

/** How a client grant may be used with Organizations (the sandbox stores it; it has no organizations). */
export type OrganizationUsage = 'deny' | 'allow' | 'require';

/** A client grant: application `client_id` may get tokens for `audience` with these scopes. */
export interface ClientGrant {
  id: string;
  client_id: string;
  audience: string;
  scope: string[];
  /** Only present when the grant was created or changed with it, as Auth0 shows it. */
  organization_usage?: OrganizationUsage;
  allow_any_organization?: boolean;
  subject_type?: 'client' | 'user';
}

/** One permission an API defines. */
export interface ResourceServerScope {
  value: string;
  description: string;
}

/** An API registered in the tenant. The sandbox has one: the Auth0 Management API. */
export interface ResourceServer {
  id: string;
  name: string;
  identifier: string;
  scopes: ResourceServerScope[];
  token_lifetime: number;
  signing_alg: 'RS256';
  is_system: boolean;
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
  name: string;
  nickname: string;
  created_at: string;
  updated_at: string;
  identities: UserIdentity[];
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
  blocked: boolean;
}

/** One entry of the token denylist (`/api/v2/blacklists/tokens`): a token id for one audience. */
export interface DenylistEntry {
  aud: string;
  jti: string;
}

/** The legacy Global Client (Tenant Settings > Advanced); its secret signed the old API v2 tokens. */
export interface GlobalClient {
  client_id: string;
  /** Base64; the HS256 key is the decoded bytes. */
  client_secret: string;
}

/** The grant types Auth0 knows; an application may list any of these. */
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
];

/** The application types, for validation. */
export const APP_TYPES: readonly AppType[] = ['non_interactive', 'regular_web', 'spa', 'native'];

/** The token endpoint auth methods, for validation. */
export const TOKEN_ENDPOINT_AUTH_METHODS: readonly TokenEndpointAuthMethod[] = ['none', 'client_secret_post', 'client_secret_basic'];
