/**
 * Closes the doors of a worker scope that learner code must not use: other ways to reach the
 * network than the guarded `fetch`, and `postMessage`, which only the runtime may use to talk to
 * the page. The runtime keeps a private copy of `postMessage` before the door shuts.
 *
 * Code compiled from a string (`eval`, `new Function`, `setTimeout('…')`) is blocked too: inside
 * it, `import('https://…')` would escape the import rewrite. A Content-Security-Policy on the
 * worker is the stronger lock; this one works even where the host sets no headers.
 *
 * @module
 */

const NETWORK = 'Nothing leaves your browser here: use fetch, which reaches the mocked tenant.';
const STORAGE = 'Nothing is kept between runs: keep values in variables, or export default what you want to see.';

/** Globals replaced by a function that throws this message when called or constructed. */
export const BLOCKED_GLOBALS: Readonly<Record<string, string>> = {
  importScripts: "[playground] importScripts is not available here. The only library is jose: import { decodeJwt } from 'jose'.",
  require: "[playground] require is not available in an ES module. Use import { … } from 'jose'.",
  postMessage: '[playground] postMessage is reserved for the playground itself. Show values with console.log or export default.',
  close: '[playground] close() is not available: the run ends by itself when your module has finished.',
  XMLHttpRequest: `[playground] XMLHttpRequest is not available. ${NETWORK}`,
  WebSocket: `[playground] WebSocket is not available. ${NETWORK}`,
  WebSocketStream: `[playground] WebSocketStream is not available. ${NETWORK}`,
  EventSource: `[playground] EventSource is not available. ${NETWORK}`,
  WebTransport: `[playground] WebTransport is not available. ${NETWORK}`,
  FontFace: `[playground] FontFace is not available. ${NETWORK}`,
  webkitRequestFileSystem: `[playground] webkitRequestFileSystem (the old FileSystem API) is not available. ${STORAGE}`,
  webkitRequestFileSystemSync: `[playground] webkitRequestFileSystemSync (the old FileSystem API) is not available. ${STORAGE}`,
  webkitResolveLocalFileSystemURL: `[playground] webkitResolveLocalFileSystemURL (the old FileSystem API) is not available. ${STORAGE}`,
  webkitResolveLocalFileSystemSyncURL: `[playground] webkitResolveLocalFileSystemSyncURL (the old FileSystem API) is not available. ${STORAGE}`,
  BroadcastChannel: `[playground] BroadcastChannel is not available: a run talks to nothing but the mocked tenant. ${STORAGE}`,
  Notification: '[playground] Notifications are not available in a playground; use console.log.',
  Worker: '[playground] Starting another worker is not available in a playground.',
  SharedWorker: '[playground] Starting another worker is not available in a playground.',
};

// Properties that would give back a network path without being called: set to undefined.
const REMOVED_PROPERTIES = ['caches', 'fonts'];

// Storage that outlives a run, on the scope and on `navigator`: IndexedDB, the origin-private
// file system and storage buckets (`navigator.storage`, `navigator.storageBuckets`), and
// origin-wide locks another tab's run could see. Each run must start empty: a second run that
// could read what the first stored would carry a reader's tokens from one snippet into the next.
// Each becomes an object that answers any use with a sentence, not `undefined`, so
// `indexedDB.open(…)` says why instead of "cannot read properties of undefined".
export const STORAGE_PROPERTIES: readonly string[] = ['indexedDB'];
export const STORAGE_NAVIGATOR_PROPERTIES: readonly string[] = ['storage', 'storageBuckets', 'locks'];

/** The runtime's private channel to the page, taken before learner code can touch the scope. */
export type PostToPage = (message: unknown) => void;

/**
 * Locks a worker scope down and returns the original `postMessage`, bound to it. Blocked names
 * are also deleted from the prototype chain, so `DedicatedWorkerGlobalScope.prototype.postMessage
 * .call(self, …)` fails too.
 */
