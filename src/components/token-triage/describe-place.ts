/**
 * Where in a pasted file a token sat, in words a reader can find again and write on an inventory
 * board: "base64-encoded value of key AUTH0_TOKEN in the Kubernetes Secret auth0-mgmt, line 7".
 * Read from the token's own line and the file around it, by shape, never by running anything.
 */
import type { Sighting } from './find-tokens.ts';

/** How far back a line's enclosing block or section is looked for. */
const MAX_LINES_BACK = 200;
/** How far either side of a token its YAML document is read. */
const MAX_DOCUMENT_CHARS = 20_000;

/** One sentence fragment for where `sighting` was found in `text`. */
export function describePlace(text: string, sighting: Sighting): string {
  const lineStart = text.lastIndexOf('\n', sighting.index - 1) + 1;
  const holder = holderOf(text.slice(lineStart, sighting.index), previousLine(text, lineStart));
  const container = containerOf(text, sighting.index, lineStart);
  const encoded = sighting.encoding === 'base64';
  let what: string;
  switch (holder.kind) {
    case 'header':
      what = `${encoded ? 'base64-encoded ' : ''}Authorization header (Bearer)`;
      break;
    case 'url':
      what = `${encoded ? 'base64-encoded ' : ''}${holder.name} parameter of a URL`;
      break;
    case 'option':
      what = `${encoded ? 'base64-encoded ' : ''}value of the ${holder.name} option`;
      break;
    case 'key':
      what = `${encoded ? 'base64-encoded ' : ''}value of ${holder.mapping || encoded ? 'key ' : ''}${holder.name}`;
      break;
    case 'none':
      what = encoded ? 'base64-encoded text' : 'a token on its own';
      break;
  }
  const lines = sighting.rejoined ? `lines ${sighting.line}–${sighting.rejoined.lastLine}, rejoined` : `line ${sighting.line}`;
  return `${what}${container ? ` in ${container}` : ''}, ${lines}`;
}

type Holder = { kind: 'header' | 'none' } | { kind: 'url' | 'option'; name: string } | { kind: 'key'; name: string; mapping: boolean };

