/**
 * The built-ins the runtime uses on the learner's behalf, taken when the run worker's bundle is
 * evaluated, before any learner code exists. Learner code shares the worker's realm and may
 * replace `URL`, `Request`, `Headers`, a prototype's getter or `Array.prototype.map`; the guarded
 * fetch reads a URL, a method or a header only through these copies, so what it checks is what
 * it sends. (The page checks the request again in its own realm: this is for an exact record and
 * an exact message, not the only line of defence.)
 *
 * @module
 */

const { apply, getOwnPropertyDescriptor } = Reflect;

function getter<T, R>(prototype: object, name: string): (target: T) => R {
  const get = getOwnPropertyDescriptor(prototype, name)?.get;
  if (typeof get !== 'function') throw new Error(`[playground] ${name} has no getter here; the runtime cannot start.`);
  return (target) => apply(get, target, []) as R;
}

function method<T, A extends unknown[], R>(prototype: object, name: string): (target: T, ...args: A) => R {
  const fn = (prototype as Record<string, unknown>)[name];
  if (typeof fn !== 'function') throw new Error(`[playground] ${name} is missing here; the runtime cannot start.`);
  return (target, ...args) => apply(fn, target, args) as R;
}

const decoder = new TextDecoder();
const decode = method<TextDecoder, [ArrayBuffer], string>(TextDecoder.prototype, 'decode');

/** The captured built-ins. Call them as functions: `intrinsics.urlHref(url)`, never `url.href`. */
export const intrinsics = Object.freeze({
  String,
  URL,
  Request,
  Headers,
  Response,
  ArrayBuffer,
  TypeError,
  DOMException,
  isArray: Array.isArray,
  defineProperty: Object.defineProperty,
  urlHref: getter<URL, string>(URL.prototype, 'href'),
  urlProtocol: getter<URL, string>(URL.prototype, 'protocol'),
  urlHost: getter<URL, string>(URL.prototype, 'host'),
  urlHostname: getter<URL, string>(URL.prototype, 'hostname'),
  requestUrl: getter<Request, string>(Request.prototype, 'url'),
  requestMethod: getter<Request, string>(Request.prototype, 'method'),
  requestHeaders: getter<Request, Headers>(Request.prototype, 'headers'),
  requestArrayBuffer: method<Request, [], Promise<ArrayBuffer>>(Request.prototype, 'arrayBuffer'),
  responseArrayBuffer: method<Response, [], Promise<ArrayBuffer>>(Response.prototype, 'arrayBuffer'),
  responseStatus: getter<Response, number>(Response.prototype, 'status'),
  responseHeaders: getter<Response, Headers>(Response.prototype, 'headers'),
  headersForEach: method<Headers, [(value: string, name: string) => void], void>(Headers.prototype, 'forEach'),
  abortSignalAborted: getter<AbortSignal, boolean>(AbortSignal.prototype, 'aborted'),
  abortSignalReason: getter<AbortSignal, unknown>(AbortSignal.prototype, 'reason'),
  addEventListener: method<EventTarget, [string, (event: Event) => void, AddEventListenerOptions?], void>(EventTarget.prototype, 'addEventListener'),
  stringSlice: method<string, [number, number?], string>(String.prototype, 'slice'),
  toLowerCase: method<string, [], string>(String.prototype, 'toLowerCase'),
  toUpperCase: method<string, [], string>(String.prototype, 'toUpperCase'),
  portPost: method<MessagePort, [unknown, Transferable[]], void>(MessagePort.prototype, 'postMessage'),
  push: method<unknown[], unknown[], number>(Array.prototype, 'push'),
  textDecode: (bytes: ArrayBuffer): string => decode(decoder, bytes),
});

/** True when `value` is a real instance whose brand `read` checks (the captured getter throws otherwise). */
export function hasBrand(value: unknown, read: (target: never) => unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  try {
    read(value as never);
    return true;
  } catch {
    return false;
  }
}
