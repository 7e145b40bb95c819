import { afterEach, beforeEach, expect, it, vi, type MockInstance } from 'vitest';
import type { Tenant } from './tenant.ts';

/*
 * The bad-input tables' shared frame (not a test file itself): a table of malformed and hostile
 * requests, each row with the exact status and JSON body the tenant must answer. Requests go
 * through msw/node and the real `fetch`, the way a learner's code sends them; every row gets a
 * freshly seeded tenant. One table a route family: bad-input-token-endpoint.test.ts and
 * bad-input-management-api.test.ts.
 */

export const DOMAIN = 'acme.auth0.test';
export const AUDIENCE = `https://${DOMAIN}/api/v2/`;
export const BODY_LIMIT = 65_536;
/** One byte over the body limit, for the 413 rows. */
export const oversized = 'x'.repeat(BODY_LIMIT + 1);

/** The request of one row; `path` is appended to `https://{domain}`. */
export interface BadRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

/** One row; `Context` is what a table makes once per file (forged tokens, say) for its requests. */
export interface Row<Context = void> {
  name: string;
  request: BadRequest | ((context: Context) => BadRequest);
  /** Puts the row's fresh tenant into the state the row needs. */
  setup?: (tenant: Tenant) => void | Promise<void>;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const json = (value: unknown): string => JSON.stringify(value);
export const basic = (id: string, secret: string): string => `Basic ${btoa(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`)}`;
/** A Management API error body. */
export const mgmt = (statusCode: number, error: string, message: string, errorCode?: string) => ({ statusCode, error, message, ...(errorCode === undefined ? {} : { errorCode }) });
export const NOT_FOUND = mgmt(404, 'Not Found', 'Not Found');

export async function sendBadRequest(tenant: Tenant, request: BadRequest): Promise<Response> {
  return fetch(`https://${tenant.domain}${request.path}`, {
    method: request.method,
    headers: request.headers ?? {},
    ...(request.body === undefined ? {} : { body: request.body }),
  });
}

/**
 * Runs each row as a test named by its sentence: the row's set-up, its request, then the exact
 * status, body and headers, and nothing logged to console.error on the way.
 */
export function itAnswersEachRow<Context>(rows: readonly Row<Context>[], tenant: () => Tenant, context: () => Context): void {
  let consoleError: MockInstance<typeof console.error>;
  beforeEach(() => {
    consoleError = vi.spyOn(console, 'error');
  });
  afterEach(() => {
    consoleError.mockRestore();
  });
  it.each(rows)('$name', async (row) => {
    await row.setup?.(tenant());
    const request = typeof row.request === 'function' ? row.request(context()) : row.request;
    const response = await sendBadRequest(tenant(), request);
    expect(response.status).toBe(row.status);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual(row.body);
    for (const [name, value] of Object.entries(row.headers ?? {})) {
      expect(response.headers.get(name), `header ${name}`).toBe(value);
    }
    expect(consoleError).not.toHaveBeenCalled();
  });
}