const HOLDERS: Array<[RegExp, (match: RegExpExecArray) => Holder]> = [
  [/Authorization\s*:\s*Bearer\s+$/i, () => ({ kind: 'header' })],
  [/[?#&]([A-Za-z0-9_.-]+)=$/, (match) => ({ kind: 'url', name: match[1]! })],
  // "key": "…" (JSON), 'key': '…'
  [/["']([^"'\n]{1,80})["']\s*:\s*["']?$/, (match) => ({ kind: 'key', name: match[1]!, mapping: true })],
  // KEY=… (.env, shell), key = "…" (Terraform, TOML)
  [/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]{0,80})\s*=\s*["']?$/, (match) => ({ kind: 'key', name: match[1]!, mapping: false })],
  // key: … (YAML), - key: …
  [/^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_./-]{0,80})\s*:\s*["']?$/, (match) => ({ kind: 'key', name: match[1]!, mapping: true })],
  [/(?:^|\s)(--?[A-Za-z][A-Za-z0-9-]{0,40})(?:=|\s+)["']?$/, (match) => ({ kind: 'option', name: match[1]! })],
  [/\bBearer\s+$/, () => ({ kind: 'header' })],
];

function holderOf(prefix: string, previous: string): Holder {
  for (const [pattern, holder] of HOLDERS) {
    const match = pattern.exec(prefix);
    if (match) return holder(match);
  }
  // Alone on its line under `key: |`, `key: >-` or `KEY="`: the key is on the line above.
  if (prefix.trim() === '' || /^\s*["']$/.test(prefix)) {
    const above = /^\s*(?:-\s+)?(?:export\s+)?["']?([A-Za-z_][A-Za-z0-9_./-]{0,80})["']?\s*([:=])\s*(?:[|>][+-]?|["'])?\s*$/.exec(previous);
    if (above) return { kind: 'key', name: above[1]!, mapping: above[2] === ':' };
  }
  return { kind: 'none' };
}

function previousLine(text: string, lineStart: number): string {
  if (lineStart === 0) return '';
  return text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1);
}

/** "the Kubernetes Secret auth0-mgmt", "a GitHub Actions workflow", `the Terraform provider "auth0"`. */
function containerOf(text: string, index: number, lineStart: number): string | undefined {
  const document = yamlDocumentAround(text, index);
  // A manifest's or workflow's values are indented under their keys; a line at the margin is
  // something else pasted after it (an .env line, a shell command), whatever document it falls in.
  const indented = text[lineStart] === ' ' || text[lineStart] === '\t';
  if (!indented) return terraformBlockAround(text, lineStart);
  if (/^kind:\s*["']?Secret["']?\s*$/m.test(document) || /"kind"\s*:\s*"Secret"/.test(document)) {
    const name = /^metadata:[ \t]*\r?\n(?:[ \t]+.*\r?\n)*?[ \t]+name:[ \t]*["']?([^"'\s#]+)/m.exec(document)?.[1] ?? /"metadata"\s*:\s*\{[^}]*?"name"\s*:\s*"([^"]+)"/.exec(document)?.[1];
    return name ? `the Kubernetes Secret ${name}` : 'a Kubernetes Secret';
  }
  if (/^jobs:\s*$/m.test(document) && /^\s*(?:runs-on|steps|uses):/m.test(document)) return 'a GitHub Actions workflow';
  return terraformBlockAround(text, lineStart);
}

/**
 * The `---`-separated YAML document holding `index` (the whole text when there is none), at most
 * MAX_DOCUMENT_CHARS either side: a manifest is small, and a paste repeating a token thousands of
 * times must not rescan megabytes for each place.
 */
function yamlDocumentAround(text: string, index: number): string {
  const floor = Math.max(0, index - MAX_DOCUMENT_CHARS);
  const ceiling = Math.min(text.length, index + MAX_DOCUMENT_CHARS);
  let start = floor;
  for (let at = text.lastIndexOf('\n---', index); at >= floor; at = text.lastIndexOf('\n---', at - 1)) {
    if (isSeparator(text, at + 1)) {
      start = at + 1;
      break;
    }
    if (at === 0) break;
  }
  let end = ceiling;
  for (let at = text.indexOf('\n---', index); at !== -1 && at < ceiling; at = text.indexOf('\n---', at + 1)) {
    if (isSeparator(text, at + 1)) {
      end = at;
      break;
    }
  }
  return text.slice(start, end);
}

/** Whether the line starting at `lineStart` is a YAML document separator (`---`, nothing after). */
function isSeparator(text: string, lineStart: number): boolean {
  const lineEnd = text.indexOf('\n', lineStart);
  return /^---[ \t\r]*$/.test(text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd));
}

/** The Terraform block whose braces enclose the line starting at `lineStart`, by its header. */
function terraformBlockAround(text: string, lineStart: number): string | undefined {
  let depth = 0;
  let end = lineStart;
  for (let count = 0; count < MAX_LINES_BACK && end > 0; count++) {
    const start = text.lastIndexOf('\n', end - 2) + 1;
    const line = text.slice(start, end);
    depth += (line.match(/\}/g)?.length ?? 0) - (line.match(/\{/g)?.length ?? 0);
    if (depth < 0) {
      const header = /^\s*(provider|resource|data|variable|module|locals)\b\s*(?:"([^"]+)")?\s*(?:"([^"]+)")?\s*\{/.exec(line);
      if (!header) return undefined;
      const names = [header[2], header[3]].filter((name): name is string => name !== undefined).map((name) => `"${name}"`);
      return `the Terraform ${header[1]}${names.length > 0 ? ` ${names.join(' ')}` : ''}`;
    }
    end = start;
  }
  return undefined;
}
