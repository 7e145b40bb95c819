// The minimal build, not `es-module-lexer/js`: both are plain JavaScript (the worker's
// Content-Security-Policy forbids WebAssembly, which the default build compiles), but the full
// build also lexes TypeScript and erases what it takes for ambient declarations. In JavaScript,
// `declare // note` on one line and `const m = import('data:…')` on the next are two statements
// that run, yet the full build erases the import and never reports it (measured on 3.0.5). The
// code here is already JavaScript, so the JavaScript-only lexer is the one that sees it as the
// engine will.
import { init, parse, type ImportSpecifier } from 'es-module-lexer/minimal/js';

/** The learner's code with its allowed import specifiers pointed at real module URLs. */
export interface ImportsRewritten {
  ok: true;
  code: string;
}

/** Why the code cannot run: an import it is not allowed to make. Positions are in the given code, 1-based. */
export interface ImportRefused {
  ok: false;
  message: string;
  line: number;
  column: number;
}

// Hints for the packages learners reach for most, so the refusal says what to use instead.
const HINTS: ReadonlyArray<[pattern: RegExp, hint: string]> = [
  [/^(axios|node-fetch|got|ky|undici|superagent|request|cross-fetch)$/, 'Use fetch for HTTP.'],
  [/^(jsonwebtoken|jwt-decode|jws|jwks-rsa)$/, "Use jose instead: decodeJwt, jwtVerify, SignJWT and createRemoteJWKSet do the same jobs."],
  [/^(auth0|@auth0\/)/, 'The playground talks to the tenant with fetch; the Auth0 SDKs are for your own server.'],
  [/^node:|^(crypto|fs|path|http|https|buffer|process)$/, 'Node built-ins do not exist in the browser; use the Web APIs (crypto.subtle, TextEncoder, fetch).'],
  [/^(\.|\/)/, 'A playground is a single file; there is nothing beside it to import.'],
  [/^[a-z][a-z0-9+.-]*:/i, 'Nothing is loaded from the network here.'],
];

// The lexer's numeric import kinds (its ImportType is a type only, with no runtime values).
const STATIC = 1;
const DYNAMIC = 2;
const IMPORT_META = 3;
const REEXPORT_STAR = 8; // `export * from`: the full build's own kind; the minimal build reports STATIC

/** One specifier literal to replace: [start, end) covers its quotes. */
interface Edit {
  start: number;
  end: number;
  url: string;
}

/**
 * Points each allowed import (static, side-effect, `export … from`, dynamic with a literal
 * name) at the URL given for it and refuses everything else with a message that lists what is
 * available. Only specifier text changes, so line numbers stay valid for source maps.
 *
 * The imports are found by es-module-lexer, which tells strings, comments, templates and
 * regular expressions from code far better than a hand-written tokenizer. It is still a lexer,
 * not a parser: the page's Content-Security-Policy and the worker lockdown remain the locks, and
 * this is the check that explains what is allowed.
 *
 * @param code transpiled JavaScript (an ES module)
 * @param modules allowed specifier → URL to load it from, e.g. `{ jose: 'blob:…' }`
 */
export async function rewriteImports(code: string, modules: Readonly<Record<string, string>>): Promise<ImportsRewritten | ImportRefused> {
  await init();
  let imports: readonly ImportSpecifier[];
  try {
    [imports] = parse(code);
  } catch (thrown) {
    // The lexer throws when it loses its place (an unclosed string, template, regular expression
    // or bracket, a bad escape in a module name). Sucrase usually reports those first; if one
    // gets here, refusing is the only safe answer, since what follows could hide an import.
    const offset = typeof (thrown as { idx?: unknown } | null)?.idx === 'number' ? (thrown as { idx: number }).idx : 0;
    return refuse(code, Math.min(Math.max(offset, 0), code.length), UNREADABLE);
  }

  const available = Object.keys(modules);
  const edits: Edit[] = [];
  for (const found of imports) {
    const checked = check(code, found, modules, available);
    if (checked === undefined) continue;
    if ('ok' in checked) return checked;
    edits.push(checked);
  }

  let rewritten = code;
  for (const { start, end, url } of edits.sort((a, b) => b.start - a.start)) {
    rewritten = rewritten.slice(0, start) + JSON.stringify(url) + lineBreaks(code.slice(start, end)) + rewritten.slice(end);
  }
  return { ok: true, code: rewritten };
}

