import type { SerializedEntry, SerializedValue } from './serialized-value.ts';
import { looksLikeJwt } from './decode-jwt.ts';

/** Caps that keep one logged value from flooding the page or the message channel. */
export interface SerializeLimits {
  /** Nesting levels printed before a container becomes `{kind: 'cut', reason: 'depth'}`. */
  maxDepth: number;
  /** Entries printed per object, array, Map or Set; the total is still reported. */
  maxEntries: number;
  /** Characters kept of a long string. */
  maxStringLength: number;
  /** Nodes in the whole tree; past it every further value is `{kind: 'cut', reason: 'size'}`. */
  maxNodes: number;
}

/** Defaults sized for a console panel: deep enough for a token response, small enough to clone fast. */
export const DEFAULT_SERIALIZE_LIMITS: SerializeLimits = {
  maxDepth: 6,
  maxEntries: 100,
  maxStringLength: 10_000,
  maxNodes: 2_000,
};

// Web classes whose useful data sits in prototype getters, so an own-keys walk would print `{}`.
const GETTERS_OF: ReadonlyArray<[name: string, keys: readonly string[]]> = [
  ['Response', ['status', 'statusText', 'ok', 'url', 'headers']],
  ['Request', ['method', 'url', 'headers']],
  ['URL', ['href']],
];
const ENTRY_LISTS = ['Headers', 'URLSearchParams', 'FormData'];

/**
 * Describes any value the learner logs or returns as plain, bounded data. Never throws: whatever
 * a getter or Proxy throws is captured as `{kind: 'unreadable'}` at that spot.
 */
