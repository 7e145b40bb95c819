/**
 * The run worker's side of the run's MessagePort: the only way a learner's request gets an
 * answer. The worker itself has no network; the page answers each request with the tenant's
 * handlers (`serve-tenant-port.ts`).
 *
 * @module
 */
import type { SendToTenant } from './fetch-guard.ts';
import { intrinsics as I } from './intrinsics.ts';
import { parseWireResponseMessage, type WireResponse } from './request-wire.ts';

/** A {@link SendToTenant} over `port`. The port stays private to the runtime: learner code never sees it. */
export function createPortSender(port: MessagePort): SendToTenant {
  const pending = new Map<number, (response: WireResponse) => void>();
  let next = 0;
  port.onmessage = (event: MessageEvent) => {
    const message = parseWireResponseMessage(event.data);
    if (!message) return;
    const resolve = pending.get(message.requestId);
    pending.delete(message.requestId);
    resolve?.(message.response);
  };
  return (request) => new Promise<WireResponse>((resolve) => {
    const requestId = next++;
    pending.set(requestId, resolve);
    I.portPost(port, { requestId, request }, request.body ? [request.body] : []);
  });
}
