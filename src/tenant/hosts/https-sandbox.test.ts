import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { SEEDED_CREDENTIALS } from '../index.ts';
import { startHttpsTenant, type HttpsTenant } from './https-tenant-test-support.ts';
import type { TrustFiles } from './trust-files.ts';

/*
 * `npm run tenant -- --https`: the tenant on https://localhost:N, trusted through the export lines
 * its banner prints, by the same tools the guide's programs use (curl, Python's standard library,
 * Node with NODE_EXTRA_CA_CERTS, Java's keytool store), with no base-URL override anywhere.
 */
const run = promisify(execFile);
let sandbox: HttpsTenant;
let server: HttpsTenant['server'];
let trust: TrustFiles;
let folder: string;
const { reporting } = SEEDED_CREDENTIALS;

/** The environment a reader gets from the banner: the export lines, evaluated by a shell. */
async function exportedEnvironment(): Promise<NodeJS.ProcessEnv> {
  return { PATH: process.env.PATH, ...sandbox.trustEnvironment };
}

beforeAll(async () => {
  sandbox = await startHttpsTenant();
  ({ server, trust } = sandbox);
  folder = trust.dir;
});
afterAll(() => sandbox.close());

describe('the HTTPS sandbox', () => {
  it('is its own domain, localhost with its port, so the SDKs compute its URLs from AUTH0_DOMAIN alone', () => {
    const port = new URL(server.origin).port;
    expect(server.origin).toBe(`https://localhost:${port}`);
    expect(server.tenant.domain).toBe(`localhost:${port}`);
    expect(server.tenant.managementAudience).toBe(`https://localhost:${port}/api/v2/`);
  });

  it('prints export lines for every runtime, and keeps the system\'s authorities in the bundle', () => {
    expect(trust.exports.map((line) => line.split('=')[0])).toEqual([
      'export NODE_EXTRA_CA_CERTS', 'export SSL_CERT_FILE', 'export REQUESTS_CA_BUNDLE', 'export CURL_CA_BUNDLE', 'export JAVA_TOOL_OPTIONS',
    ]);
    const bundle = readFileSync(trust.bundleFile, 'utf8');
    expect(bundle.endsWith(readFileSync(trust.caFile, 'utf8'))).toBe(true);
    expect(bundle.match(/BEGIN CERTIFICATE/g)!.length).toBeGreaterThan(10);
  });

  it('writes no private key anywhere: only the authority\'s public certificate, the bundle and Java\'s store', () => {
    expect(readdirSync(folder).sort()).toEqual(['bundle.pem', 'sandbox-ca.pem', 'truststore.p12']);
    for (const file of ['bundle.pem', 'sandbox-ca.pem']) expect(readFileSync(join(folder, file), 'utf8')).not.toMatch(/PRIVATE KEY/);
    expect(trust.exports.join('\n')).not.toMatch(/PRIVATE KEY/);
  });

  it('issues a token to curl trusting it through CURL_CA_BUNDLE, with the tenant\'s own issuer and audience', async () => {
    const env = await exportedEnvironment();
    const body = JSON.stringify({ grant_type: 'client_credentials', client_id: reporting.client_id, client_secret: reporting.client_secret, audience: server.tenant.managementAudience });
    // The body goes in on standard input, as the guide's curl program sends the secret.
    const { stdout } = await run('bash', ['-c', `printf '%s' "$BODY" | curl --silent --fail --request POST --header 'content-type: application/json' --data-binary @- "$URL"`], { env: { ...env, BODY: body, URL: `${server.origin}/oauth/token` } });
    const claims = decodeJwt((JSON.parse(stdout) as { access_token: string }).access_token);
    expect(claims).toMatchObject({ iss: `${server.origin}/`, aud: server.tenant.managementAudience, azp: reporting.client_id });
  });

  it('is trusted by Python\'s standard library through SSL_CERT_FILE and by Node through NODE_EXTRA_CA_CERTS', async () => {
    const env = await exportedEnvironment();
    const python = await run('python3', ['-c', `import urllib.request, json; print(json.load(urllib.request.urlopen('${server.origin}/.well-known/openid-configuration'))['issuer'])`], { env });
    expect(python.stdout.trim()).toBe(`${server.origin}/`);
    const node = await run(process.execPath, ['-e', `fetch('${server.origin}/.well-known/jwks.json').then((r) => r.json()).then((j) => console.log(j.keys.length))`], { env });
    expect(node.stdout.trim()).toBe('1');
  });

  it('gives Java a trust store with the JDK\'s authorities and the sandbox\'s', async () => {
    const { stdout } = await run('keytool', ['-list', '-keystore', trust.trustStore!, '-storepass', 'changeit', '-storetype', 'PKCS12']);
    expect(stdout).toMatch(/token-lab-sandbox-ca/);
    expect(Number(stdout.match(/contains (\d+) entries/)?.[1])).toBeGreaterThan(10);
  });

  it('a tool not told about the authority refuses the connection: the trust is real', async () => {
    const failure = await run('curl', ['--silent', '--show-error', `${server.origin}/.well-known/jwks.json`], { env: { PATH: process.env.PATH, CURL_CA_BUNDLE: '/etc/ssl/certs/ca-certificates.crt' } }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(existsSync(trust.caFile)).toBe(true);
  });
});