export function serializeValue(value: unknown, limits: Partial<SerializeLimits> = {}): SerializedValue {
  const caps = { ...DEFAULT_SERIALIZE_LIMITS, ...limits };
  const ancestors = new Set<object>();
  let nodes = 0;

  const describe = (input: unknown, depth: number): SerializedValue => {
    if (++nodes > caps.maxNodes) return { kind: 'cut', reason: 'size' };
    try {
      return describeUnsafe(input, depth);
    } catch (error) {
      return { kind: 'unreadable', message: messageOf(error) };
    }
  };

  const describeUnsafe = (input: unknown, depth: number): SerializedValue => {
    switch (typeof input) {
      case 'undefined': return { kind: 'undefined' };
      case 'boolean': return { kind: 'boolean', value: input };
      case 'number': return { kind: 'number', value: input };
      case 'bigint': return { kind: 'bigint', value: input.toString() };
      case 'symbol': return { kind: 'symbol', description: input.description ?? '' };
      case 'string': return describeString(input, caps.maxStringLength);
      case 'function': return { kind: 'function', name: input.name, flavour: flavourOf(input as () => unknown) };
    }
    if (input === null) return { kind: 'null' };
    const object = input as object;
    if (object instanceof Date) {
      return { kind: 'date', iso: Number.isNaN(object.getTime()) ? null : object.toISOString() };
    }
    if (object instanceof RegExp) return { kind: 'regexp', source: object.source, flags: object.flags };
    if (object instanceof Promise) return { kind: 'promise' };
    if (ancestors.has(object)) return { kind: 'circular' };
    if (depth >= caps.maxDepth) return { kind: 'cut', reason: 'depth' };
    ancestors.add(object);
    try {
      return describeContainer(object, depth + 1);
    } finally {
      ancestors.delete(object);
    }
  };

  const describeContainer = (object: object, depth: number): SerializedValue => {
    const name = constructorName(object);
    if (object instanceof Error) {
      const entries = ownEntries(object, depth).filter((entry) => entry.key !== 'stack' && entry.key !== 'message');
      if ('cause' in object && !entries.some((entry) => entry.key === 'cause')) {
        entries.push({ key: 'cause', value: describe(object.cause, depth) });
      }
      const stack = typeof object.stack === 'string' ? object.stack : undefined;
      return { kind: 'error', name: String(object.name), message: String(object.message), entries, ...(stack ? { stack } : {}) };
    }
    if (Array.isArray(object) || ArrayBuffer.isView(object)) {
      const list = object as ArrayLike<unknown>;
      const items = Array.from({ length: Math.min(list.length, caps.maxEntries) }, (_, i) => describe(list[i], depth));
      return { kind: 'array', name: name ?? 'Array', items, length: list.length };
    }
    if (object instanceof Map) {
      const entries = [...object].slice(0, caps.maxEntries).map(([key, value]) => ({ key: describe(key, depth), value: describe(value, depth) }));
      return { kind: 'map', name: 'Map', entries, size: object.size };
    }
    if (object instanceof Set) {
      return { kind: 'set', items: [...object].slice(0, caps.maxEntries).map((item) => describe(item, depth)), size: object.size };
    }
    if (name && ENTRY_LISTS.includes(name) && isInstance(object, name)) {
      const pairs = [...(object as Iterable<[string, unknown]>)];
      const entries = pairs.slice(0, caps.maxEntries).map(([key, value]) => ({ key: describe(key, depth), value: describe(value, depth) }));
      return { kind: 'map', name, entries, size: pairs.length };
    }
    const getters = GETTERS_OF.find(([className]) => name === className && isInstance(object, className));
    if (getters) {
      const entries = getters[1].map((key) => ({ key, value: describe((object as Record<string, unknown>)[key], depth) }));
      return { kind: 'object', name, entries, total: entries.length };
    }
    const entries = ownEntries(object, depth);
    return { kind: 'object', name, entries: entries.slice(0, caps.maxEntries), total: entries.length };
  };

  // Own enumerable properties, getters included: a getter that throws becomes `unreadable`.
  const ownEntries = (object: object, depth: number): SerializedEntry[] => {
    const entries: SerializedEntry[] = [];
    for (const key of Reflect.ownKeys(object)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(object, key);
      if (!descriptor?.enumerable) continue;
      const label = typeof key === 'symbol' ? `[${key.toString()}]` : key;
      if (entries.length >= caps.maxEntries) {
        entries.push({ key: label, value: { kind: 'cut', reason: 'size' } });
        continue;
      }
      if ('value' in descriptor) {
        entries.push({ key: label, value: describe(descriptor.value, depth) });
        continue;
      }
      let read: SerializedValue;
      try {
        read = describe(descriptor.get?.call(object), depth);
      } catch (error) {
        read = { kind: 'unreadable', message: messageOf(error) };
      }
      entries.push({ key: label, value: read, getter: true });
    }
    return entries;
  };

  return describe(value, 0);
}

function describeString(text: string, maxLength: number): SerializedValue {
  if (looksLikeJwt(text)) return { kind: 'jwt', raw: text };
  return text.length > maxLength ? { kind: 'string', value: text.slice(0, maxLength), length: text.length } : { kind: 'string', value: text };
}

function flavourOf(fn: (...args: never[]) => unknown): 'function' | 'async' | 'class' | 'generator' {
  const constructor = Object.getPrototypeOf(fn)?.constructor?.name;
  if (constructor === 'AsyncFunction') return 'async';
  if (constructor === 'GeneratorFunction' || constructor === 'AsyncGeneratorFunction') return 'generator';
  return /^class[\s{]/.test(Function.prototype.toString.call(fn)) ? 'class' : 'function';
}

function constructorName(object: object): string | null {
  const prototype = Object.getPrototypeOf(object);
  if (prototype === null) return null;
  const name = prototype.constructor?.name;
  return typeof name === 'string' && name !== '' ? name : 'Object';
}

function isInstance(object: object, className: string): boolean {
  const constructor = (globalThis as Record<string, unknown>)[className];
  return typeof constructor === 'function' && object instanceof constructor;
}

function messageOf(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'an unprintable value';
  }
}
