/**
 * The page's own caps on what a run worker says. The worker already cuts what it records and
 * logs, but the worker shares its realm with the learner's code, so the page does not rely on
 * that: a message is cut here, in the page's realm, before anything renders it. This is what
 * keeps 200 refused 1 MB URLs (or 1 MB error messages) from freezing the page, whatever ran in
 * the worker.
 *
 * @module
 */
import type { RecordedBody, RecordedHeader, RecordedRequest, WorkerMessage } from './protocol.ts';
import { capText, RECORD_LIMITS } from './request-record.ts';
import type { SerializedValue } from './serialized-value.ts';

/** Caps of the fields that are not part of a recorded request. */
export const MESSAGE_LIMITS = Object.freeze({
  errorName: 100,
  errorMessage: 2_000,
  stack: 8_000,
  /** Characters of one string inside a logged or returned value. */
  valueString: 10_000,
  /** Nodes of one logged or returned value; a bigger one is shown as a notice. */
  valueNodes: 20_000,
  secretSpans: 100,
  resultJson: 256 * 1024,
});

/** A copy of `message` with every field within its cap. */
export function clampWorkerMessage(message: WorkerMessage): WorkerMessage {
  switch (message.type) {
    case 'request': return { ...message, request: clampRequest(message.request) };
    case 'error': {
      const { name, message: text, stack, ...rest } = message;
      return {
        ...rest,
        name: capText(name, MESSAGE_LIMITS.errorName),
        message: capText(text, MESSAGE_LIMITS.errorMessage),
        ...(stack === undefined ? {} : { stack: stack.slice(0, MESSAGE_LIMITS.stack) }),
      };
    }
    case 'log': return { ...message, values: message.values.map(clampValue) };
    case 'result': {
      const { json, ...rest } = message;
      return { ...rest, value: clampValue(message.value), ...(json !== undefined && json.length <= MESSAGE_LIMITS.resultJson ? { json } : {}) };
    }
    default: return message;
  }
}

function clampRequest(request: RecordedRequest): RecordedRequest {
  const { error, ...rest } = request;
  return {
    ...rest,
    method: capText(request.method, RECORD_LIMITS.method),
    url: capText(request.url, RECORD_LIMITS.url),
    requestHeaders: clampHeaders(request.requestHeaders),
    responseHeaders: clampHeaders(request.responseHeaders),
    requestBody: clampBody(request.requestBody),
    responseBody: clampBody(request.responseBody),
    ...(error === undefined ? {} : { error: capText(error, RECORD_LIMITS.error) }),
  };
}

function clampHeaders(headers: RecordedHeader[]): RecordedHeader[] {
  return headers.slice(0, RECORD_LIMITS.headers).map(({ name, value, secret }) => ({
    name: capText(name, RECORD_LIMITS.headerName),
    value: capText(value, RECORD_LIMITS.headerValue),
    secret,
  }));
}

function clampBody(body: RecordedBody | null): RecordedBody | null {
  if (body === null || body.text.length <= RECORD_LIMITS.body) {
    return body && { ...body, secrets: body.secrets.slice(0, MESSAGE_LIMITS.secretSpans) };
  }
  const text = body.text.slice(0, RECORD_LIMITS.body);
  // A secret the cut splits stays masked up to the cut, as the worker's own recordBody does.
  const secrets = body.secrets
    .filter((span) => span.start < text.length)
    .slice(0, MESSAGE_LIMITS.secretSpans)
    .map((span) => ({ ...span, end: Math.min(span.end, text.length) }));
  return { text, size: Math.max(body.size, body.text.length), truncated: true, secrets };
}

/** Cuts every string of a serialized value; a value of too many nodes becomes a notice. */
export function clampValue(value: SerializedValue): SerializedValue {
  let nodes = 0;
  const visit = (node: unknown): unknown => {
    nodes++;
    if (typeof node === 'string') return node.slice(0, MESSAGE_LIMITS.valueString);
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== 'object' || node === null) return node;
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) copy[key] = visit(child);
    const string = copy as { kind?: unknown; value?: unknown; length?: unknown };
    const original = (node as { value?: unknown }).value;
    if (string.kind === 'string' && typeof original === 'string' && original.length > MESSAGE_LIMITS.valueString) {
      string.length = Math.max(typeof string.length === 'number' ? string.length : 0, original.length);
    }
    return copy;
  };
  const clamped = visit(value) as SerializedValue;
  return nodes > MESSAGE_LIMITS.valueNodes
    ? { kind: 'string', value: `[playground] This value has more than ${MESSAGE_LIMITS.valueNodes} parts; it is too big to show here.` }
    : clamped;
}
