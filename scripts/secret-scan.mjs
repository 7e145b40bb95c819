#!/usr/bin/env node
// Looks for values in the built site that could be real credentials: private keys, complete
// JWTs, and long high-entropy base64url strings such as Auth0 client secrets. The sandbox's
// own values say NOT-A-REAL-SECRET (or "sandbox") and are allowed; everything else fails.
// Usage: node scripts/secret-scan.mjs [dist]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CANDIDATE = /(?<![A-Za-z0-9_+/=.-])[A-Za-z0-9_-]{40,128}(?![A-Za-z0-9_+/=.-])/g;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/]{40,}/g;
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g;
const FAKE = /NOT-A-REAL-SECRET|sandbox/i;
// Binary assets and Pagefind's index are not text a secret could hide in readably.
const SKIP = /\.(ttf|woff2?|png|jpe?g|gif|ico|pf_fragment|pf_index|pf_meta|pagefind)$/i;

const count = (text, pattern) => (text.match(pattern) ?? []).length;

function entropy(text) {
  const frequency = new Map();
  for (const char of text) frequency.set(char, (frequency.get(char) ?? 0) + 1);
  let bits = 0;
  for (const n of frequency.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

/** Whether a base64url-looking run reads like random key material rather than a name or an alphabet. */
export function looksRandom(text) {
  if (/ABCDEFGH|abcdefgh|01234567/.test(text)) return false;
  return (
    count(text, /\d/g) >= 4 &&
    count(text, /[A-Z]/g) >= 6 &&
    count(text, /[a-z]/g) >= 6 &&
    count(text, /_/g) <= 4 &&
    entropy(text) >= 4.2
  );
}

/** Secret-looking values in one text. */
export function findSecrets(text) {
  const found = [];
  for (const [kind, pattern] of [['private key', PRIVATE_KEY], ['JWT', JWT], ['high-entropy string', CANDIDATE]]) {
    for (const match of text.matchAll(pattern)) {
      const value = match[0];
      if (FAKE.test(value)) continue;
      if (kind === 'high-entropy string' && !looksRandom(value)) continue;
      found.push({ kind, value, index: match.index ?? 0 });
    }
  }
  return found;
}

/** Every secret-looking value under a folder, with the file it is in. */
export function scanFolder(folder) {
  const hits = [];
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || SKIP.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    for (const hit of findSecrets(readFileSync(path, 'utf8'))) hits.push({ file: path, ...hit });
  }
  return hits;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const hits = scanFolder(process.argv[2] ?? 'dist');
  for (const hit of hits) console.log(`${hit.file}: ${hit.kind} ${hit.value.slice(0, 12)}…`);
  console.log(hits.length ? `${hits.length} secret-looking values found.` : 'No secret-looking values.');
  process.exitCode = hits.length ? 1 : 0;
}