export function lockDownWorkerScope(scope: object): PostToPage {
  const original = (scope as { postMessage?: unknown }).postMessage;
  if (typeof original !== 'function') throw new Error('[playground] This scope has no postMessage; is it a worker?');
  const post = original.bind(scope) as PostToPage;

  for (const [name, message] of Object.entries(BLOCKED_GLOBALS)) {
    const blocked = function blockedGlobal(): never {
      throw new Error(message);
    };
    Object.defineProperty(blocked, 'name', { value: name });
    defineLockedGlobal(scope, name, blocked);
  }
  for (const name of REMOVED_PROPERTIES) replaceProperty(scope, name, undefined);
  for (const name of STORAGE_PROPERTIES) replaceProperty(scope, name, refusingObject(`[playground] ${name} is not available. ${STORAGE}`));
  const navigator = (scope as { navigator?: unknown }).navigator;
  if (typeof navigator === 'object' && navigator !== null) {
    for (const name of STORAGE_NAVIGATOR_PROPERTIES) replaceProperty(navigator, name, refusingObject(`[playground] navigator.${name} is not available. ${STORAGE}`));
  }
  return post;
}

/**
 * Defines a global the learner cannot replace or delete, with any copy on the prototype chain
 * removed: `WorkerGlobalScope.prototype.fetch.call(self, …)` would otherwise skip the guard.
 */
export function defineLockedGlobal(scope: object, name: string, value: unknown): void {
  removeFromPrototypes(scope, name);
  Object.defineProperty(scope, name, { value, writable: false, configurable: false, enumerable: false });
}

/** A constructor that compiles code from strings, such as `Function`. */
export interface CodeConstructor {
  name: string;
  prototype: object;
}

/** Function, AsyncFunction, GeneratorFunction and AsyncGeneratorFunction of the current realm. */
export function functionConstructors(): CodeConstructor[] {
  return [function () {}, async function () {}, function* () {}, async function* () {}].map((fn) => fn.constructor as CodeConstructor);
}

/**
 * Stops code from being compiled from strings: `eval`, the four function constructors (reached
 * through `Function` or any function's `.constructor`) and string handlers of `setTimeout` and
 * `setInterval` all throw. `instanceof Function` keeps working.
 */
export function blockCodeFromStrings(scope: object, constructors: readonly CodeConstructor[] = functionConstructors()): void {
  const message = '[playground] Running code from a string (eval, new Function, setTimeout with a string) is not available here; write the code directly.';
  const blocker = (name: string) => {
    const blocked = function blockedCompiler(): never {
      throw new Error(message);
    };
    Object.defineProperty(blocked, 'name', { value: name });
    return blocked;
  };
  for (const constructor of constructors) {
    const blocked = blocker(constructor.name);
    blocked.prototype = constructor.prototype;
    Object.defineProperty(constructor.prototype, 'constructor', { value: blocked, writable: false, configurable: false });
    if (constructor.name === 'Function') defineLockedGlobal(scope, 'Function', blocked);
  }
  defineLockedGlobal(scope, 'eval', blocker('eval'));
  // A blob: URL of a string of code is one import() away from running it; the runtime keeps
  // its own copy of createObjectURL for the learner's module and jose.
  const url = (scope as { URL?: { createObjectURL?: unknown } }).URL;
  if (url && typeof url.createObjectURL === 'function') {
    Object.defineProperty(url, 'createObjectURL', { value: blocker('createObjectURL'), writable: false, configurable: false });
  }
  for (const name of ['setTimeout', 'setInterval'] as const) {
    const timer = (scope as Record<string, unknown>)[name];
    if (typeof timer !== 'function') continue;
    defineLockedGlobal(scope, name, function guardedTimer(handler: unknown, ...rest: unknown[]) {
      if (typeof handler !== 'function') throw new Error(message);
      return timer.call(scope, handler, ...rest);
    });
  }
}

function replaceProperty(target: object, name: string, value: unknown): void {
  if (!(name in target)) return;
  removeFromPrototypes(target, name);
  Object.defineProperty(target, name, { value, writable: false, configurable: false });
}

/** An object that throws `message` on any use: reading, writing or listing a property. */
function refusingObject(message: string): object {
  const refuse = (): never => {
    throw new Error(message);
  };
  return new Proxy(Object.freeze(Object.create(null)), { get: refuse, set: refuse, has: refuse, ownKeys: refuse, getOwnPropertyDescriptor: refuse, defineProperty: refuse, deleteProperty: refuse, getPrototypeOf: () => null });
}

function removeFromPrototypes(scope: object, name: string): void {
  for (let prototype = Object.getPrototypeOf(scope); prototype && prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype)) {
    if (Object.hasOwn(prototype, name)) Reflect.deleteProperty(prototype, name);
  }
}
