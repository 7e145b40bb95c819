/**
 * The modules learner code may import, and how they reach a module loaded from a blob URL: such
 * a module cannot resolve bare names like 'jose', so the worker publishes its own bundled copy
 * on the global object and serves a tiny "shim" module that re-exports it.
 *
 * @module
 */

/** What `import … from '…'` accepts in a playground; the refusal message lists these. */
export const AVAILABLE_IMPORTS = ['jose'] as const;

/** A module learner code may import. */
export type AvailableImport = (typeof AVAILABLE_IMPORTS)[number];

/** Where the worker publishes a module's namespace for its shim to pick up. */
export function moduleGlobalKey(name: AvailableImport): symbol {
  return Symbol.for(`token-lab.module.${name}`);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Source of an ES module that re-exports, under the same names, a namespace the worker put on
 * the global object. There is deliberately no default export: jose has none, and code that
 * works here should work unchanged in Node.
 */
export function shimModuleSource(name: AvailableImport, exportNames: readonly string[]): string {
  const names = exportNames.filter((exportName) => IDENTIFIER.test(exportName) && exportName !== 'default');
  const key = JSON.stringify(moduleGlobalKey(name).description);
  return [
    `const namespace = globalThis[Symbol.for(${key})];`,
    `if (!namespace) throw new Error(${JSON.stringify(`[playground] The ${name} module is not loaded in this worker.`)});`,
    `export const { ${names.join(', ')} } = namespace;`,
    '',
  ].join('\n');
}

/**
 * Publishes a module namespace for its shim and returns the shim's source. The property is
 * non-enumerable so it does not show when the learner inspects `globalThis`.
 */
export function publishModule(scope: object, name: AvailableImport, namespace: object): string {
  Object.defineProperty(scope, moduleGlobalKey(name), { value: namespace, configurable: false, enumerable: false, writable: false });
  return shimModuleSource(name, Object.keys(namespace));
}
