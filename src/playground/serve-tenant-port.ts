/**
 * The page's side of a run's MessagePort: answers the run worker's requests with the mocked
 * tenant, in the page's own realm, and never with the network. It checks each request again
 * (plain data, a URL parsed here, where no learner code ever ran), so a run worker whose guard
 * was fooled still reaches nothing but the tenant's handlers.
 *
 * @module
 */
import { refusalFor } from './fetch-guard.ts';
import { parseWireRequestMessage, type WireResponse, type WireResponseMessage } from './request-wire.ts';

/** Answers one request for the tenant, or `undefined` when no handler matches (MSW's `getResponse`). */
export type AnswerRequest = (request: Request) => Promise<Response | undefined>;

/** Options of {@link serveTenantPort}. */
export interface ServeTenantOptions {
  /** Host names the run may reach (the tenant's domain). */
  allowedHosts: readonly string[];
  answer: AnswerRequest;
  /** Requests answered per run; past it every request fails, so a flood cannot keep the page busy. */
  maxRequests?: number;
}

/** A port being served; `close` stops answering (the run is over). */
export interface ServedPort {
  close(): void;
}

/** Serves `port` until `close()`. */
export function serveTenantPort(port: MessagePort, options: ServeTenantOptions): ServedPort {
  const { answer, maxRequests = 2_000 } = options;
  const allowed = options.allowedHosts.map((host) => host.toLowerCase());
  const tenant = allowed[0] ? `https://${allowed[0]}` : 'the mocked tenant';
  let closed = false;
  let count = 0;

  const reply = (requestId: number, response: WireResponse) => {
    if (closed) return;
    const message: WireResponseMessage = { requestId, response };
    port.postMessage(message, response.kind === 'response' && response.body ? [response.body] : []);
  };
  const refuse = (requestId: number, message: string) => reply(requestId, { kind: 'network-error', message });

  port.onmessage = async (event: MessageEvent) => {
    if (closed) return;
    const parsed = parseWireRequestMessage(event.data);
    if ('problem' in parsed) {
      if (parsed.requestId !== undefined) refuse(parsed.requestId, `[playground] The sandbox refused a request: ${parsed.problem}.`);
      return;
    }
    const { requestId, request } = parsed;
    if (++count > maxRequests) {
      return refuse(requestId, `[playground] More than ${maxRequests} requests in one run: the mocked tenant answers no more until the next Run.`);
    }
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(requestId, '[playground] The sandbox refused a request whose URL it cannot read.');
    }
    const refusal = refusalFor(url.protocol, url.host, url.hostname, allowed, tenant);
    if (refusal) return refuse(requestId, refusal);
    let response: Response | undefined;
    try {
      const made = new Request(url.href, { method: request.method, headers: request.headers, body: request.body });
      response = await answer(made);
    } catch (error) {
      return refuse(requestId, `[playground] The mocked tenant could not answer ${request.method} ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 2_000));
    }
    if (!response || response.type === 'error' || response.status < 200 || response.status > 599) {
      return refuse(requestId, `[playground] The mocked tenant has no answer for ${request.method} ${url.pathname.slice(0, 200)}.`);
    }
    const body = await response.arrayBuffer();
    reply(requestId, { kind: 'response', status: response.status, statusText: response.statusText, headers: [...response.headers], body: body.byteLength > 0 ? body : null });
  };

  return {
    close() {
      closed = true;
      port.onmessage = null;
      port.close();
    },
  };
}
