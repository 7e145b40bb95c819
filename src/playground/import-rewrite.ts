import { positionAt, scanJs, stringValue, type Token } from './js-scanner.ts';

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

/**
 * Points each allowed import (static, side-effect, `export … from`, dynamic with a literal
 * name) at the URL given for it and refuses everything else with a message that lists what is
 * available. Only specifier text changes, so line numbers stay valid for source maps.
 *
 * @param code transpiled JavaScript (an ES module)
 * @param modules allowed specifier → URL to load it from, e.g. `{ jose: 'blob:…' }`
 */
export function rewriteImports(code: string, modules: Readonly<Record<string, string>>): ImportsRewritten | ImportRefused {
  const tokens = scanJs(code).filter((token) => token.type !== 'comment');
  const edits: Array<{ token: Token; url: string }> = [];
  const available = Object.keys(modules);

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.type !== 'ident' || (token.value !== 'import' && token.value !== 'export')) continue;
    const previous = tokens[index - 1]?.value;
    if (previous === '.' || previous === '?.') continue; // a property called `import`, not the keyword

    const found = token.value === 'import' ? importSpecifier(tokens, index) : exportFromSpecifier(tokens, index);
    if (found === 'none') continue;
    if (found === 'not-literal') {
      return refuse(code, token, `[playground] import() needs the module name written out, like import('${available[0] ?? 'jose'}'). ${onlyThese(available)}`);
    }
    const specifier = stringValue(found);
    const url = Object.hasOwn(modules, specifier) ? modules[specifier] : undefined;
    if (url === undefined) return refuse(code, found, refusal(specifier, available));
    edits.push({ token: found, url });
  }

  let rewritten = code;
  for (const { token, url } of edits.reverse()) {
    rewritten = rewritten.slice(0, token.start) + JSON.stringify(url) + rewritten.slice(token.end);
  }
  return { ok: true, code: rewritten };
}

/** The refusal for one specifier, e.g. "[playground] Only 'jose' can be imported here; 'axios' is not available. Use fetch for HTTP." */
export function refusal(specifier: string, available: readonly string[]): string {
  const hint = HINTS.find(([pattern]) => pattern.test(specifier))?.[1];
  return `[playground] ${onlyThese(available).replace(/\.$/, '')}; '${specifier}' is not available.${hint ? ` ${hint}` : ''}`;
}

function onlyThese(available: readonly string[]): string {
  if (available.length === 0) return 'Nothing can be imported here.';
  const names = available.map((name) => `'${name}'`);
  return `Only ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`} can be imported here.`;
}

type Specifier = Token | 'none' | 'not-literal';

// After `import`: a dynamic import, `import.meta`, a side-effect import or an import declaration.
function importSpecifier(tokens: Token[], index: number): Specifier {
  const next = tokens[index + 1];
  if (!next || next.value === '.') return 'none';
  if (next.value === '(') {
    const argument = tokens[index + 2];
    const after = tokens[index + 3]?.value;
    const literal = argument && (argument.type === 'string' || (argument.type === 'template' && argument.value.endsWith('`') && !argument.value.startsWith('}')));
    return literal && (after === ')' || after === ',') ? argument : 'not-literal';
  }
  if (next.type === 'string') return next;
  return fromClause(tokens, index + 1);
}

// After `export`: only `export * from`, `export * as x from` and `export {…} from` name a module.
function exportFromSpecifier(tokens: Token[], index: number): Specifier {
  const next = tokens[index + 1]?.value;
  return next === '*' || next === '{' ? fromClause(tokens, index + 1) : 'none';
}

// Walks a binding list to the `from` that ends it; names inside braces may themselves be `from`.
function fromClause(tokens: Token[], index: number): Specifier {
  let braces = 0;
  for (let i = index; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.value === '{') braces++;
    else if (token.value === '}') braces--;
    else if (token.value === ';' && braces === 0) return 'none';
    else if (braces === 0 && token.value === 'from' && tokens[i + 1]?.type === 'string') return tokens[i + 1]!;
    else if (braces === 0 && token.value === '=') return 'none'; // `import x = …` never survives transpiling
  }
  return 'none';
}

function refuse(code: string, token: Token, message: string): ImportRefused {
  return { ok: false, message, ...positionAt(code, token.start) };
}
