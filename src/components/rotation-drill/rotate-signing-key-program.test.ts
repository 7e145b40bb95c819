import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantError } from '../../tenant/index.ts';
import { serviceKey, type ServiceKey } from '../../tenant/private-key-jwt-test-support.ts';
import { addAuthorizedApp } from '../../tenant/hosts/testing.ts';
import { startHttpsTenant, type HttpsTenant } from '../../tenant/hosts/https-tenant-test-support.ts';

/*
 * The lesson "Rotate without downtime" shows rotate-signing-key.mjs: here it runs as a reader runs
 * it, in its own Node process with the official SDK (node-auth0, pinned in package.json) against
 * the local HTTPS tenant, and every line it prints is checked.
 */

const run = promisify(execFile);
const PROGRAM = 'content/lessons/09-rotate-without-downtime/rotate-signing-key.mjs';
let sandbox: HttpsTenant;
let key: ServiceKey;
let service: string;
let operator: { client_id: string; client_secret: string };
let firstCredential: string;

beforeAll(async () => {
  sandbox = await startHttpsTenant();
  key = await serviceKey();
  const { tenant } = sandbox.server;
  const app = addAuthorizedApp(tenant, 'Billing Worker (Private Key JWT)', ['read:clients']);
  const credential = await tenant.createCredential(app.client_id, { pem: key.publicKeyPem });
  if (credential instanceof TenantError) throw credential;
  firstCredential = credential.id as string;
  const switched = tenant.usePrivateKeyJwt(app.client_id, [firstCredential]);
  if (switched instanceof TenantError) throw switched;
  service = app.client_id;
  operator = addAuthorizedApp(tenant, 'Key Operator', ['read:clients', 'update:clients', 'read:client_credentials', 'create:client_credentials', 'delete:client_credentials']);
}, 60_000);
afterAll(() => sandbox.close());

describe('the lesson\'s Private Key JWT rotation program', () => {
  it('adds a second key, moves to it and removes the first, with the service able to get a token at every step but the last for the old key', async () => {
    const env = {
      PATH: process.env.PATH,
      ...sandbox.trustEnvironment,
      AUTH0_DOMAIN: sandbox.server.tenant.domain,
      OPERATOR_CLIENT_ID: operator.client_id,
      OPERATOR_CLIENT_SECRET: operator.client_secret,
      SERVICE_CLIENT_ID: service,
      SERVICE_KEY_PEM: key.privateKeyPem,
    };
    const { stdout } = await run(process.execPath, [PROGRAM], { env, cwd: process.cwd(), timeout: 60_000 });
    const lines = stdout.trim().split('\n');
    const listed = sandbox.server.tenant.credentials(service);
    if (listed instanceof TenantError) throw listed;
    const [secondCredential] = listed.map((credential) => credential.id as string);
    expect(lines).toEqual([
      `1. the service signs with its current key (${firstCredential}): gets a token`,
      `2. registered a second public key: ${secondCredential}`,
      '3. both enabled; old key: gets a token, new key: gets a token',
      '5. old key removed; old key: refused (401), new key: gets a token',
      `enabled now: ${secondCredential}`,
    ]);
    expect(secondCredential).not.toBe(firstCredential);
  }, 90_000);
});
