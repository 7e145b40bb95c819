import { describe, expect, it } from 'vitest';
import * as jose from 'jose';
import { AVAILABLE_IMPORTS, moduleGlobalKey, publishModule, shimModuleSource } from './learner-modules.ts';

describe('learner modules', () => {
  it('offers jose and nothing else', () => {
    expect(AVAILABLE_IMPORTS).toEqual(['jose']);
  });

  it('builds a shim that re-exports every name of the published namespace', async () => {
    const scope = {};
    const source = publishModule(scope, 'jose', jose);
    expect(Object.keys(scope)).toEqual([]); // published, but not enumerable
    (globalThis as Record<symbol, unknown>)[moduleGlobalKey('jose')] = jose;
    try {
      const shim = await import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(source)}`);
      expect(Object.keys(shim).sort()).toEqual(Object.keys(jose).sort());
      expect(shim.decodeJwt).toBe(jose.decodeJwt);
      expect(shim.default).toBeUndefined();
    } finally {
      delete (globalThis as Record<symbol, unknown>)[moduleGlobalKey('jose')];
    }
  });

  it('leaves out names that are not identifiers, so the shim always parses', () => {
    const source = shimModuleSource('jose', ['ok', 'not-ok', 'default', '1x']);
    expect(source).toContain('export const { ok } = namespace;');
  });

  it('fails with a clear message when the namespace was never published', async () => {
    const source = shimModuleSource('jose', ['a']);
    await expect(import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(source)}`)).rejects.toThrow('[playground] The jose module is not loaded in this worker.');
  });
});
