/**
 * The endpoints the scope picker offers, built at build time from the tenant's own route table
 * and field lists, so the picker can never disagree with what the sandbox enforces.
 */
import { displayRoutePath, type ManagementRoute } from '../../tenant/management-route.ts';

/** How much of an application record a reader needs, for the routes that read applications. */
export interface DetailLevel {
  readonly value: string;
  readonly label: string;
  /** The route's scopes that reveal this much (any one is enough). */
  readonly scopes: readonly string[];
}

/** One row of the picker. */
export interface PickerEndpoint {
  /** Stable id for the checkbox. */
  readonly id: string;
  /** `METHOD /path`, with `{id}` for path parameters. */
  readonly label: string;
  /** Any one of these is enough. */
  readonly scopes: readonly string[];
  /** False for common real endpoints the sandbox does not implement. */
  readonly inSandbox: boolean;
  /** Present when the scope decides which fields come back. */
  readonly levels?: readonly DetailLevel[];
}

/** A route pattern (`/^\/api\/v2\/clients\/([^/]+)$/`) as the path a reader types. */
/** A route's path as readers write it; the tenant owns the route table, so it owns this too. */
export const displayPath = displayRoutePath;

// A field that stands for each level of an application record (see the tenant's client-fields.ts).
const LEVELS: ReadonlyArray<{ value: string; label: string; needs: readonly string[] }> = [
  { value: 'summary', label: 'names and types only', needs: ['name'] },
  { value: 'configuration', label: 'with configuration (callbacks, grant types…)', needs: ['name', 'callbacks'] },
  { value: 'secrets', label: 'with configuration and secrets', needs: ['name', 'callbacks', 'client_secret'] },
];

/**
 * Common Management API endpoints outside the sandbox, with the scope Auth0's API reference
 * lists for each. Marked so the picker shows them as "real API only".
 */
export const COMMON_REAL_ENDPOINTS: readonly PickerEndpoint[] = [
  { id: 'real-post-users', label: 'POST /api/v2/users', scopes: ['create:users'], inSandbox: false },
  { id: 'real-get-connections', label: 'GET /api/v2/connections', scopes: ['read:connections'], inSandbox: false },
  { id: 'real-get-roles', label: 'GET /api/v2/roles', scopes: ['read:roles'], inSandbox: false },
  { id: 'real-get-logs', label: 'GET /api/v2/logs', scopes: ['read:logs'], inSandbox: false },
];

/**
 * The picker's rows: every sandbox route, then the common real ones. For routes whose scopes
 * change which application fields come back, `levels` lists the scopes that reveal each level.
 *
 * @param visibleFields the tenant's `visibleClientFields`: the fields a set of scopes may read.
 */
export function pickerEndpoints(routes: readonly ManagementRoute[], visibleFields: (scopes: ReadonlySet<string>) => readonly string[]): PickerEndpoint[] {
  const sandbox = routes.map((route): PickerEndpoint => {
    const label = `${route.method} ${displayPath(route.pattern)}`;
    const id = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const revealsFields = route.method === 'GET' && /clients/.test(label) && !/client-grants/.test(label);
    if (!revealsFields) return { id, label, scopes: route.scopes, inSandbox: true };
    const levels = LEVELS.map((level) => ({
      value: level.value,
      label: level.label,
      scopes: route.scopes.filter((scope) => level.needs.every((field) => visibleFields(new Set([scope])).includes(field))),
    })).filter((level) => level.scopes.length > 0);
    return { id, label, scopes: route.scopes, inSandbox: true, levels };
  });
  return [...sandbox, ...COMMON_REAL_ENDPOINTS];
}
