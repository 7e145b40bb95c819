/**
 * What a token's scopes open: the routes of the sandbox's table (through the leak drill's
 * `routeReach`, so both widgets read the same table), and the scopes worth an alarm.
 */
import { routeReach, type RouteLike } from '../leak-drill/token-reach.ts';

export interface Source {
  readonly label: string;
  readonly href: string;
}

export interface ScopeRisk {
  readonly scope: string;
  readonly danger: string;
  readonly source?: Source;
}

export interface ScopeReach {
  /** `GET /api/v2/clients`, … for every route the scopes open. */
  readonly opens: { readonly label: string; readonly openedBy: readonly string[] }[];
  /** Held scopes no route of the sandbox's table checks (a real tenant has many more routes). */
  readonly unmapped: string[];
  readonly risks: ScopeRisk[];
}

const CLIENTS_MANAGER: Source = {
  label: 'Auth0 Node SDK, ClientsManager',
  href: 'https://auth0.github.io/node-auth0/classes/management.ClientsManager.html',
};
const CLIENT_GRANT_PATCH: Source = {
  label: 'Auth0 Management API, Update client grant',
  href: 'https://auth0.com/docs/api/management/v2/client-grants/patch-client-grants-by-id',
};

interface RiskRule {
  readonly matches: (scope: string) => boolean;
  readonly danger: (scope: string) => string;
  readonly source?: Source;
}

const RULES: readonly RiskRule[] = [
  {
    matches: (scope) => scope === 'read:client_keys' || scope === 'read:client_credentials',
    danger: () =>
      'Reveals the client_secret of every application, the Global Client ("All Applications") included: an application\'s secret gets that application\'s tokens, and the Global Client Secret is the key hand-signed tokens are made with.',
    source: CLIENTS_MANAGER,
  },
  {
    matches: (scope) => scope === 'create:client_grants' || scope === 'update:client_grants',
    danger: () => 'Can change which scopes an application may ask for, its own included: one step from every scope of the Management API.',
    source: CLIENT_GRANT_PATCH,
  },
  {
    matches: (scope) => scope === 'update:client_keys',
    danger: () => 'Can rotate or replace application secrets: it can lock services out, or set a secret the holder knows.',
  },
  {
    matches: (scope) => scope === 'update:resource_servers',
    danger: () => "Can change an API's settings, its Token Expiration included, so it can make long-lived tokens possible again.",
  },
  {
    matches: (scope) => scope.startsWith('delete:'),
    danger: (scope) => `Can delete ${scope.slice('delete:'.length).replaceAll('_', ' ')}: what depends on them stops working.`,
  },
];

/** The routes `scopes` open in `routes`, the scopes no route checks, and the dangerous ones. */
export function scopeReach(routes: readonly RouteLike[], scopes: readonly string[]): ScopeReach {
  const opens = routeReach(routes, scopes)
    .filter((route) => route.openedBy.length > 0)
    .map(({ label, openedBy }) => ({ label, openedBy }));
  const checked = new Set(routes.flatMap((route) => route.scopes));
  const unmapped = scopes.filter((scope) => !checked.has(scope));
  const risks = scopes.flatMap((scope) => {
    const rule = RULES.find((candidate) => candidate.matches(scope));
    return rule ? [{ scope, danger: rule.danger(scope), ...(rule.source ? { source: rule.source } : {}) }] : [];
  });
  return { opens, unmapped, risks };
}
