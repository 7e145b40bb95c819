import { base64ToBytes, bytesToBase64 } from './base64.ts';
import { singleParameter } from './query-parameters.ts';
import { TenantError } from './tenant-error.ts';

/*
 * Checkpoint paging (`take` and `from`), the Management API's alternative to `page`/`per_page`:
 * each page carries an opaque `next` to send back as `from`, and the last page carries none.
 *
 * Items are ordered by id, and `from` means "ids from this one on". That keeps a walk through the
 * pages stable when records are added or deleted between two requests, which is the point of
 * checkpoints; a position in a list (page 3) would shift instead.
 */

/** A checkpoint-paging request: where to start (an id, or the beginning) and how many to return. */
export interface CheckpointRequest {
  readonly fromId: string | undefined;
  readonly take: number;
}

const DEFAULT_TAKE = 50;
const MAX_TAKE = 100;

/**
 * Reads `take` (1–100, default 50) and `from` (a `next` value this tenant issued). Returns
 * `undefined` when neither is present, so the caller falls back to page paging.
 */
export function parseCheckpoint(query: URLSearchParams): CheckpointRequest | undefined | TenantError<'invalid_query'> {
  const rawTake = singleParameter(query, 'take', 'integer');
  if (rawTake instanceof TenantError) return rawTake;
  const rawFrom = singleParameter(query, 'from');
  if (rawFrom instanceof TenantError) return rawFrom;
  if (rawTake === undefined && rawFrom === undefined) return undefined;
  const take = rawTake === undefined ? DEFAULT_TAKE : parseTake(rawTake);
  if (take instanceof TenantError) return take;
  if (rawFrom === undefined || rawFrom === '') return { fromId: undefined, take };
  const fromId = decodeCheckpoint(rawFrom);
  if (fromId === undefined) return new TenantError('invalid_query', { detail: 'Invalid checkpoint', property: 'from' });
  return { fromId, take };
}

/** One checkpoint page of `items`: `{[key]: [...], next}`, without `next` on the last page. */
export function checkpointPageOf<T>(items: readonly T[], idOf: (item: T) => string, request: CheckpointRequest, key: string): Record<string, unknown> {
  const ordered = [...items].sort((a, b) => compareIds(idOf(a), idOf(b)));
  const remaining = request.fromId === undefined ? ordered : ordered.filter((item) => compareIds(idOf(item), request.fromId!) >= 0);
  const page = remaining.slice(0, request.take);
  const following = remaining[request.take];
  return following === undefined ? { [key]: page } : { [key]: page, next: encodeCheckpoint(idOf(following)) };
}

function parseTake(raw: string): number | TenantError<'invalid_query'> {
  if (!/^-?\d{1,9}$/.test(raw)) return new TenantError('invalid_query', { detail: 'Expected type integer but found type string', property: 'take' });
  const value = Number(raw);
  if (value < 1) return new TenantError('invalid_query', { detail: `Value ${value} is less than minimum 1`, property: 'take' });
  if (value > MAX_TAKE) return new TenantError('invalid_query', { detail: `Value ${value} is greater than maximum ${MAX_TAKE}`, property: 'take' });
  return value;
}

// Plain code-unit order, the same in every JavaScript engine (localeCompare is not).
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The id a page starts at, as URL-safe base64 without padding: opaque, as Auth0's checkpoints are. */
function encodeCheckpoint(id: string): string {
  return bytesToBase64(new TextEncoder().encode(id)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCheckpoint(checkpoint: string): string | undefined {
  if (checkpoint.length > 1024) return undefined;
  const bytes = base64ToBytes(checkpoint.padEnd(Math.ceil(checkpoint.length / 4) * 4, '='));
  if (bytes === undefined || bytes.length === 0) return undefined;
  try {
    const id = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // Only text this tenant could have produced: printable ASCII, like every record id.
    return /^[\x21-\x7e]+$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}
