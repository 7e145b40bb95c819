import type { ManagementErrorCode } from './error-codes.ts';
import type { Tenant } from './tenant.ts';
import type { TenantError } from './tenant-error.ts';
import type { AccessPrincipal } from './verify-access-token.ts';

/** What a Management API route receives once the caller is authenticated and authorized. */
export interface RouteContext {
  readonly tenant: Tenant;
  readonly query: URLSearchParams;
  /** Decoded path parameters, in order (e.g. the client id). */
  readonly params: readonly string[];
  readonly principal: AccessPrincipal;
  /** The parsed JSON body, for routes that take one. */
  readonly body: unknown;
}

/** A route's answer before it becomes a `Response`; no body means 204-style emptiness. */
export interface RouteReply {
  readonly status: number;
  readonly body?: unknown;
}

/** Either a reply or an error for the central mapping. */
export type RouteOutcome = RouteReply | TenantError<ManagementErrorCode>;

/** One Management API route. */
export interface ManagementRoute {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Matches the path; capture groups become `params`. */
  readonly pattern: RegExp;
  /** The caller needs any one of these scopes. */
  readonly scopes: readonly string[];
  /** Whether the route reads a JSON body. */
  readonly takesBody: boolean;
  readonly run: (context: RouteContext) => RouteOutcome | Promise<RouteOutcome>;
}

/** What `presentClient` needs from the tenant: its short name (`acme`) and current key id. */
export function presentationContext(tenant: Tenant): { tenantName: string; signingKeyId: string } {
  return { tenantName: tenant.domain.split('.')[0]!, signingKeyId: tenant.signingKey.kid };
}

/** A route's path pattern as readers write it: `/api/v2/clients/{id}`, `/api/v2/clients/{id}/credentials/{credential_id}`. */
export function displayRoutePath(pattern: RegExp): string {
  const path = pattern.source.replace(/^\^/, '').replace(/\$$/, '').replaceAll('\\/', '/');
  return path.replace('([^/]+)', '{id}').replaceAll('([^/]+)', '{credential_id}');
}
