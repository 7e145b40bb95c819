/**
 * The least-privilege scope list for a set of Management API endpoints. Each endpoint accepts
 * ANY ONE of its scopes, so this is a small set cover: the fewest scopes that satisfy every
 * endpoint, and among those the least powerful. Pure; the picker's DOM code lives elsewhere.
 */

/** One endpoint as the picker offers it: the scopes it accepts (any one of them is enough). */
export interface EndpointNeed {
  /** Shown to the reader, e.g. `GET /api/v2/clients`. */
  readonly label: string;
  readonly scopes: readonly string[];
}

/** The answer: the scopes to ask for, and which of them serves each endpoint. */
export interface ScopeChoice {
  /** The scopes to request, least powerful first. */
  readonly scopes: string[];
  /** For each endpoint, in the order given, the chosen scope that covers it. */
  readonly cover: Array<{ label: string; scope: string }>;
}

/** Past this many candidate scopes the exact search would be slow; a greedy cover is used. */
const EXACT_SEARCH_LIMIT = 16;

/**
 * How much a scope lets its holder do, as a number (higher is more powerful). Reading a summary
 * is least; reading, then changing, then deleting come next; anything touching keys or
 * credentials reveals or replaces secrets; creating or updating client grants lets an
 * application grant itself more scopes, so it ranks highest. `revealedFields` breaks ties
 * between read scopes that show more or fewer fields of a record.
 */
export function scopePower(scope: string, revealedFields = 0): number {
  const [verb = '', resource = ''] = scope.split(':');
  let power = verb === 'read' ? (resource.endsWith('_summary') ? 1 : 2) : verb === 'delete' ? 4 : 3;
  if (/keys|credentials/.test(resource)) power += 2;
  if (resource === 'client_grants' && (verb === 'create' || verb === 'update')) power += 3;
  return power + revealedFields / 1000;
}

/**
 * The smallest set of scopes that covers every endpoint, preferring the least powerful set.
 * Throws when an endpoint accepts no scope at all (a bug in the caller's data).
 *
 * @param power the power of each scope; defaults to {@link scopePower}.
 */
export function minimalScopes(endpoints: readonly EndpointNeed[], power: (scope: string) => number = (scope) => scopePower(scope)): ScopeChoice {
  for (const endpoint of endpoints) {
    if (endpoint.scopes.length === 0) throw new Error(`[scope-picker] "${endpoint.label}" accepts no scope, so no token can call it.`);
  }
  const byPower = (a: string, b: string) => power(a) - power(b) || a.localeCompare(b);
  const candidates = [...new Set(endpoints.flatMap((endpoint) => endpoint.scopes))].sort(byPower);
  const chosen = candidates.length <= EXACT_SEARCH_LIMIT ? exactCover(endpoints, candidates, power) : greedyCover(endpoints, candidates);
  const scopes = [...chosen].sort(byPower);
  const cover = endpoints.map((endpoint) => ({
    label: endpoint.label,
    // The least powerful chosen scope the endpoint accepts.
    scope: scopes.find((scope) => endpoint.scopes.includes(scope))!,
  }));
  return { scopes, cover };
}

function covers(set: readonly string[], endpoints: readonly EndpointNeed[]): boolean {
  return endpoints.every((endpoint) => endpoint.scopes.some((scope) => set.includes(scope)));
}

/** Tries every subset, smallest first; among equal sizes the lowest total power wins. */
function exactCover(endpoints: readonly EndpointNeed[], candidates: readonly string[], power: (scope: string) => number): string[] {
  let best: { set: string[]; power: number } | undefined;
  for (let size = 0; size <= candidates.length && best === undefined; size += 1) {
    for (const set of subsetsOfSize(candidates, size)) {
      if (!covers(set, endpoints)) continue;
      const total = set.reduce((sum, scope) => sum + power(scope), 0);
      // Candidates are sorted by power, so the first subset found wins a tie.
      if (best === undefined || total < best.power) best = { set, power: total };
    }
  }
  return best?.set ?? [];
}

function* subsetsOfSize(items: readonly string[], size: number, start = 0): Generator<string[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let index = start; index <= items.length - size; index += 1) {
    for (const rest of subsetsOfSize(items, size - 1, index + 1)) yield [items[index]!, ...rest];
  }
}

/** Repeatedly takes the scope that covers the most uncovered endpoints (least powerful on a tie). */
function greedyCover(endpoints: readonly EndpointNeed[], candidates: readonly string[]): string[] {
  const chosen: string[] = [];
  let open = [...endpoints];
  while (open.length > 0) {
    let best = candidates[0]!;
    let bestCount = -1;
    for (const scope of candidates) {
      const count = open.filter((endpoint) => endpoint.scopes.includes(scope)).length;
      if (count > bestCount) {
        best = scope;
        bestCount = count;
      }
    }
    chosen.push(best);
    open = open.filter((endpoint) => !endpoint.scopes.includes(best));
  }
  return chosen;
}

/** The scopes as a token request's `scope` parameter: space-separated. */
export function scopeParameter(choice: ScopeChoice): string {
  return choice.scopes.join(' ');
}
