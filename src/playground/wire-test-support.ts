/**
 * Test support (not shipped): a {@link SendToTenant} that answers with a plain function, as the
 * page would with the tenant's handlers, so the guarded fetch can be tested without a port.
 */
import type { SendToTenant } from './fetch-guard.ts';
import type { WireRequest, WireResponse } from './request-wire.ts';

/** Answers each wire request with `respond(request)`; a throw becomes a network error with its message. */
export function senderFrom(respond: (request: Request) => Response | Promise<Response>): SendToTenant & { sent: WireRequest[] } {
  const sent: WireRequest[] = [];
  const send = async (wire: WireRequest): Promise<WireResponse> => {
    sent.push(wire);
    try {
      const response = await respond(new Request(wire.url, { method: wire.method, headers: wire.headers, body: wire.body }));
      const body = await response.arrayBuffer();
      return { kind: 'response', status: response.status, statusText: response.statusText, headers: [...response.headers], body: body.byteLength ? body : null };
    } catch (error) {
      return { kind: 'network-error', message: (error as Error).message };
    }
  };
  return Object.assign(send, { sent });
}
