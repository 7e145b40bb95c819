import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Astro's CSP support hashes the scripts it bundles, but an `is:inline` script is emitted
// untouched and unhashed. Astro writes such a script's text byte for byte, so hashing the
// text in the component's source gives the hash the browser computes for the page.
const INLINE_SCRIPT = /<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script>/g;

/** The `sha256-…` CSP hashes of every `<script is:inline>` body in an Astro component's source. */
export function inlineScriptHashes(source: string): `sha256-${string}`[] {
  return [...source.matchAll(INLINE_SCRIPT)].map(([, body]) => `sha256-${createHash('sha256').update(body ?? '').digest('base64')}` as const);
}

/**
 * The hashes of the inline scripts in every `.astro` file directly inside `folders` (for
 * Starlight: its theme provider, sidebar persister and tab restorer), read from the installed
 * package so an upgrade brings its new hashes with it.
 */
export function inlineScriptHashesIn(folders: string[]): `sha256-${string}`[] {
  const hashes = folders.flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.astro'))
      .sort()
      .flatMap((name) => inlineScriptHashes(readFileSync(join(folder, name), 'utf8'))),
  );
  return [...new Set(hashes)];
}
