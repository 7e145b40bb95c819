import { base64ToBytes } from './base64.ts';
import type { AuthApiErrorCode } from './error-codes.ts';
import type { RequestBody } from './read-body.ts';
import { TenantError } from './tenant-error.ts';
import { claimedClientId, CLIENT_ASSERTION_TYPE } from './verify-client-assertion.ts';

/** A `/oauth/token` request after parsing, before anything is checked against the tenant. */
export interface TokenRequest {
  /** One of {@link TOKEN_GRANT_PARAMETERS}' keys. */
  readonly grantType: string;
  /** As sent, or for a client assertion without `client_id`, the assertion's `sub`. */
  readonly clientId: string;
  /** Undefined when the caller sent no secret at all. */
  readonly clientSecret: string | undefined;
  /** The `client_assertion` (Private Key JWT), when that is how the client authenticates. */
  readonly clientAssertion?: string;
  /** How the client authenticates: the secret's way, Private Key JWT, or not at all. */
  readonly authMethod: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt' | 'none';
  readonly audience: string | undefined;
  /** Undefined or empty: every scope of the grant. */
  readonly scope: string | undefined;
  /** The grant's own parameters (`username`, `refresh_token`, …) that were sent, by name. */
  readonly grantParameters: ReadonlyMap<string, string>;
}

/**
 * The grant types Auth0's token endpoint accepts, each with the parameters it requires besides
 * the client's own. `implicit` is missing on purpose: it is an `/authorize` flow, never a
 * `grant_type` at `/oauth/token`.
 */
export const TOKEN_GRANT_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  client_credentials: [],
  authorization_code: ['code'],
  refresh_token: ['refresh_token'],
  password: ['username', 'password'],
  'http://auth0.com/oauth/grant-type/password-realm': ['username', 'password', 'realm'],
  'http://auth0.com/oauth/grant-type/mfa-oob': ['mfa_token', 'oob_code'],
  'http://auth0.com/oauth/grant-type/mfa-otp': ['mfa_token', 'otp'],
  'http://auth0.com/oauth/grant-type/mfa-recovery-code': ['mfa_token', 'recovery_code'],
  'urn:ietf:params:oauth:grant-type:device_code': ['device_code'],
};

const GRANT_PARAMETER_NAMES = [...new Set(Object.values(TOKEN_GRANT_PARAMETERS).flat())];

// Parameters read from the body; anything else (e.g. `organization`, `redirect_uri`) is ignored,
// as Auth0 does for parameters a grant does not use.
const PARAMETERS = ['grant_type', 'client_id', 'client_secret', 'audience', 'scope', 'client_assertion', 'client_assertion_type', ...GRANT_PARAMETER_NAMES] as const;
type Parameter = string;

type ParseError = TenantError<AuthApiErrorCode>;

/**
 * Turns a `/oauth/token` body and its `Authorization` header into a {@link TokenRequest},
 * refusing duplicated, mistyped or missing parameters, unsupported grant types and ambiguous
 * client authentication (a secret and an assertion together, as RFC 6749 §2.3 forbids).
 */
export function parseTokenRequest(body: RequestBody, authorization: string | null): TokenRequest | ParseError {
  const params = body.kind === 'form' ? fromForm(body.params) : fromJson(body.value);
  if (params instanceof TenantError) return params;

  const grantType = params.get('grant_type');
  if (grantType === undefined || grantType === '') return new TenantError('missing_parameter', { name: 'grant_type' });
  if (!Object.hasOwn(TOKEN_GRANT_PARAMETERS, grantType)) return new TenantError('unsupported_grant_type', { grantType: grantType.slice(0, 200) });

  const basic = parseBasic(authorization);
  if (basic instanceof TenantError) return basic;
  const bodyId = params.get('client_id');
  const bodySecret = params.get('client_secret');
  const grantParameters = new Map([...params].filter(([name]) => GRANT_PARAMETER_NAMES.includes(name)));
  const common = { grantType, audience: params.get('audience'), scope: params.get('scope'), grantParameters };
  if (params.has('client_assertion') || params.has('client_assertion_type')) {
    const assertion = params.get('client_assertion');
    const assertionType = params.get('client_assertion_type');
    if (assertionType === undefined || assertionType === '') return new TenantError('missing_parameter', { name: 'client_assertion_type' });
    if (assertionType !== CLIENT_ASSERTION_TYPE) return new TenantError('unsupported_assertion_type', { assertionType: assertionType.slice(0, 200) });
    if (assertion === undefined || assertion === '') return new TenantError('missing_parameter', { name: 'client_assertion' });
    if (basic !== undefined || bodySecret !== undefined) return new TenantError('assertion_with_secret');
    const clientId = bodyId === undefined || bodyId === '' ? claimedClientId(assertion) : bodyId;
    // Nothing names the application: the assertion cannot be read, and so cannot be checked.
    if (clientId === undefined) return new TenantError('invalid_client_assertion', { problem: 'malformed' });
    return { clientId, clientSecret: undefined, clientAssertion: assertion, authMethod: 'private_key_jwt', ...common };
  }
  if (basic !== undefined) {
    if (bodySecret !== undefined) return new TenantError('multiple_client_auth');
    if (bodyId !== undefined && bodyId !== basic.clientId) return new TenantError('client_id_mismatch');
    return { ...basic, authMethod: 'client_secret_basic', ...common };
  }
  if (bodyId === undefined || bodyId === '') return new TenantError('missing_parameter', { name: 'client_id' });
  return {
    clientId: bodyId,
    clientSecret: bodySecret,
    authMethod: bodySecret === undefined ? 'none' : 'client_secret_post',
    ...common,
  };
}

function fromForm(form: URLSearchParams): Map<Parameter, string> | ParseError {
  const params = new Map<Parameter, string>();
  for (const name of PARAMETERS) {
    const values = form.getAll(name);
    if (values.length > 1) return new TenantError('duplicate_parameter', { name });
    if (values.length === 1) params.set(name, values[0]!);
  }
  return params;
}

function fromJson(value: unknown): Map<Parameter, string> | ParseError {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return new TenantError('body_not_object', { found: value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value });
  }
  const params = new Map<Parameter, string>();
  for (const name of PARAMETERS) {
    if (!Object.hasOwn(value, name)) continue;
    const raw = (value as Record<string, unknown>)[name];
    if (typeof raw !== 'string') return new TenantError('invalid_parameter', { name });
    params.set(name, raw);
  }
  return params;
}

/** Reads `Authorization: Basic base64(urlencode(id):urlencode(secret))` (RFC 6749 §2.3.1). */
function parseBasic(header: string | null): { clientId: string; clientSecret: string } | undefined | ParseError {
  if (header === null) return undefined;
  // `\s*` so a bare "Basic" with no credentials is refused as malformed, not mistaken for another scheme.
  const match = /^basic(?:\s+(.*)|\s*)$/i.exec(header.trim());
  // Another scheme (a Bearer token sent by mistake) is not client authentication: ignore it.
  if (match === null) return undefined;
  try {
    const encoded = (match[1] ?? '').trim();
    if (encoded === '') return new TenantError('malformed_basic_auth');
    const bytes = base64ToBytes(encoded);
    if (bytes === undefined) return new TenantError('malformed_basic_auth');
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const colon = decoded.indexOf(':');
    if (colon <= 0) return new TenantError('malformed_basic_auth');
    const clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
    const clientSecret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
    return { clientId, clientSecret };
  } catch {
    return new TenantError('malformed_basic_auth');
  }
}
