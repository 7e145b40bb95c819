// Query-string parsing shared by the Management API routes, with Auth0's validation messages.

import { TenantError } from './tenant-error.ts';

/** Paging options shared by the Management API's list endpoints. */
export interface PageRequest {
  readonly page: number;
  readonly perPage: number;
  readonly includeTotals: boolean;
}

const DEFAULT_PER_PAGE = 50;
const MAX_PER_PAGE = 100;

/**
 * Reads `page`, `per_page` and `include_totals`. Refuses repeated or out-of-range values with
 * Auth0's "Query validation error" rather than guessing what the caller meant.
 */
export function parsePaging(query: URLSearchParams): PageRequest | TenantError<'invalid_query'> {
  const page = integerParameter(query, 'page', 0, 1_000_000);
  if (page instanceof TenantError) return page;
  const perPage = integerParameter(query, 'per_page', 1, MAX_PER_PAGE);
  if (perPage instanceof TenantError) return perPage;
  const includeTotals = booleanParameter(query, 'include_totals');
  if (includeTotals instanceof TenantError) return includeTotals;
  return {
    page: page ?? 0,
    perPage: perPage ?? DEFAULT_PER_PAGE,
    includeTotals: includeTotals ?? false,
  };
}

/** One page of `items`: a plain array, or `{start, limit, total, [key]}` with `include_totals`. */
export function pageOf<T>(items: readonly T[], paging: PageRequest, key: string): T[] | Record<string, unknown> {
  const start = paging.page * paging.perPage;
  const slice = items.slice(start, start + paging.perPage);
  if (!paging.includeTotals) return slice;
  return { start, limit: paging.perPage, total: items.length, [key]: slice };
}

/**
 * A single-valued query parameter, or an error when it is repeated: a repeated parameter reads as
 * an array, so the validator names the parameter's own type (`integer` for `per_page`).
 */
export function singleParameter(query: URLSearchParams, name: string, type: 'string' | 'integer' | 'boolean' = 'string'): string | undefined | TenantError<'invalid_query'> {
  const values = query.getAll(name);
  if (values.length > 1) return new TenantError('invalid_query', { detail: `Expected type ${type} but found type array`, property: name });
  return values[0];
}

function integerParameter(query: URLSearchParams, name: string, min: number, max: number): number | undefined | TenantError<'invalid_query'> {
  const raw = singleParameter(query, name, 'integer');
  if (raw === undefined || raw instanceof TenantError) return raw;
  // A sign is part of an integer: page=-1 is out of range, not "not an integer".
  if (!/^-?\d{1,9}$/.test(raw)) return new TenantError('invalid_query', { detail: `Expected type integer but found type string`, property: name });
  const value = Number(raw);
  if (value < min) return new TenantError('invalid_query', { detail: `Value ${value} is less than minimum ${min}`, property: name });
  if (value > max) return new TenantError('invalid_query', { detail: `Value ${value} is greater than maximum ${max}`, property: name });
  return value;
}

/** A comma-separated list (`app_type=spa,native`), blanks dropped; undefined when absent or empty. */
export function listParameter(query: URLSearchParams, name: string): string[] | undefined | TenantError<'invalid_query'> {
  const raw = singleParameter(query, name);
  if (raw === undefined || raw instanceof TenantError) return raw;
  const items = raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
  return items.length === 0 ? undefined : items;
}

/** `true`/`false` only, as Auth0 accepts; returns undefined when absent. */
export function booleanParameter(query: URLSearchParams, name: string): boolean | undefined | TenantError<'invalid_query'> {
  const raw = singleParameter(query, name, 'boolean');
  if (raw === undefined || raw instanceof TenantError) return raw;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return new TenantError('invalid_query', { detail: 'Expected type boolean but found type string', property: name });
}
