import { describe, expect, it } from 'vitest';
import { createTokenLabGlobal } from './learner-types.ts';
import { openInEditorWorker } from './editor-test-support.ts';

const CONTEXT = { domain: 'dev-lab.eu.auth0.com', clientId: 'id', clientSecret: 'secret', audience: 'https://dev-lab.eu.auth0.com/api/v2/' };

// Type-checks learner code in Monaco's own worker, with the editor's globals and options.
async function diagnosticsFor(code: string): Promise<string[]> {
  return (await openInEditorWorker(code).diagnostics()).map((diagnostic) => diagnostic.message);
}

describe('learner types', () => {
  it('let the learner use tokenLab, fetch and top-level await without errors', async () => {
    const code = 'const r = await fetch(tokenLab.tokenUrl, { method: "POST", body: tokenLab.clientSecret });\nexport default r.status + tokenLab.domain.length;';
    expect(await diagnosticsFor(code)).toEqual([]);
  });

  it('flag a property tokenLab does not have, and an attempt to change one', async () => {
    const messages = (await diagnosticsFor('tokenLab.secret;\ntokenLab.domain = "x";\nexport {};')).join('\n');
    expect(messages).toMatch(/Property 'secret' does not exist/);
    expect(messages).toMatch(/Cannot assign to 'domain' because it is a read-only property/);
  });

  it('flag DOM globals, because the code runs in a worker', async () => {
    expect((await diagnosticsFor('document.title = "x";\nexport {};')).join('\n')).toMatch(/Cannot find name 'document'/);
  });

  it('build a frozen tokenLab with the token URL of the tenant', () => {
    const global = createTokenLabGlobal(CONTEXT, fetch);
    expect(global).toMatchObject({ ...CONTEXT, tokenUrl: 'https://dev-lab.eu.auth0.com/oauth/token', input: undefined });
    expect(Object.isFrozen(global)).toBe(true);
    expect(Object.isFrozen(global.clock)).toBe(true);
  });

  it('hand the exercise input over as a deep-frozen copy', () => {
    const input = { tokens: ['a', 'b'], nested: { n: 1 } };
    const global = createTokenLabGlobal({ ...CONTEXT, input }, fetch);
    expect(global.input).toEqual(input);
    expect(global.input).not.toBe(input);
    expect(() => ((global.input as typeof input).tokens as string[]).push('c')).toThrow(TypeError);
    expect(() => ((global.input as typeof input).nested.n = 2)).toThrow(TypeError);
  });

  it('read the tenant time through the offset and move it with a request to the test clock', async () => {
    const sent: { url: string; body: string }[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      sent.push({ url, body: String(init.body) });
      return new Response(JSON.stringify({ now_seconds: 1 }), { status: 200 });
    }) as unknown as typeof fetch;
    const global = createTokenLabGlobal({ ...CONTEXT, clockOffsetMs: 5_000 }, fakeFetch, () => 1_000);
    expect(global.clock.now()).toBe(6_000);
    await expect(global.clock.advance(60)).resolves.toBe(66_000);
    expect(global.clock.now()).toBe(66_000);
    expect(sent).toEqual([{ url: 'https://dev-lab.eu.auth0.com/__sandbox/clock', body: '{"advance_seconds":60}' }]);
  });

  it('refuse a negative advance before sending anything, and keep the offset when the tenant refuses', async () => {
    let calls = 0;
    const refusing = (async () => {
      calls++;
      return new Response(JSON.stringify({ message: 'Payload validation error' }), { status: 400 });
    }) as unknown as typeof fetch;
    const global = createTokenLabGlobal(CONTEXT, refusing, () => 0);
    await expect(global.clock.advance(-1)).rejects.toThrow(/0 or more; got -1/);
    expect(calls).toBe(0);
    await expect(global.clock.advance(1e12)).rejects.toThrow(/did not move: 400 Payload validation error/);
    expect(global.clock.now()).toBe(0);
  });

  it('let the learner type tokenLab.clock and tokenLab.input', async () => {
    const code = 'const t: number = tokenLab.clock.now();\nawait tokenLab.clock.advance(60);\nconst tokens = tokenLab.input as string[];\nexport default t + tokens.length;';
    expect(await diagnosticsFor(code)).toEqual([]);
  });
});
