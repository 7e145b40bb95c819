/**
 * The messages between a playground page and its run worker. Every message carries the `id` of
 * the run it belongs to, so the page can drop anything left over from an earlier run.
 *
 * @module
 */
import { isSerializedValue, type SerializedValue } from './serialized-value.ts';

/** The reader's tenant and application, as the learner's code sees them. */
export interface RunContext {
  domain: string;
  clientId: string;
  clientSecret: string;
  audience: string;
  /**
   * Tenant time minus page time (ms) when the run starts, so `tokenLab.clock.now()` in the worker
   * reads the tenant's clock even after a lesson has moved it.
   */
  clockOffsetMs?: number;
  /** Data an exercise hands to the code as `tokenLab.input` (anything structured-cloneable). */
  input?: unknown;
}

/** Page → worker: run this module once. */
export interface RunMessage {
  type: 'run';
  id: string;
  /** The learner's code, already transpiled to a JavaScript ES module. */
  code: string;
  /** The source map of `code` as JSON text, when the transpiler wrote it separately. */
  sourceMap?: string;
  context: RunContext;
  /** Hosts `fetch` may reach (the mocked tenant's domain); every other request is refused. */
  allowedHosts: string[];
}

/** The console methods the output panel shows. */
export type LogLevel = 'log' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['log', 'info', 'warn', 'error'];

/** A header as recorded; `secret` marks credentials the UI should mask (Basic or Bearer). */
export interface RecordedHeader {
  name: string;
  value: string;
  secret: boolean;
}

/** Where a secret (a client secret, a token) sits inside a recorded body's text. */
export interface SecretSpan {
  start: number;
  end: number;
  field: string;
}

/** A request or response body as text, cut to a size cap. */
export interface RecordedBody {
  text: string;
  /** The body's full size in UTF-16 code units before it was cut. */
  size: number;
  truncated: boolean;
  secrets: SecretSpan[];
}

/** One request the learner's code made, allowed or refused. */
export interface RecordedRequest {
  method: string;
  url: string;
  /** The HTTP status, or 0 when no response came back (refused or failed). */
  status: number;
  durationMs: number;
  requestHeaders: RecordedHeader[];
  requestBody: RecordedBody | null;
  responseHeaders: RecordedHeader[];
  responseBody: RecordedBody | null;
  /** Why there is no response: the guard refused the host, or the fetch itself failed. */
  error?: string;
}

/** Worker → page messages. */
export type WorkerMessage =
  /** The sandbox is installed; the learner's module is about to load. */
  | { type: 'ready'; id: string }
  | { type: 'log'; id: string; level: LogLevel; values: SerializedValue[] }
  | { type: 'request'; id: string; request: RecordedRequest }
  /**
   * The awaited `export default` of the learner's module: `value` for display, `json` (its
   * JSON text, when it has one and is not huge) for exercise checks.
   */
  | { type: 'result'; id: string; value: SerializedValue; json?: string }
  /** `line`/`column` (1-based) point into the learner's source when they could be worked out. */
  | { type: 'error'; id: string; name: string; message: string; line?: number; column?: number; stack?: string }
  | { type: 'done'; id: string };

type Checks = Record<string, (value: unknown) => boolean>;

const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const optional = (check: (value: unknown) => boolean) => (value: unknown) => value === undefined || check(value);
const isId = (value: unknown) => isString(value) && value.length > 0 && value.length <= 200;
const isHeaders = (value: unknown) =>
  Array.isArray(value) && value.every((h) => hasShape(h, { name: isString, value: isString, secret: (s) => typeof s === 'boolean' }));
const isSpan = (value: unknown) => hasShape(value, { start: isCount, end: isCount, field: isString });
const isBody = (value: unknown) =>
  value === null ||
  hasShape(value, { text: isString, size: isCount, truncated: (t) => typeof t === 'boolean', secrets: (s) => Array.isArray(s) && s.every(isSpan) });

const CHECKS: Record<WorkerMessage['type'], Checks> = {
  ready: {},
  done: {},
  log: {
    level: (level) => LOG_LEVELS.includes(level as LogLevel),
    values: (values) => Array.isArray(values) && values.length <= 100 && values.every((v) => isSerializedValue(v)),
  },
  request: {
    request: (request) => hasShape(request, {
      method: isString, url: isString, status: isCount, durationMs: isCount, requestHeaders: isHeaders,
      requestBody: isBody, responseHeaders: isHeaders, responseBody: isBody, error: optional(isString),
    }),
  },
  result: { value: (value) => isSerializedValue(value), json: optional(isString) },
  error: {
    name: isString, message: isString, line: optional(isCount), column: optional(isCount), stack: optional(isString),
  },
};

/**
 * Validates data that arrived from a worker. Returns the typed message, or `null` for anything
 * that is not exactly one of the {@link WorkerMessage} shapes: the page renders only what passes,
 * and cuts it to size first (`clampWorkerMessage`).
 */
export function parseWorkerMessage(data: unknown): WorkerMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const type = (data as { type?: unknown }).type;
  if (!isString(type) || !Object.hasOwn(CHECKS, type)) return null;
  const checks = CHECKS[type as WorkerMessage['type']];
  return hasShape(data, { ...checks, type: isString, id: isId }) ? (data as WorkerMessage) : null;
}

/** Validates a `run` message on the worker side. */
export function parseRunMessage(data: unknown): RunMessage | null {
  const isContext = (value: unknown) =>
    hasShape(value, {
      domain: isString, clientId: isString, clientSecret: isString, audience: isString,
      clockOffsetMs: optional((offset) => typeof offset === 'number' && Number.isFinite(offset)),
    });
  const valid = hasShape(data, {
    type: (type) => type === 'run', id: isId, code: isString, sourceMap: optional(isString), context: isContext,
    allowedHosts: (hosts) => Array.isArray(hosts) && hosts.every(isString),
  });
  return valid ? (data as RunMessage) : null;
}

function hasShape(data: unknown, checks: Checks): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  return Object.entries(checks).every(([key, check]) => check((data as Record<string, unknown>)[key]));
}
