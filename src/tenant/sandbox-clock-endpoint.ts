import { managementErrorReply } from './error-responses.ts';
import { jsonResponse } from './json-response.ts';
import { readSandboxBody, type SandboxBodyError } from './read-sandbox-body.ts';
import type { Tenant } from './tenant.ts';
import { TenantError, isTenantError } from './tenant-error.ts';

/** Where the test clock lives. Not an Auth0 route: the prefix says so to anyone reading a log. */
export const SANDBOX_CLOCK_PATH = '/__sandbox/clock';

/** The largest single jump: a year and a day, enough for any token lifetime a lesson shows. */
export const MAX_CLOCK_ADVANCE_SECONDS = 366 * 86_400;

/**
 * `GET /__sandbox/clock` reads the tenant's time; `POST /__sandbox/clock` with
 * `{"advance_seconds": n}` moves it forward. A sandbox-only test clock (in the spirit of Stripe's
 * test clocks): it lets code replay days of traffic in seconds, with the tenant itself deciding
 * when tokens expire. Real tenants have nothing like it, so it takes no credentials and is never
 * rate limited. Answers `{now, now_seconds}`; bad bodies get the Management API's 400 shape.
 */
export async function handleSandboxClockRequest(tenant: Tenant, request: Request, method: string): Promise<Response> {
  if (method === 'POST') {
    const advanced = await advanceFromBody(tenant, request);
    if (isTenantError(advanced)) {
      const reply = managementErrorReply(advanced);
      return jsonResponse(reply.status, reply.body, reply.headers);
    }
  } else if (method !== 'GET') {
    const reply = managementErrorReply(new TenantError('route_not_found'));
    return jsonResponse(reply.status, reply.body);
  }
  return jsonResponse(200, { now: tenant.clock.date().toISOString(), now_seconds: tenant.clock.nowSeconds() });
}

async function advanceFromBody(tenant: Tenant, request: Request): Promise<void | SandboxBodyError> {
  const value = await readSandboxBody(request, ['advance_seconds']);
  if (isTenantError(value)) return value;
  const seconds = value.advance_seconds;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_CLOCK_ADVANCE_SECONDS) {
    return new TenantError('invalid_body', {
      detail: `Expected a number of seconds from 0 to ${MAX_CLOCK_ADVANCE_SECONDS}`,
      property: 'advance_seconds',
    });
  }
  tenant.clock.advance(seconds);
}
