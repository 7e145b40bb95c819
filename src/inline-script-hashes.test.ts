import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, inlineScriptHashesIn } from './inline-script-hashes.ts';

// The example from MDN's CSP guide: the hash a browser expects for <script>alert('Hello, world.');</script>.
const HELLO = "alert('Hello, world.');";
const HELLO_HASH = 'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=';

describe('inline script hashes', () => {
  it('hashes the exact text of an is:inline script, as a browser does', () => {
    expect(inlineScriptHashes(`<script is:inline>${HELLO}</script>`)).toEqual([HELLO_HASH]);
  });

  it('keeps white space and reads attributes on either side of is:inline', () => {
    const source = `<script is:inline aria-hidden="true">\n\t${HELLO}\n</script>\n<script data-x is:inline>${HELLO}</script>`;
    const [first, second] = inlineScriptHashes(source);
    expect(first).not.toBe(HELLO_HASH);
    expect(second).toBe(HELLO_HASH);
  });

  it('leaves out scripts Astro bundles and hashes itself', () => {
    expect(inlineScriptHashes(`<script>${HELLO}</script><script src="/x.js"></script>`)).toEqual([]);
  });

  it('collects the hashes of every .astro file in a folder, each once', () => {
    const folder = mkdtempSync(join(tmpdir(), 'inline-hashes-'));
    writeFileSync(join(folder, 'A.astro'), `<script is:inline>${HELLO}</script>`);
    writeFileSync(join(folder, 'B.astro'), `<p>hi</p><script is:inline>${HELLO}</script><script is:inline></script>`);
    writeFileSync(join(folder, 'notes.md'), `<script is:inline>ignored()</script>`);
    expect(inlineScriptHashesIn([folder])).toEqual([HELLO_HASH, 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=']);
  });
});
