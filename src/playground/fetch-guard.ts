import { hasBrand, intrinsics as I } from './intrinsics.ts';
import type { RecordedRequest } from './protocol.ts';
import { capText, RECORD_LIMITS, recordBody, recordHeaders } from './request-record.ts';
import { FORWARDED_HEADERS, WIRE_LIMITS, type WireRequest, type WireResponse } from './request-wire.ts';

/** Hands a request to whatever answers for the tenant (the page, over the run's port) and waits for its answer. */
export type SendToTenant = (request: WireRequest) => Promise<WireResponse>;

/** How the guarded fetch decides and reports. */
export interface GuardedFetchOptions {
  /** Host names `fetch` may reach over https (the mocked tenant's domain). */
  allowedHosts: readonly string[];
  /** Called once per request, allowed or refused, after its response body was read. */
  onRecord: (request: RecordedRequest) => void;
  /** A monotonic clock in milliseconds; defaults to `performance.now`. */
  now?: () => number;
  /** Characters of each body kept in the record. */
  maxBodyLength?: number;
}

// The token MSW's service worker reads as "send this one to the network". The sandbox has no
// service worker any more, but a request never carries it out of the worker all the same.
const PASSTHROUGH = 'msw/passthrough';
const NULL_BODY_STATUSES = [101, 103, 204, 205, 304];
const performanceNow = performance.now.bind(performance);

/**
 * The learner's `fetch`. It takes the URL as a string exactly once (through built-ins captured
 * before learner code ran), refuses every destination but the mocked tenant over https, keeps
 * only the headers the tenant reads, and hands the request to `send` as plain data: there is no
 * network behind it. A refusal fails with a `TypeError`, as a network failure would. Every
 * request, allowed or refused, is recorded with capped fields for the Requests panel.
 */
export function createGuardedFetch(send: SendToTenant, options: GuardedFetchOptions): typeof fetch {
  const { onRecord, now = performanceNow, maxBodyLength = RECORD_LIMITS.body } = options;
  const allowed = options.allowedHosts.map((host) => host.toLowerCase());
  const tenant = allowed[0] ? `https://${allowed[0]}` : 'the mocked tenant';

  return async function guardedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const started = now();
    const record: RecordedRequest = {
      method: 'GET', url: '', status: 0, durationMs: 0, requestHeaders: [], requestBody: null, responseHeaders: [], responseBody: null,
    };
    const fail = (message: string): never => {
      onRecord({ ...record, durationMs: now() - started, error: capText(message, RECORD_LIMITS.error) });
      throw new I.TypeError(message);
    };

    // Each of these is read once; a getter that answers differently the second time is never asked twice.
    const source = hasBrand(input, I.requestUrl) ? (input as Request) : null;
    let rawUrl: string;
    let given: { method?: unknown; headers?: unknown; body?: unknown; signal?: unknown };
    try {
      rawUrl = source ? I.requestUrl(source) : hasBrand(input, I.urlHref) ? I.urlHref(input as URL) : I.String(input);
      given = init === undefined || init === null ? {} : { method: init.method, headers: init.headers, body: init.body, signal: init.signal };
    } catch (error) {
      return fail(`[playground] This request could not be built: ${messageOf(error)}`);
    }
    record.url = capText(rawUrl, RECORD_LIMITS.url);

    let url: URL;
    try {
      url = new I.URL(rawUrl);
    } catch {
      return fail(`[playground] fetch needs a full URL such as ${tenant}/oauth/token; '${capText(rawUrl, 200)}' is not one. Use tokenLab.domain to build it.`);
    }
    const href = I.urlHref(url);
    record.url = capText(href, RECORD_LIMITS.url);
    const refusal = refusalFor(I.urlProtocol(url), I.urlHost(url), I.urlHostname(url), allowed, tenant);

    let wire: WireRequest;
    try {
      wire = await buildWireRequest(href, source, given);
    } catch (error) {
      return fail(refusal ?? `[playground] This request could not be built: ${messageOf(error)}`);
    }
    record.method = capText(wire.method, RECORD_LIMITS.method);
    record.requestHeaders = recordHeaders(wire.headers);
    record.requestBody = wire.body ? recordBody(I.textDecode(wire.body), maxBodyLength) : null;
    if (refusal) return fail(refusal);
    if (wire.body && wire.body.byteLength > WIRE_LIMITS.bodyBytes) {
      return fail(`[playground] The request body is ${wire.body.byteLength} bytes; the mocked tenant takes at most ${WIRE_LIMITS.bodyBytes}.`);
    }

    const answer = await abortable(() => send(wire), given.signal);
    if (answer.kind === 'network-error') return fail(answer.message);
    const body = listed(NULL_BODY_STATUSES, answer.status) ? null : answer.body;
    const response = new I.Response(body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
    // A made Response has an empty url; code that logs response.url should see where it went.
    I.defineProperty(response, 'url', { value: href, enumerable: true });
    onRecord({
      ...record,
      status: answer.status,
      durationMs: now() - started,
      responseHeaders: recordHeaders(answer.headers),
      responseBody: answer.body && answer.body.byteLength > 0 ? recordBody(I.textDecode(answer.body), maxBodyLength) : null,
    });
    return response;
  };
}