/** The refusal for one specifier, e.g. "[playground] Only 'jose' can be imported here; 'axios' is not available. Use fetch for HTTP." */
export function refusal(specifier: string, available: readonly string[]): string {
  const hint = HINTS.find(([pattern]) => pattern.test(specifier))?.[1];
  return `[playground] ${onlyThese(available).replace(/\.$/, '')}; '${specifier}' is not available.${hint ? ` ${hint}` : ''}`;
}

const UNREADABLE = '[playground] This code could not be read to check its imports. Look here for a string, template, regular expression or bracket that is not closed, or a bad escape in a module name.';

function onlyThese(available: readonly string[]): string {
  if (available.length === 0) return 'Nothing can be imported here.';
  const names = available.map((name) => `'${name}'`);
  return `Only ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`} can be imported here.`;
}

// What one import found by the lexer becomes: nothing to do, a specifier to replace, or a refusal.
function check(code: string, found: ImportSpecifier, modules: Readonly<Record<string, string>>, available: readonly string[]): Edit | ImportRefused | undefined {
  const first = available[0] ?? 'jose';
  if (found.t === IMPORT_META) return undefined;

  if (found.t === STATIC || found.t === REEXPORT_STAR) {
    // The lexer's span is the name inside the quotes; the edit takes the quotes too.
    const start = found.s - 1;
    const end = found.e + 1;
    const quote = code[start];
    if (found.n === undefined || (quote !== "'" && quote !== '"') || code[end - 1] !== quote) return refuse(code, found.ss, UNREADABLE);
    const url = allowedUrl(found.n, modules);
    if (url === undefined) return refuse(code, start, refusal(found.n, available));
    // `with { type: 'json' }` would load the module as something else; a playground never needs it.
    if (found.a !== -1) return refuse(code, found.a, attributesRefusal(first));
    return { start, end, url };
  }

  if (found.t === DYNAMIC) {
    // The span is the whole first argument; `n` is set when it is one string or template
    // literal. Checking the text too is belt and braces: anything else is not written out.
    const name = isLiteral(code.slice(found.s, found.e)) ? found.n : undefined;
    if (name === undefined) {
      return refuse(code, found.ss, `[playground] import() needs the module name written out, like import('${first}'). ${onlyThese(available)}`);
    }
    const url = allowedUrl(name, modules);
    if (url === undefined) return refuse(code, found.s, refusal(name, available));
    // `a` marks a second argument; a lone trailing comma leaves nothing between it and `)`.
    if (found.a !== -1 && code.slice(found.a, found.se - 1).trim() !== '') return refuse(code, found.a, attributesRefusal(first));
    return { start: found.s, end: found.e, url };
  }

  // Source and defer phases (`import source x from`, `import defer * as x from`, `import.source()`,
  // `import.defer()`) load modules in ways the playground does not prepare for, and any kind a
  // later lexer adds is unknown here: refuse rather than let it pass unchecked.
  return refuse(code, found.ss, `[playground] Only plain imports work here, like import { … } from '${first}'; import source, import defer, import.source() and import.defer() are not available.`);
}

function attributesRefusal(first: string): string {
  return `[playground] Import attributes (with { … }) are not available here; import the module without them, like import { … } from '${first}'.`;
}

// One string literal, or a template literal without substitutions.
function isLiteral(text: string): boolean {
  const quote = text[0];
  if (text.length < 2 || text.at(-1) !== quote) return false;
  return quote === "'" || quote === '"' || (quote === '`' && !text.includes('${'));
}

// `Object.hasOwn`: an inherited property such as 'constructor' is not an allowed module.
function allowedUrl(specifier: string, modules: Readonly<Record<string, string>>): string | undefined {
  return Object.hasOwn(modules, specifier) ? modules[specifier] : undefined;
}

// A literal continued over lines (`'jo\` + newline + `se'`) loses its line breaks in the
// replacement; they go back right after it so that every later line keeps its number.
function lineBreaks(literal: string): string {
  return literal.match(/\r\n|\r|\n|\u2028|\u2029/g)?.join('') ?? '';
}

function refuse(code: string, offset: number, message: string): ImportRefused {
  return { ok: false, message, ...positionAt(code, offset) };
}

// Lines end at \r\n, \r or \n, as in the source maps the positions are later looked up in.
function positionAt(code: string, offset: number): { line: number; column: number } {
  const lines = code.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}
