import { parseFieldSelection } from './client-fields.ts';
import type { RouteContext, RouteOutcome } from './management-route.ts';
import type { User } from './model.ts';
import { presentUser } from './present-user.ts';
import { booleanParameter, pageOf, parsePaging, singleParameter } from './query-parameters.ts';
import { TenantError } from './tenant-error.ts';

/** Fields `sort` may name, written `<field>:1` (ascending) or `<field>:-1` (descending). */
const SORTABLE_FIELDS = ['created_at', 'email', 'name', 'nickname', 'updated_at', 'user_id'] as const;
type SortableField = (typeof SORTABLE_FIELDS)[number];
const SORT_PATTERN = new RegExp(`^(${SORTABLE_FIELDS.join('|')}):(1|-1)$`);

// `field:"quoted phrase"` (with \" and \\ escapes) or `field:bare-term`; a bare term with Lucene
// wildcards or operators is a different query and is left to the sandbox-rule error.
const QUERY_PATTERN = /^\s*(email|user_id):(?:"((?:[^"\\]|\\.)*)"|([^\s"*?()[\]{}~^\\:]+))\s*$/;

type UserFilter = (user: User) => boolean;

/**
 * `GET /api/v2/users` (scope `read:users`): user search, the way search engine v3 answers it.
 *
 * - Paging: `page`, `per_page` (1–100, default 50), `include_totals` for
 *   `{start, limit, length, total, users}`; `fields`/`include_fields`; `sort=<field>:1|-1`.
 * - `q`: the sandbox understands `email:"…"` (case-insensitive, as v3 treats emails) and
 *   `user_id:"…"` (exact), quoted or bare; any other query is a labelled sandbox-rule 400.
 * - `search_engine`: `v3` or absent. `v1` and `v2` are refused as Auth0 refuses them now, and so
 *   is `connection` without `search_engine`, because that parameter belongs to v1.
 */
export function listUsers({ tenant, query }: RouteContext): RouteOutcome {
  const engineProblem = searchEngineProblem(query);
  if (engineProblem !== undefined) return engineProblem;
  const paging = parsePaging(query);
  if (paging instanceof TenantError) return paging;
  const selection = parseFieldSelection(query);
  if (selection instanceof TenantError) return selection;
  const primaryOrder = booleanParameter(query, 'primary_order');
  if (primaryOrder instanceof TenantError) return primaryOrder;
  const order = parseSort(query);
  if (order instanceof TenantError) return order;
  const filter = parseQuery(query);
  if (filter instanceof TenantError) return filter;

  const found = tenant.records.users.filter(filter);
  if (order !== undefined) found.sort((a, b) => order.direction * compareText(String(a[order.field]), String(b[order.field])));
  const users = found.map((user) => presentUser(user, selection));
  const page = pageOf(users, { ...paging, includeTotals: false }, 'users') as Array<Record<string, unknown>>;
  if (!paging.includeTotals) return { status: 200, body: page };
  // Users lists carry `length` (the size of this page) besides the usual totals wrapper.
  return { status: 200, body: { start: paging.page * paging.perPage, limit: paging.perPage, length: page.length, total: users.length, users: page } };
}

function searchEngineProblem(query: URLSearchParams): TenantError<'invalid_query' | 'search_engine_not_allowed'> | undefined {
  const engine = singleParameter(query, 'search_engine');
  if (engine instanceof TenantError) return engine;
  if (engine === 'v1' || engine === 'v2') return new TenantError('search_engine_not_allowed', { version: engine });
  if (engine === undefined) return query.has('connection') ? new TenantError('search_engine_not_allowed', { version: 'v1' }) : undefined;
  if (engine === 'v3') return undefined;
  return new TenantError('invalid_query', { detail: `No enum match for: ${JSON.stringify(engine).slice(0, 200)}`, property: 'search_engine' });
}

function parseSort(query: URLSearchParams): { field: SortableField; direction: 1 | -1 } | undefined | TenantError<'invalid_query'> {
  const sort = singleParameter(query, 'sort');
  if (sort === undefined || sort instanceof TenantError) return sort;
  const match = SORT_PATTERN.exec(sort);
  if (match === null) return new TenantError('invalid_query', { detail: `String does not match pattern ${SORT_PATTERN.source}: ${sort.slice(0, 200)}`, property: 'sort' });
  return { field: match[1] as SortableField, direction: match[2] === '1' ? 1 : -1 };
}

function parseQuery(query: URLSearchParams): UserFilter | TenantError<'invalid_query' | 'unsupported_user_query'> {
  const q = singleParameter(query, 'q');
  if (q instanceof TenantError) return q;
  if (q === undefined || q.trim() === '') return () => true;
  const match = QUERY_PATTERN.exec(q);
  if (match === null) return new TenantError('unsupported_user_query');
  const [, field, quoted, bare] = match;
  const value = quoted === undefined ? bare! : quoted.replace(/\\(.)/g, '$1');
  if (field === 'email') {
    const wanted = value.toLowerCase();
    return (user) => user.email.toLowerCase() === wanted;
  }
  return (user) => user.user_id === value;
}

// Code-unit order, the same in every engine; ISO dates sort correctly as text.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
