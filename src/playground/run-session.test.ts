import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as jose from 'jose';
import ts from 'typescript';
import { describeThrown, startSession, type SessionEnvironment } from './run-session.ts';
import { publishModule } from './learner-modules.ts';
import { senderFrom } from './wire-test-support.ts';
import type { RunMessage, WorkerMessage } from './protocol.ts';

const DOMAIN = 'dev-lab.eu.auth0.com';
const dataUrl = (code: string) => `data:text/javascript,${encodeURIComponent(code)}`;
const joseUrl = dataUrl(publishModule(globalThis, 'jose', jose));
const saved = { console: { ...console }, fetch: globalThis.fetch };

let realFetch: ReturnType<typeof senderFrom>;
beforeEach(() => {
  realFetch = senderFrom(() => Response.json({ access_token: 'tok' }));
});
afterEach(() => {
  Object.assign(console, saved.console);
  globalThis.fetch = saved.fetch;
  delete (globalThis as { tokenLab?: unknown }).tokenLab;
});

async function run(code: string, extra: Partial<RunMessage> = {}, importModule = (url: string) => import(/* @vite-ignore */ url)) {
  const messages: WorkerMessage[] = [];
  const env: SessionEnvironment = {
    scope: globalThis,
    post: (message) => messages.push(message),
    sendToTenant: realFetch,
    modules: { jose: joseUrl },
    moduleUrl: dataUrl,
    importModule,
    defineGlobal: (name, value) => Object.defineProperty(globalThis, name, { value, writable: true, configurable: true }),
  };
  const message: RunMessage = {
    type: 'run', id: 'run-1', code, allowedHosts: [DOMAIN],
    context: { domain: DOMAIN, clientId: 'cid', clientSecret: 'csecret', audience: `https://${DOMAIN}/api/v2/` },
    ...extra,
  };
  const session = startSession(message, env);
  await session.finished;
  return { messages, session, types: messages.map((m) => m.type) };
}

