/**
 * A small JavaScript tokenizer that knows where strings, comments, template literals and regular
 * expressions begin and end. It exists so rewrites over learner code (import specifiers, tenant
 * values) never touch text that only looks like code, such as `"import x from 'axios'"` in a string.
 * It does not build a tree and accepts TypeScript well enough for the same purpose.
 *
 * @module
 */

/** What a token is; `template` is one literal chunk of a template, from a backtick or `}` to `${` or a backtick. */
export type TokenType = 'ident' | 'string' | 'template' | 'comment' | 'regex' | 'number' | 'punct';

/** A token with its position; `value` is the exact source text. */
export interface Token {
  type: TokenType;
  start: number;
  end: number;
  value: string;
}

// Keywords after which a `/` starts a regular expression rather than a division.
const BEFORE_EXPRESSION = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else',
  'yield', 'await',
]);
const IDENT_START = /[\p{ID_Start}$_\\]/u;
const IDENT_PART = /[\p{ID_Continue}$\\]|\u200c|\u200d/u;
const PUNCTUATORS = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=', '=>', '==', '!=', '<=', '>=',
  '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '**'];

/** Splits source text into tokens, skipping whitespace. Unterminated constructs end at the end of the text. */
export function scanJs(source: string): Token[] {
  const tokens: Token[] = [];
  // For each open `${`, the brace depth at which its closing `}` resumes the template.
  const templateDepths: number[] = [];
  let depth = 0;
  let i = 0;
  const push = (type: TokenType, start: number) => tokens.push({ type, start, end: i, value: source.slice(start, i) });

  const scanTemplateChunk = (start: number) => {
    while (i < source.length) {
      const char = source[i];
      if (char === '\\') { i += 2; continue; }
      if (char === '`') { i++; break; }
      if (char === '$' && source[i + 1] === '{') { i += 2; templateDepths.push(depth); depth++; break; }
      i++;
    }
    push('template', start);
  };

  while (i < source.length) {
    const char = source[i]!;
    const start = i;
    if (/\s/.test(char)) { i++; continue; }
    if (char === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
      push('comment', start);
    } else if (char === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      i = close === -1 ? source.length : close + 2;
      push('comment', start);
    } else if (char === '"' || char === "'") {
      i++;
      while (i < source.length && source[i] !== char && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      if (source[i] === char) i++;
      push('string', start);
    } else if (char === '`') {
      i++;
      scanTemplateChunk(start);
    } else if (char === '}' && templateDepths.at(-1) === depth - 1) {
      templateDepths.pop();
      depth--;
      i++;
      scanTemplateChunk(start);
    } else if (char === '/' && regexAllowed(tokens)) {
      if (!scanRegex()) { i = start + 1; push('punct', start); continue; }
      push('regex', start);
    } else if (IDENT_START.test(char)) {
      while (i < source.length && IDENT_PART.test(source[i]!)) i += source[i] === '\\' ? 2 : 1;
      push('ident', start);
    } else if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      while (i < source.length && /[0-9a-zA-Z_.]/.test(source[i]!)) i++;
      push('number', start);
    } else {
      const long = PUNCTUATORS.find((p) => source.startsWith(p, i));
      i += long?.length ?? 1;
      if (char === '{') depth++;
      if (char === '}') depth = Math.max(0, depth - 1);
      push('punct', start);
    }
  }
  return tokens;

  // Moves `i` past a regular expression literal; false when the line ends first (then it was a division).
  function scanRegex(): boolean {
    let inClass = false;
    i++;
    while (i < source.length) {
      const char = source[i];
      if (char === '\n' || char === '\r') return false;
      if (char === '\\') { i += 2; continue; }
      if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      else if (char === '/' && !inClass) break;
      i++;
    }
    i++;
    while (i < source.length && IDENT_PART.test(source[i]!)) i++;
    return true;
  }
}

function regexAllowed(tokens: Token[]): boolean {
  const previous = tokens.findLast((token) => token.type !== 'comment');
  if (!previous) return true;
  if (previous.type === 'ident') return BEFORE_EXPRESSION.has(previous.value);
  if (previous.type === 'punct') return previous.value !== ')' && previous.value !== ']';
  return false;
}

/** The value of a string token (or a template chunk without substitutions), escapes resolved. */
export function stringValue(token: Token): string {
  const body = token.value.slice(1, token.value.endsWith(token.value[0]!) && token.value.length > 1 ? -1 : undefined);
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (_, escape: string) => {
    if (escape[0] === 'u' || escape[0] === 'x') return String.fromCodePoint(parseInt(escape.replace(/[ux{}]/g, ''), 16));
    if (escape === '\n' || escape === '\r\n') return '';
    return ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' } as Record<string, string>)[escape] ?? escape;
  });
}

/** 1-based line and column of an offset, the way editors and stack traces count. */
export function positionAt(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line: before.split(/\r\n|\r|\n/).length, column: offset - lineStart + 1 };
}
