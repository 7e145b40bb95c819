import { afterEach, describe, expect, it, vi } from 'vitest';
import { toCurlCommand, toNodeScript } from './export-code.ts';

const VALUES = {
  domain: 'dev-lab.eu.auth0.com',
  clientId: 'Rk2yQ0sandboxclientid',
  clientSecret: 'sandbox-secret-123',
  audience: 'https://dev-lab.eu.auth0.com/api/v2/',
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('toNodeScript', () => {
  it('starts with how to run it and a note that real secrets belong on a server', () => {
    const script = toNodeScript('export default 1;', VALUES, 'get-token.mjs');
    expect(script).toMatch(/^\/\/ Exported from Token Lab\. Run it with Node 22 or later:\n\/\/ {3}AUTH0_DOMAIN=… AUTH0_CLIENT_ID=… AUTH0_CLIENT_SECRET=… AUTH0_AUDIENCE=… node get-token\.mjs\n/);
    expect(script).toContain('A real client secret belongs on a server');
  });

  it('says a .mts file needs a Node that strips types', () => {
    expect(toNodeScript('export default 1;', VALUES, 'get-token.mts')).toContain('Node 22.18 or later');
  });

  it('replaces uses of the tokenLab global with environment variables', () => {
    const script = toNodeScript('const url = `https://${tokenLab.domain}/x`;\nconst id = tokenLab.clientId, s = tokenLab.clientSecret, a = tokenLab.audience, t = tokenLab.tokenUrl;', VALUES);
    expect(script).toContain('const url = `https://${process.env.AUTH0_DOMAIN}/x`;');
    expect(script).toContain('const id = process.env.AUTH0_CLIENT_ID, s = process.env.AUTH0_CLIENT_SECRET, a = process.env.AUTH0_AUDIENCE, t = `https://${process.env.AUTH0_DOMAIN}/oauth/token`;');
    expect(script).not.toContain('const tokenLab');
  });

  it('defines tokenLab from the environment when the code uses the global as a whole', () => {
    const script = toNodeScript('const { domain } = tokenLab;', VALUES);
    expect(script).toContain('const tokenLab = {\n  domain: process.env.AUTH0_DOMAIN,');
  });

  it('replaces literal copies of the sandbox values in strings, templates and comments', () => {
    const code = [
      `const secret = 'sandbox-secret-123';`,
      `const audience = "https://dev-lab.eu.auth0.com/api/v2/";`,
      `const token = "https://dev-lab.eu.auth0.com/oauth/token";`,
      'const list = `https://dev-lab.eu.auth0.com/api/v2/clients?id=Rk2yQ0sandboxclientid`;',
      '// client Rk2yQ0sandboxclientid',
    ].join('\n');
    const script = toNodeScript(code, VALUES);
    expect(script).toContain('const secret = process.env.AUTH0_CLIENT_SECRET;');
    expect(script).toContain('const audience = process.env.AUTH0_AUDIENCE;');
    expect(script).toContain('const token = `https://${process.env.AUTH0_DOMAIN}/oauth/token`;');
    expect(script).toContain('const list = `${process.env.AUTH0_AUDIENCE}clients?id=${process.env.AUTH0_CLIENT_ID}`;');
    expect(script).toContain('// client $AUTH0_CLIENT_ID');
    expect(script).not.toContain('sandbox-secret-123');
  });

  it('escapes backticks and ${ when it turns a string into a template', () => {
    const script = toNodeScript("const s = 'a `b` ${c} dev-lab.eu.auth0.com';", VALUES);
    expect(script).toContain('const s = `a \\`b\\` \\${c} ${process.env.AUTH0_DOMAIN}`;');
  });

  it('leaves property names and other objects called tokenLab-something alone', () => {
    const script = toNodeScript('const o = { tokenLab: 1 };\nconst v = other.tokenLab.domain;', VALUES);
    expect(script).toContain('const v = other.tokenLab.domain;');
  });

  it('prints the value of export default, calling it when it is a function', () => {
    const script = toNodeScript('export default body.access_token', VALUES);
    expect(script).toContain('const playgroundResult = body.access_token');
    expect(script).toContain("console.log(await (typeof playgroundResult === 'function' ? playgroundResult() : playgroundResult));");
    expect(script).toContain('export default playgroundResult;');
  });

  it('keeps a named default function declaration and prints what it returns', () => {
    const script = toNodeScript('export default async function main() { return 1; }', VALUES);
    expect(script).toContain('export default async function main() { return 1; }');
    expect(script).toContain('console.log(await main());');
  });

  it('drops an inline source map, which would carry the original code and its values', () => {
    const script = toNodeScript('export const a = 1;\n//# sourceMappingURL=data:application/json;base64,eyJ9', VALUES);
    expect(script).not.toContain('sourceMappingURL');
  });

  it('says to install jose when the code imports it', () => {
    expect(toNodeScript("import { decodeJwt } from 'jose';", VALUES)).toContain('npm install jose');
  });

  it('produces a script that runs in Node and sends the values from the environment', async () => {
    const code = [
      'const response = await fetch(`https://${tokenLab.domain}/oauth/token`, {',
      "  method: 'POST',",
      '  body: JSON.stringify({ client_id: tokenLab.clientId, client_secret: "sandbox-secret-123", audience: tokenLab.audience }),',
      '});',
      'export default (await response.json()).access_token;',
    ].join('\n');
    vi.stubEnv('AUTH0_DOMAIN', 'example.auth0.com');
    vi.stubEnv('AUTH0_CLIENT_ID', 'id');
    vi.stubEnv('AUTH0_CLIENT_SECRET', 'from-env');
    vi.stubEnv('AUTH0_AUDIENCE', 'https://example.auth0.com/api/v2/');
    const fetchMock = vi.fn(async () => Response.json({ access_token: 'tok' }));
    vi.stubGlobal('fetch', fetchMock);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});

    const script = toNodeScript(code, VALUES);
    await import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(script)}`);

    expect(fetchMock).toHaveBeenCalledWith('https://example.auth0.com/oauth/token', expect.objectContaining({
      body: '{"client_id":"id","client_secret":"from-env","audience":"https://example.auth0.com/api/v2/"}',
    }));
    expect(log).toHaveBeenCalledWith('tok');
  });
});

describe('toCurlCommand', () => {
  it('posts the client-credentials request with the values from environment variables, the secret on standard input', () => {
    const command = toCurlCommand();
    expect(command).toContain(`printf '%s' "$AUTH0_CLIENT_SECRET" | curl --request POST \\\n  --url "https://$AUTH0_DOMAIN/oauth/token" \\\n`);
    expect(command).toContain('--data-urlencode grant_type=client_credentials');
    expect(command).toContain('--data-urlencode "client_id=$AUTH0_CLIENT_ID"');
    expect(command).toContain('--data-urlencode client_secret@-');
    expect(command).toContain('--data-urlencode "audience=$AUTH0_AUDIENCE"');
    expect(command).not.toMatch(/client_secret=|client_secret\\?":/);
    expect(command).toMatch(/^# Set AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET, AUTH0_AUDIENCE first/);
    expect(command).toContain('# A real client secret belongs on a server');
  });
});
