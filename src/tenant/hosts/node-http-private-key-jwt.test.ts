import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantError } from '../tenant-error.ts';
import { serviceKey, type ServiceKey } from '../private-key-jwt-test-support.ts';
import { addAuthorizedApp } from './testing.ts';
import { startHttpsTenant, type HttpsTenant } from './https-tenant-test-support.ts';

/*
 * `npm run tenant -- --https` with an application switched to Private Key JWT, and a program that
 * uses the official Node SDK's `clientAssertionSigningKey`, run as a reader runs one: a separate
 * Node process that knows the tenant only by AUTH0_DOMAIN and trusts it through the banner's
 * export lines. The server's clock is real time, as the SDK's is.
 */

const run = promisify(execFile);
let sandbox: HttpsTenant;
let key: ServiceKey;
let clientId: string;
let clientSecret: string;

const PROGRAM = `
import { ManagementClient } from 'auth0';
const { AUTH0_DOMAIN: domain, AUTH0_CLIENT_ID: clientId, AUTH0_CLIENT_SECRET: secret, SIGNING_KEY: key } = process.env;
const client = new ManagementClient({ domain, clientId, clientAssertionSigningKey: key, maxRetries: 0 });
const first = await client.clients.list();
const withSecret = await fetch('https://' + domain + '/oauth/token', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, audience: 'https://' + domain + '/api/v2/' }),
});
console.log(JSON.stringify({ listed: first.data.map((app) => app.client_id), secretStatus: withSecret.status, secretBody: await withSecret.json() }));
`;

beforeAll(async () => {
  sandbox = await startHttpsTenant();
  key = await serviceKey();
  const { tenant } = sandbox.server;
  const app = addAuthorizedApp(tenant, 'Signs over real HTTPS', ['read:clients']);
  const credential = await tenant.createCredential(app.client_id, { pem: key.publicKeyPem });
  if (credential instanceof TenantError) throw credential;
  const switched = tenant.usePrivateKeyJwt(app.client_id, [credential.id as string]);
  if (switched instanceof TenantError) throw switched;
  ({ client_id: clientId, client_secret: clientSecret } = app);
}, 60_000);
afterAll(() => sandbox.close());

describe('the local HTTPS tenant and the official SDK with Private Key JWT', () => {
  it('issues a token to node-auth0\'s clientAssertionSigningKey in a separate process, and refuses the app\'s old secret', async () => {
    const env = {
      PATH: process.env.PATH,
      ...sandbox.trustEnvironment,
      AUTH0_DOMAIN: sandbox.server.tenant.domain,
      AUTH0_CLIENT_ID: clientId,
      AUTH0_CLIENT_SECRET: clientSecret,
      SIGNING_KEY: key.privateKeyPem,
    };
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', PROGRAM], { env, cwd: process.cwd(), timeout: 30_000 });
    const result = JSON.parse(stdout) as { listed: string[]; secretStatus: number; secretBody: unknown };
    expect(result.listed).toContain(clientId);
    expect(result.secretStatus).toBe(401);
    expect(result.secretBody).toEqual({ error: 'invalid_client', error_description: 'This application authenticates with Private Key JWT: send a client_assertion, not a client secret.' });
    expect(sandbox.server.tenant.records.usedAssertionIds.filter((entry) => entry.client_id === clientId)).toHaveLength(1);
  }, 60_000);
});