describe('startSession', () => {
  it('reports ready, the awaited default export as the result, then done', async () => {
    // A fake namespace: Vitest's own import() wrapper cannot return a module whose default is a promise.
    const { messages, types } = await run('', {}, async () => ({ default: Promise.resolve(41 + 1) }));
    expect(types).toEqual(['ready', 'result', 'done']);
    expect(messages[1]).toEqual({ type: 'result', id: 'run-1', value: { kind: 'number', value: 42 }, json: '42' });
  });

  it('sends the result as JSON too, for exercise checks, and leaves it out when toJSON throws', async () => {
    const plain = await run('', {}, async () => ({ default: { list: [{ client_id: 'a' }], n: 2 } }));
    expect(plain.messages[1]).toMatchObject({ type: 'result', json: '{"list":[{"client_id":"a"}],"n":2}' });
    const hostile = await run('', {}, async () => ({ default: { toJSON() { throw new Error('no'); } } }));
    expect(hostile.messages[1]).toMatchObject({ type: 'result' });
    expect(hostile.messages[1]).not.toHaveProperty('json');
  });

  it('calls a default-exported function and reports what it resolves to', async () => {
    const { messages } = await run('export default async function main() { return "hi"; }');
    expect(messages).toContainEqual({ type: 'result', id: 'run-1', value: { kind: 'string', value: 'hi' }, json: '"hi"' });
  });

  it('sends no result when there is no default export', async () => {
    expect((await run('export const a = 1;')).types).toEqual(['ready', 'done']);
  });

  it('forwards console output as log messages', async () => {
    const { messages } = await run('console.warn("careful", 1);');
    expect(messages).toContainEqual({ type: 'log', id: 'run-1', level: 'warn', values: [{ kind: 'string', value: 'careful' }, { kind: 'number', value: 1 }] });
  });

  it('gives the code a tokenLab global and a fetch that reaches the tenant and records the request', async () => {
    const { messages, types } = await run('const r = await fetch(tokenLab.tokenUrl, { method: "POST" });\nexport default (await r.json()).access_token;');
    expect(realFetch.sent).toHaveLength(1);
    expect(types).toEqual(['ready', 'request', 'result', 'done']);
    expect(messages[1]).toMatchObject({ request: { method: 'POST', url: `https://${DOMAIN}/oauth/token`, status: 200 } });
  });

  it('reports a request to another host as an error and never sends it', async () => {
    const { messages } = await run('await fetch("https://acme.us.auth0.com/oauth/token");');
    expect(realFetch.sent).toEqual([]);
    expect(messages).toContainEqual(expect.objectContaining({ type: 'error', name: 'TypeError', message: expect.stringMatching(/Blocked a request to acme\.us\.auth0\.com/) }));
  });

  it('lists at most 200 requests and then says the rest are not listed', async () => {
    const { messages } = await run('for (let i = 0; i < 205; i++) await fetch(tokenLab.tokenUrl);');
    expect(messages.filter((m) => m.type === 'request')).toHaveLength(200);
    expect(JSON.stringify(messages.filter((m) => m.type === 'log'))).toContain('More than 200 requests in one run');
  });

  it('lets the code import jose', async () => {
    const token = new jose.UnsecuredJWT({ sub: 'app@clients' }).encode();
    const { messages } = await run(`import { decodeJwt } from 'jose';\nexport default decodeJwt(${JSON.stringify(token)}).sub;`);
    expect(messages).toContainEqual({ type: 'result', id: 'run-1', value: { kind: 'string', value: 'app@clients' }, json: '"app@clients"' });
  });

  it('refuses another import before running anything, at the line of the import', async () => {
    const { messages, types } = await run("console.log('never');\nimport axios from 'axios';");
    expect(types).toEqual(['ready', 'error', 'done']);
    expect(messages[1]).toMatchObject({ name: 'ImportError', line: 2, message: expect.stringMatching(/'axios' is not available/) });
  });

  it('reports a thrown error at its line in the learner\'s TypeScript', async () => {
    const source = 'interface A { a: string }\ntype B = number;\nconst n: B = 1;\nthrow new RangeError(`bad ${n}`);';
    const { outputText, sourceMapText } = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: true } });
    const { messages } = await run(outputText, { sourceMap: sourceMapText! });
    expect(messages).toContainEqual(expect.objectContaining({ type: 'error', name: 'RangeError', message: 'bad 1', line: 4, column: 7 }));
  });

  it('maps an error event from the learner\'s module through the source map', async () => {
    const { session, messages } = await run('export const a = 1;');
    let moduleUrl = '';
    const env = { moduleUrl: (code: string) => (moduleUrl = dataUrl(code)) };
    const again = startSession({ type: 'run', id: 'run-2', code: 'export {}', allowedHosts: [], context: { domain: DOMAIN, clientId: '', clientSecret: '', audience: '' } }, {
      scope: globalThis, post: (m) => messages.push(m), sendToTenant: realFetch, modules: {}, importModule: (url) => import(/* @vite-ignore */ url),
      defineGlobal: () => {}, ...env,
    });
    await again.finished;
    again.reportUncaught(new Error('late'), { url: moduleUrl, line: 3, column: 2 });
    session.reportUncaught('elsewhere', { url: 'https://lab.test/other.js', line: 1, column: 1 });
    expect(messages).toContainEqual(expect.objectContaining({ id: 'run-2', message: 'late', line: 3, column: 2 }));
    expect(messages.at(-1)).not.toHaveProperty('line');
  });

  it('reports a thrown value that is not an Error, and still finishes', async () => {
    const { messages, types } = await run('throw { code: 42 };');
    expect(types).toEqual(['ready', 'error', 'done']);
    expect(messages[1]).toMatchObject({ name: 'Uncaught', message: expect.stringContaining('The code threw {"code":42}, which is not an Error') });
  });
});

describe('describeThrown', () => {
  it('quotes a thrown string and cuts a huge message', () => {
    expect(describeThrown('oops').message).toMatch(/^The code threw "oops"/);
    expect(describeThrown(new Error('x'.repeat(10_000))).message.length).toBeLessThan(2_100);
  });

  it('copes with values JSON cannot print', () => {
    expect(describeThrown(10n).message).toMatch(/threw 10,/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeThrown(cyclic).message).toMatch(/threw \[object Object\]/);
  });
});
