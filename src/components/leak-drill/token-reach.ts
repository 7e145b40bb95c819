/**
 * What a leaked token opens: the Management API routes whose scope check its scopes pass. Derived
 * from the tenant's own route table, so the drill can never disagree with what the API does.
 */
import { displayRoutePath } from '../../tenant/management-route.ts';

/** The parts of a route this needs (the tenant's `ManagementRoute` fits). */
export interface RouteLike {
  readonly method: string;
  readonly pattern: RegExp;
  readonly scopes: readonly string[];
}

export interface RouteReach {
  /** `GET /api/v2/clients/{id}` */
  readonly label: string;
  /** Scopes the route accepts (any one is enough). */
  readonly accepts: readonly string[];
  /** The token's scopes that open it; empty when closed. */
  readonly openedBy: readonly string[];
}

/** Every route with the token's scopes that open it, open ones first, in table order. */
export function routeReach(routes: readonly RouteLike[], tokenScopes: readonly string[]): RouteReach[] {
  const held = new Set(tokenScopes);
  const all = routes.map((route) => ({
    label: `${route.method} ${routePath(route.pattern)}`,
    accepts: [...route.scopes],
    openedBy: route.scopes.filter((scope) => held.has(scope)),
  }));
  return [...all.filter((route) => route.openedBy.length > 0), ...all.filter((route) => route.openedBy.length === 0)];
}

/** `/^\/api\/v2\/clients\/([^/]+)$/` → `/api/v2/clients/{id}`, as the tenant's own pages write it. */
export const routePath: (pattern: RegExp) => string = displayRoutePath;