/**
 * The request as plain data. A real `Request` is made from the checked URL string (never from
 * the learner's input object), so a body becomes bytes with the content type fetch would give it.
 */
async function buildWireRequest(href: string, source: Request | null, given: { method?: unknown; headers?: unknown; body?: unknown }): Promise<WireRequest> {
  const method = I.toUpperCase(I.String(given.method ?? (source ? I.requestMethod(source) : 'GET')));
  const bodyless = method === 'GET' || method === 'HEAD';
  const headers = given.headers !== undefined ? given.headers : source ? I.requestHeaders(source) : undefined;
  const body = given.body !== undefined ? given.body : source && !bodyless ? await I.requestArrayBuffer(source) : null;
  const made = new I.Request(href, { method, headers: headers as HeadersInit | undefined, body: body as BodyInit | null, duplex: 'half' } as RequestInit);
  const forwarded: Array<[string, string]> = [];
  I.headersForEach(I.requestHeaders(made), (value, name) => {
    const kept = name === 'accept' ? withoutPassthrough(value) : value;
    if (kept !== '' && listed(FORWARDED_HEADERS, name)) I.push(forwarded, [name, kept]);
  });
  const bytes = bodyless ? null : await I.requestArrayBuffer(made);
  return { method, url: href, headers: forwarded, body: bytes && bytes.byteLength > 0 ? bytes : null };
}

/** An `accept` value without MSW's passthrough token (empty when nothing else was asked for). */
export function withoutPassthrough(accept: string): string {
  return accept.split(',').map((part) => part.trim()).filter((part) => part !== '' && I.toLowerCase(part) !== PASSTHROUGH).join(', ');
}

/** The message for a request that may not leave, or `null` when it goes to an allowed host over https. */
export function refusalFor(protocol: string, host: string, hostname: string, allowed: readonly string[], tenant: string): string | null {
  const reach = `Nothing leaves your browser here: only the mocked tenant ${tenant} is reachable.`;
  const shownHost = capText(host, 200);
  if (protocol !== 'https:') {
    const where = host ? `${protocol}//${shownHost}` : `a ${capText(protocol, 40)} URL`;
    return `[playground] Blocked a request to ${where}. ${reach} Use https://.`;
  }
  if (listed(allowed, host)) return null;
  const hint = hostname.endsWith('.auth0.com') || hostname.endsWith('.auth0app.com')
    ? ' Real Auth0 tenants cannot be reached from Token Lab; build URLs from tokenLab.domain.'
    : '';
  return `[playground] Blocked a request to ${shownHost}. ${reach}${hint}`;
}

/** The answer `send()` gives, or the signal's reason as soon as the learner's AbortSignal fires (before sending, if it already has). */
function abortable(send: () => Promise<WireResponse>, signal: unknown): Promise<WireResponse> {
  if (!hasBrand(signal, I.abortSignalAborted)) return send();
  const real = signal as AbortSignal;
  if (I.abortSignalAborted(real)) return Promise.reject(I.abortSignalReason(real));
  return new Promise((resolve, reject) => {
    I.addEventListener(real, 'abort', () => reject(I.abortSignalReason(real)), { once: true });
    send().then(resolve, reject);
  });
}

// An index loop, not `includes` or `for…of`: learner code can replace Array.prototype methods and
// the array iterator, but not this.
function listed<T>(list: readonly T[], value: T): boolean {
  for (let index = 0; index < list.length; index++) if (list[index] === value) return true;
  return false;
}

function messageOf(error: unknown): string {
  try {
    return capText(error instanceof Error ? String(error.message) : String(error), 500);
  } catch {
    return 'a value that cannot be read';
  }
}
