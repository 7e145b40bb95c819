import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITOR_COMPILER_OPTIONS } from './editor-environment.ts';
import { openInEditorWorker } from './editor-test-support.ts';

// Every starter and solution beside a lesson or lab page: what an editor on the site can open.
function lessonCodeFiles(dir = 'content'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return lessonCodeFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const GET_TOKEN = `import { decodeJwt } from 'jose';

const response = await fetch(tokenLab.tokenUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ client_id: tokenLab.clientId, client_secret: tokenLab.clientSecret }),
});
const body = await response.json();
console.log(decodeJwt(body.access_token).exp);
export default response.status;
`;

describe('the editor environment, in Monaco’s own TypeScript worker', () => {
  const files = lessonCodeFiles();

  it('finds the lesson files (the check below would otherwise pass vacuously)', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
    expect(files.some((file) => file.endsWith('.solution.ts'))).toBe(true);
  });

  it.each(files)('shows no error marker on %s', async (file) => {
    const opened = openInEditorWorker(await readFile(file, 'utf8'));
    expect(await opened.diagnostics()).toEqual([]);
  });

  it('knows the worker globals learner code really has', async () => {
    const code = `const url = new URL(tokenLab.tokenUrl);
const headers = new Headers({ accept: 'application/json' });
const id = crypto.randomUUID();
const copy = structuredClone({ id });
const bytes = new TextEncoder().encode(copy.id);
setTimeout(() => console.log(url.host, headers.get('accept'), bytes.length), 0);
export default new Response('ok').status;
`;
    expect(await openInEditorWorker(code).diagnostics()).toEqual([]);
  });

  it('leaves out the DOM, because the code runs in a worker', async () => {
    const diagnostics = await openInEditorWorker("document.title = 'x';\n").diagnostics();
    expect(diagnostics).toMatchObject([{ line: 1, code: 2584 }]);
    expect(diagnostics[0]!.message).toMatch(/^Cannot find name 'document'/);
  });

  it('marks a misspelt tokenLab field once, on its line, naming the right one', async () => {
    const code = GET_TOKEN.replace('client_id: tokenLab.clientId', 'client_id: tokenLab.clientid');
    const diagnostics = await openInEditorWorker(code).diagnostics();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 6, code: 2551 });
    expect(diagnostics[0]!.message).toBe("Property 'clientid' does not exist on type 'TokenLab'. Did you mean 'clientId'?");
  });

  it('marks fetch(1) once, on its line, saying what fetch accepts', async () => {
    const diagnostics = await openInEditorWorker('const status = (await fetch(1)).status;\nexport default status;\n').diagnostics();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 1, code: 2345 });
    expect(diagnostics[0]!.message).toMatch(/Argument of type 'number' is not assignable to parameter of type 'RequestInfo \| URL'/);
  });

  it('shows real types on hover: fetch, the response, tokenLab.clientSecret and a jose function', async () => {
    const opened = openInEditorWorker(GET_TOKEN);
    expect(await opened.hover('fetch(')).toMatch(/^function fetch\(input: RequestInfo \| URL, init\?: RequestInit\): Promise<Response>/);
    expect(await opened.hover('response =')).toBe('const response: Response');
    expect(await opened.hover('clientSecret })', 1)).toBe('(property) TokenLab.clientSecret: string');
    expect(await opened.hover('decodeJwt(body')).toMatch(/^\(alias\) decodeJwt<.*>\(jwt: string\): JWTPayload/);
  });

  it('completes tokenLab fields and the members of a Response', async () => {
    const opened = openInEditorWorker('tokenLab.\nconst r = await fetch(tokenLab.tokenUrl);\nr.\n');
    expect(await opened.completions('tokenLab.')).toEqual(expect.arrayContaining(['clientId', 'clientSecret', 'audience', 'tokenUrl', 'domain', 'clock', 'input']));
    expect(await opened.completions('r.')).toEqual(expect.arrayContaining(['json', 'status', 'headers']));
  });

  it('accepts top-level await with and without an export', async () => {
    expect(await openInEditorWorker('await Promise.resolve(1);\n').diagnostics()).toEqual([]);
    expect(await openInEditorWorker('export default await Promise.resolve(1);\n').diagnostics()).toEqual([]);
  });

  it('would lose the worker globals with tsconfig-style short lib names (why the options list file names)', async () => {
    const shortNames = { ...EDITOR_COMPILER_OPTIONS, lib: ['esnext', 'webworker'] };
    const codes = (await openInEditorWorker(GET_TOKEN, shortNames).diagnostics()).map((diagnostic) => diagnostic.code);
    expect(codes).toContain(2304); // Cannot find name 'fetch'.
    expect(codes).toContain(2584); // Cannot find name 'console'.
  });
});
