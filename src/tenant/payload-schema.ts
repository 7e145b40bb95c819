/**
 * A tiny JSON-shape checker, enough for Management API payloads and saved tenant state. Its
 * problem texts mimic the ones Auth0's API returns (`Missing required property: name`,
 * `Array items are not unique (indexes 1 and 2)`), so a learner sees familiar errors.
 */
export type Shape = (
  | { readonly type: 'any' }
  | { readonly type: 'string'; readonly minLength?: number; readonly maxLength?: number; readonly enum?: readonly string[]; readonly pattern?: string }
  | { readonly type: 'integer' | 'number'; readonly min?: number; readonly max?: number }
  | { readonly type: 'boolean' }
  | { readonly type: 'array'; readonly items: Shape; readonly maxItems?: number; readonly unique?: boolean }
  | { readonly type: 'object'; readonly properties: Readonly<Record<string, Shape>>; readonly required?: readonly string[]; readonly additional?: Shape; readonly maxProperties?: number; readonly keyPattern?: RegExp }
  // A value that fits any one of the options (node-auth0's `string | string[]` unions).
  | { readonly type: 'oneOf'; readonly options: readonly Shape[] }
) & {
  /** `null` is accepted too (the SDK types' `| null`: PATCH clears the field with it). */
  readonly nullable?: boolean;
};

/** What is wrong with a value, and where. */
export interface ShapeProblem {
  /** Auth0-style description, e.g. `Expected type string but found type integer`. */
  readonly detail: string;
  /** Dotted path of the offending property (`grant_types`, `applications.2.name`), or `''` for the root. */
  readonly property: string;
}

/** The JSON type name of a value, as JSON-schema validators report it. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Returns the first problem of `value` against `shape`, or `undefined` when it fits. */
export function checkShape(value: unknown, shape: Shape, property = ''): ShapeProblem | undefined {
  const problem = (detail: string): ShapeProblem => ({ detail, property });
  if (shape.type === 'any') return undefined;
  if (value === null && shape.nullable === true) return undefined;
  const found = jsonTypeOf(value);
  if (shape.type === 'oneOf') {
    if (shape.options.some((option) => checkShape(value, option, property) === undefined)) return undefined;
    return problem(`Data does not match any schemas from "oneOf"`);
  }
  const typeFits = shape.type === found || (shape.type === 'number' && found === 'integer');
  // JSON-schema validators list every accepted type, comma-separated: `string,null`.
  if (!typeFits) return problem(`Expected type ${shape.type}${shape.nullable === true ? ',null' : ''} but found type ${found}`);
  switch (shape.type) {
    case 'string': {
      const text = value as string;
      if (shape.enum !== undefined && !shape.enum.includes(text)) return problem(`No enum match for: ${JSON.stringify(text).slice(0, 200)}`);
      if (shape.minLength !== undefined && text.length < shape.minLength) return problem(`String is too short (${text.length} chars), minimum ${shape.minLength}`);
      if (shape.maxLength !== undefined && text.length > shape.maxLength) return problem(`String is too long (${text.length} chars), maximum ${shape.maxLength}`);
      if (shape.pattern !== undefined && !new RegExp(shape.pattern, 'u').test(text)) return problem(`String does not match pattern ${shape.pattern}: ${text.slice(0, 200)}`);
      return undefined;
    }
    case 'integer':
    case 'number': {
      const number = value as number;
      if (!Number.isFinite(number)) return problem(`Expected a finite number`);
      if (shape.min !== undefined && number < shape.min) return problem(`Value ${number} is less than minimum ${shape.min}`);
      if (shape.max !== undefined && number > shape.max) return problem(`Value ${number} is greater than maximum ${shape.max}`);
      return undefined;
    }
    case 'boolean':
      return undefined;
    case 'array':
      return checkArray(value as unknown[], shape, property);
    case 'object':
      return checkObject(value as Record<string, unknown>, shape, property);
  }
}

function checkArray(items: unknown[], shape: Extract<Shape, { type: 'array' }>, property: string): ShapeProblem | undefined {
  if (shape.maxItems !== undefined && items.length > shape.maxItems) {
    return { detail: `Array is too long (${items.length}), maximum ${shape.maxItems}`, property };
  }
  for (const [index, item] of items.entries()) {
    const inner = checkShape(item, shape.items, join(property, String(index)));
    if (inner !== undefined) return inner;
  }
  if (shape.unique === true) {
    const seen = new Map<string, number>();
    for (const [index, item] of items.entries()) {
      const key = JSON.stringify(item);
      const first = seen.get(key);
      if (first !== undefined) return { detail: `Array items are not unique (indexes ${first} and ${index})`, property };
      seen.set(key, index);
    }
  }
  return undefined;
}

function checkObject(object: Record<string, unknown>, shape: Extract<Shape, { type: 'object' }>, property: string): ShapeProblem | undefined {
  for (const name of shape.required ?? []) {
    if (!Object.hasOwn(object, name)) return { detail: `Missing required property: ${name}`, property };
  }
  const count = Object.keys(object).length;
  if (shape.maxProperties !== undefined && count > shape.maxProperties) {
    return { detail: `Too many properties defined (${count}), maximum ${shape.maxProperties}`, property };
  }
  const shapes = Object.keys(object).map((name) => [name, innerShape(shape, name)] as const);
  // Auth0's validator names every property it does not know at once, comma-separated.
  const unknown = shapes.filter(([, inner]) => inner === undefined).map(([name]) => name.slice(0, 100));
  if (unknown.length > 0) return { detail: `Additional properties not allowed: ${unknown.slice(0, 20).join(',')}`, property };
  for (const [name, inner] of shapes) {
    const nested = checkShape(object[name], inner!, join(property, name));
    if (nested !== undefined) return nested;
  }
  return undefined;
}

function innerShape(shape: Extract<Shape, { type: 'object' }>, name: string): Shape | undefined {
  if (Object.hasOwn(shape.properties, name)) return shape.properties[name];
  // Like JSON schema's patternProperties with additionalProperties false: a free key must fit the pattern.
  return shape.keyPattern === undefined || shape.keyPattern.test(name) ? shape.additional : undefined;
}

function join(parent: string, child: string): string {
  return parent === '' ? child : `${parent}.${child}`;
}
