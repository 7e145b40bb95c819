/**
 * The shape a learner's request takes between the run worker and the page. The run worker has no
 * network of its own: its guarded `fetch` turns each request into a {@link WireRequest}, sends it
 * over a MessagePort, and the page answers it with the tenant's handlers. Only plain data crosses
 * (strings, numbers, an ArrayBuffer), so nothing the learner's code built (a `toString` that
 * answers differently the second time, a subclassed `Request`) reaches the page: the page parses
 * the copy in its own realm, where the learner's code never ran.
 *
 * @module
 */

/** A request as plain data. `headers` holds only the ones the tenant reads. */
export interface WireRequest {
  method: string;
  url: string;
  headers: Array<[name: string, value: string]>;
  body: ArrayBuffer | null;
}

/** The page's answer: the tenant's response, or a network error with the reason. */
export type WireResponse =
  | { kind: 'response'; status: number; statusText: string; headers: Array<[name: string, value: string]>; body: ArrayBuffer | null }
  | { kind: 'network-error'; message: string };

/** Worker → page over the run's port. */
export interface WireRequestMessage {
  requestId: number;
  request: WireRequest;
}

/** Page → worker over the run's port. */
export interface WireResponseMessage {
  requestId: number;
  response: WireResponse;
}

/** The headers a request may carry to the tenant; every other header is dropped before it leaves the worker. */
export const FORWARDED_HEADERS: readonly string[] = ['accept', 'authorization', 'content-type'];

/** Caps the page applies to what a worker sends, whatever the worker's own code did. */
export const WIRE_LIMITS = Object.freeze({
  urlLength: 16_384,
  methodLength: 16,
  headerCount: FORWARDED_HEADERS.length,
  headerValueLength: 16_384,
  bodyBytes: 1_048_576,
});

const METHOD = /^[A-Za-z]+$/;

/**
 * Validates a request message that arrived from a run worker (the page side). Returns the
 * message, or a plain-language reason when it is not exactly a {@link WireRequestMessage} within
 * {@link WIRE_LIMITS}.
 */
export function parseWireRequestMessage(data: unknown): WireRequestMessage | { problem: string; requestId?: number } {
  if (typeof data !== 'object' || data === null) return { problem: 'not a request message' };
  const { requestId, request } = data as { requestId?: unknown; request?: unknown };
  if (typeof requestId !== 'number' || !Number.isSafeInteger(requestId) || requestId < 0) return { problem: 'no request id' };
  const problem = wireRequestProblem(request);
  return problem === null ? { requestId, request: request as WireRequest } : { problem, requestId };
}

function wireRequestProblem(request: unknown): string | null {
  if (typeof request !== 'object' || request === null) return 'not a request';
  const { method, url, headers, body } = request as Record<string, unknown>;
  if (typeof method !== 'string' || method.length > WIRE_LIMITS.methodLength || !METHOD.test(method)) return 'its method is not an HTTP method';
  if (typeof url !== 'string') return 'it has no URL';
  if (url.length > WIRE_LIMITS.urlLength) return `its URL is ${url.length} characters long; the sandbox takes at most ${WIRE_LIMITS.urlLength}`;
  if (!Array.isArray(headers) || headers.length > WIRE_LIMITS.headerCount) return 'its headers are not a short list';
  for (const header of headers) {
    if (!Array.isArray(header) || header.length !== 2) return 'a header is not a name and a value';
    const [name, value] = header as unknown[];
    if (typeof name !== 'string' || !FORWARDED_HEADERS.includes(name)) return 'it carries a header the tenant does not read';
    if (typeof value !== 'string' || value.length > WIRE_LIMITS.headerValueLength) return `its ${name} header is too long`;
  }
  if (body !== null && !(body instanceof ArrayBuffer)) return 'its body is not bytes';
  if (body instanceof ArrayBuffer && body.byteLength > WIRE_LIMITS.bodyBytes) return `its body is ${body.byteLength} bytes; the sandbox takes at most ${WIRE_LIMITS.bodyBytes}`;
  return null;
}

/** Validates the page's answer (the worker side); `null` when it is not a {@link WireResponseMessage}. */
export function parseWireResponseMessage(data: unknown): WireResponseMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { requestId, response } = data as { requestId?: unknown; response?: unknown };
  if (typeof requestId !== 'number' || typeof response !== 'object' || response === null) return null;
  const answer = response as Record<string, unknown>;
  if (answer.kind === 'network-error') return typeof answer.message === 'string' ? (data as WireResponseMessage) : null;
  const valid = answer.kind === 'response'
    && typeof answer.status === 'number' && answer.status >= 200 && answer.status <= 599
    && typeof answer.statusText === 'string'
    && Array.isArray(answer.headers)
    && (answer.body === null || answer.body instanceof ArrayBuffer);
  return valid ? (data as WireResponseMessage) : null;
}
