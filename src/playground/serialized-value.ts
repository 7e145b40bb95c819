/**
 * The shape of a value after {@link serializeValue}: plain data that survives `postMessage`
 * and that the output panel can pretty-print and expand without touching learner objects.
 */

/** A key/value row of an object, Map or the own properties of an Error. */
export interface SerializedEntry {
  key: string;
  value: SerializedValue;
  /** The value came from calling a getter (the UI may show it dimmed). */
  getter?: boolean;
}

/** A key/value row of a Map, whose keys can be any value. */
export interface SerializedMapEntry {
  key: SerializedValue;
  value: SerializedValue;
}

/** A bounded, structured-clone-safe description of any JavaScript value. */
export type SerializedValue =
  | { kind: 'undefined' }
  | { kind: 'null' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'bigint'; value: string }
  /** `length` is the original length when the text was cut. */
  | { kind: 'string'; value: string; length?: number }
  /** A string that looks like a JSON Web Token: the UI renders it as a token chip. */
  | { kind: 'jwt'; raw: string }
  | { kind: 'symbol'; description: string }
  | { kind: 'function'; name: string; flavour: 'function' | 'async' | 'class' | 'generator' }
  | { kind: 'date'; iso: string | null }
  | { kind: 'regexp'; source: string; flags: string }
  | { kind: 'error'; name: string; message: string; stack?: string; entries: SerializedEntry[] }
  /** `length` above `items.length` means the rest was cut. */
  | { kind: 'array'; name: string; items: SerializedValue[]; length: number }
  | { kind: 'object'; name: string | null; entries: SerializedEntry[]; total: number }
  | { kind: 'map'; name: string; entries: SerializedMapEntry[]; size: number }
  | { kind: 'set'; items: SerializedValue[]; size: number }
  | { kind: 'promise' }
  /** A reference back to an object that is already being printed further up. */
  | { kind: 'circular' }
  /** Reading the value threw (a getter or a hostile Proxy); `message` says what it threw. */
  | { kind: 'unreadable'; message: string }
  /** Not printed: the tree was already too deep or too big. */
  | { kind: 'cut'; reason: 'depth' | 'size' };

/** Every `kind` a {@link SerializedValue} can have, for validators and exhaustive UIs. */
export const SERIALIZED_KINDS: ReadonlySet<SerializedValue['kind']> = new Set([
  'undefined', 'null', 'boolean', 'number', 'bigint', 'string', 'jwt', 'symbol', 'function',
  'date', 'regexp', 'error', 'array', 'object', 'map', 'set', 'promise', 'circular', 'unreadable',
  'cut',
]);

// Deeper than serializeValue ever produces, shallow enough that a forged tree cannot blow the stack.
const MAX_CHECKED_DEPTH = 32;

/**
 * Checks that untrusted data (a message from the worker) has the shape of a {@link SerializedValue},
 * so the output panel can render it without further checks.
 */
export function isSerializedValue(data: unknown, depth = 0): data is SerializedValue {
  if (depth > MAX_CHECKED_DEPTH || typeof data !== 'object' || data === null) return false;
  const node = data as Record<string, unknown>;
  if (!SERIALIZED_KINDS.has(node.kind as SerializedValue['kind'])) return false;
  const child = (value: unknown) => isSerializedValue(value, depth + 1);
  const entries = (list: unknown, key: (k: unknown) => boolean) =>
    Array.isArray(list) && list.every((entry) => typeof entry === 'object' && entry !== null && key(entry.key) && child(entry.value));
  switch (node.kind) {
    case 'boolean': return typeof node.value === 'boolean';
    case 'number': return typeof node.value === 'number';
    case 'bigint': case 'string': return typeof node.value === 'string';
    case 'jwt': return typeof node.raw === 'string';
    case 'symbol': return typeof node.description === 'string';
    case 'function': return typeof node.name === 'string' && typeof node.flavour === 'string';
    case 'date': return node.iso === null || typeof node.iso === 'string';
    case 'regexp': return typeof node.source === 'string' && typeof node.flags === 'string';
    case 'unreadable': return typeof node.message === 'string';
    case 'cut': return node.reason === 'depth' || node.reason === 'size';
    case 'error':
      return typeof node.name === 'string' && typeof node.message === 'string' && entries(node.entries, isString);
    case 'array': return typeof node.length === 'number' && Array.isArray(node.items) && node.items.every(child);
    case 'set': return typeof node.size === 'number' && Array.isArray(node.items) && node.items.every(child);
    case 'object': return typeof node.total === 'number' && entries(node.entries, isString);
    case 'map': return typeof node.size === 'number' && entries(node.entries, child);
    default: return true;
  }
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
