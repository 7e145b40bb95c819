/**
 * Export: the learner's code as a Node script and the token request as a curl command, with the
 * sandbox tenant's values replaced by environment variables, so nothing tenant-specific (and no
 * secret, even a sandbox one) is baked into what the reader copies.
 *
 * @module
 */
import { scanJs, stringValue, type Token } from './js-scanner.ts';
import type { RunContext } from './protocol.ts';

/** The tenant values an export replaces with environment variables. */
export type TenantValues = Pick<RunContext, 'domain' | 'clientId' | 'clientSecret' | 'audience'>;

/** The environment variable each tenant value becomes. */
export const ENV_NAMES: Readonly<Record<keyof TenantValues, string>> = {
  domain: 'AUTH0_DOMAIN',
  clientId: 'AUTH0_CLIENT_ID',
  clientSecret: 'AUTH0_CLIENT_SECRET',
  audience: 'AUTH0_AUDIENCE',
};

const SERVER_NOTE = [
  '// A real client secret belongs on a server: keep it in an environment variable or a secret',
  '// manager, never in code that ships to a browser or sits in a repository.',
];
const RESULT = 'playgroundResult';
const DEFAULT_DECLARATION = /^(?:async\s+)?function\s*\*?\s*([\w$]+)/;
const INLINE_SOURCE_MAP = /\n?\/\/[#@]\s*sourceMappingURL=\S*\s*$/;

/**
 * The learner's code as a runnable Node ES module. `tokenLab.*` becomes `process.env.AUTH0_*`, a
 * literal copy of a sandbox value becomes its variable, and the default export, which the
 * playground shows as the result, is printed.
 *
 * @param code the learner's code: JavaScript for a `.mjs` file, or TypeScript for a `.mts` file (Node 22.18+ strips the types)
 * @param values the sandbox tenant's values, to find literal copies of them
 * @param fileName the name the reader saves it under, used in the run instructions
 */
export function toNodeScript(code: string, values: TenantValues, fileName = 'token-lab.mjs'): string {
  const source = code.replace(INLINE_SOURCE_MAP, '');
  const literals = (Object.keys(ENV_NAMES) as Array<keyof TenantValues>)
    .map((key) => ({ text: values[key], env: ENV_NAMES[key] }))
    .filter(({ text }) => text.length > 0)
    .sort((a, b) => b.text.length - a.text.length); // the audience contains the domain: longest first
  const tokens = scanJs(source);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let usesGlobal = false;
  let footer: string[] = [];

  tokens.forEach((token, index) => {
    const previous = tokens[index - 1]?.value;
    if (token.type === 'ident' && token.value === 'tokenLab' && previous !== '.' && previous !== '?.') {
      const property = tokens[index + 1]?.value === '.' ? tokens[index + 2] : undefined;
      const replacement = property ? globalReplacement(property.value) : undefined;
      if (property && replacement) edits.push({ start: token.start, end: property.end, text: replacement });
      else usesGlobal = true;
    } else if (token.type === 'string' || token.type === 'template' || token.type === 'comment') {
      const text = replaceLiterals(token, literals);
      if (text !== token.value) edits.push({ start: token.start, end: token.end, text });
    } else if (token.value === 'export' && tokens[index + 1]?.value === 'default') {
      const rest = source.slice(tokens[index + 1]!.end).trimStart();
      const declared = DEFAULT_DECLARATION.exec(rest)?.[1];
      if (declared) footer = printResult(`await ${declared}()`);
      else if (!/^class\b/.test(rest)) {
        edits.push({ start: token.start, end: tokens[index + 1]!.end, text: `const ${RESULT} =` });
        footer = [`export default ${RESULT};`, ...printResult(`await (typeof ${RESULT} === 'function' ? ${RESULT}() : ${RESULT})`)];
      }
    }
  });

  let body = source;
  for (const edit of edits.reverse()) body = body.slice(0, edit.start) + edit.text + body.slice(edit.end);
  const prelude = usesGlobal
    ? [`const tokenLab = {`, ...Object.entries(ENV_NAMES).map(([key, env]) => `  ${key}: process.env.${env},`),
      `  tokenUrl: \`https://\${process.env.AUTH0_DOMAIN}/oauth/token\`,`, `};`, '']
    : [];
  const imports = /\bfrom\s*['"]jose['"]|import\(\s*['"]jose['"]/.test(source) ? ['// It imports jose: run `npm install jose` first.'] : [];
  const env = Object.values(ENV_NAMES).map((name) => `${name}=…`).join(' ');
  const node = fileName.endsWith('.mts') || fileName.endsWith('.ts') ? 'Node 22.18 or later' : 'Node 22 or later';
  return [
    '// Exported from Token Lab. Run it with ' + node + ':',
    `//   ${env} node ${fileName}`,
    ...imports,
    ...SERVER_NOTE,
    '',
    ...prelude,
    body.trimEnd(),
    ...(footer.length ? ['', ...footer] : []),
    '',
  ].join('\n');
}

/** The client-credentials token request as a curl command that reads the same environment variables. */
export function toCurlCommand(): string {
  // Form-encoded, with the secret on standard input (`client_secret@-`): a secret written into a
  // curl argument shows in the process list (`ps`) of everyone on the machine.
  return [
    `# Set ${Object.values(ENV_NAMES).join(', ')} first (export NAME=value).`,
    ...SERVER_NOTE.map((line) => line.replace(/^\/\//, '#')),
    `printf '%s' "$${ENV_NAMES.clientSecret}" | curl --request POST \\`,
    `  --url "https://$${ENV_NAMES.domain}/oauth/token" \\`,
    '  --data-urlencode grant_type=client_credentials \\',
    `  --data-urlencode "client_id=$${ENV_NAMES.clientId}" \\`,
    '  --data-urlencode client_secret@- \\',
    `  --data-urlencode "audience=$${ENV_NAMES.audience}"`,
    '',
  ].join('\n');
}

function globalReplacement(property: string): string | undefined {
  if (property === 'tokenUrl') return `\`https://\${process.env.${ENV_NAMES.domain}}/oauth/token\``;
  return Object.hasOwn(ENV_NAMES, property) ? `process.env.${ENV_NAMES[property as keyof TenantValues]}` : undefined;
}

function printResult(expression: string): string[] {
  return ['// The playground shows the default export as the result; here it is printed.', `console.log(${expression});`];
}

// Rewrites one string, template chunk or comment so sandbox values become their variables.
function replaceLiterals(token: Token, literals: Array<{ text: string; env: string }>): string {
  if (!literals.some(({ text }) => token.value.includes(text) || (token.type === 'string' && stringValue(token).includes(text)))) {
    return token.value;
  }
  if (token.type === 'comment') return literals.reduce((text, { text: value, env }) => text.replaceAll(value, `$${env}`), token.value);
  if (token.type === 'template') return literals.reduce((text, { text: value, env }) => text.replaceAll(value, `\${process.env.${env}}`), token.value);
  const value = stringValue(token);
  const exact = literals.find(({ text }) => text === value);
  if (exact) return `process.env.${exact.env}`;
  const escaped = value.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${');
  return '`' + literals.reduce((text, { text: literal, env }) => text.replaceAll(literal, `\${process.env.${env}}`), escaped) + '`';
}
