/**
 * Answers a request with the tenant's MSW handlers, in the same realm, with no interception and
 * no network: MSW's `getResponse` runs the handlers the Node server and the tests use and gives
 * back their response, or `undefined` when none matches. The page answers its run workers this
 * way, over a MessagePort (src/playground/serve-tenant-port.ts); so does the lab's Node runner.
 */
import { getResponse, type RequestHandler } from 'msw';
import { tenantHandlers } from '../msw-handlers.ts';
import type { Tenant } from '../tenant.ts';

/** Answers requests for whichever tenant `current()` returns (a reset swaps it). */
export function createTenantResponder(current: () => Tenant): (request: Request) => Promise<Response | undefined> {
  // Handlers are made once per tenant: a reset brings a new tenant, and so new handlers.
  const handlers = new WeakMap<Tenant, RequestHandler[]>();
  return (request) => {
    const tenant = current();
    let list = handlers.get(tenant);
    if (!list) handlers.set(tenant, (list = tenantHandlers(tenant)));
    return getResponse(list, request);
  };
}
