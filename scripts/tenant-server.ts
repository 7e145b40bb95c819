// `npm run tenant`: the mocked tenant as a real HTTP server on the loopback interface, so
// curl, a backend or the official Auth0 SDK can talk to it. The same request handler the
// site's service worker and the Node tests use answers every request.
//
//   npm run tenant -- --port 4380 [--host 127.0.0.1] [--domain acme.auth0.test]
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import { createTenant, handleTenantRequest, SEEDED_CREDENTIALS, type Tenant } from '../src/tenant/index.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
// The tenant refuses bodies over 64 KiB itself; reading a little past that lets it say so.
const READ_LIMIT = 128 * 1024;

/** Options of {@link startTenantServer}. */
export interface TenantServerOptions {
  port: number;
  host?: string;
  domain?: string;
}

/** Starts the server; resolves once it listens. Used by the CLI below and by tests. */
export async function startTenantServer(options: TenantServerOptions) {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) {
    throw new Error(`[tenant] Refusing to listen on ${host}: the sandbox tenant only serves this machine (use 127.0.0.1).`);
  }
  // Real time passes on a local server, so tokens from it expire as they would on Auth0.
  const tenant = await createTenant({ ...(options.domain ? { domain: options.domain } : {}), clockSource: Date.now });
  const server = createServer((incoming, outgoing) => {
    void answer(tenant, incoming, outgoing);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return { tenant, server, origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function answer(tenant: Tenant, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  try {
    const body = await readBody(incoming);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
    // Route as the tenant's own URL so issued tokens name https://{domain}/ as their issuer.
    const url = new URL(incoming.url ?? '/', `https://${tenant.domain}`);
    const method = incoming.method ?? 'GET';
    const request = new Request(url, {
      method,
      headers,
      ...(body && method !== 'GET' && method !== 'HEAD' ? { body: new Uint8Array(body) } : {}),
    });
    const response = await handleTenantRequest(tenant, request);
    const payload = Buffer.from(await response.arrayBuffer());
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(payload);
  } catch (error) {
    // Only a broken connection or a body the platform cannot read lands here.
    if (!outgoing.headersSent) {
      outgoing.writeHead(400, { 'content-type': 'application/json' });
    }
    outgoing.end(JSON.stringify({ statusCode: 400, error: 'Bad Request', message: error instanceof Error ? error.message : 'Unreadable request' }));
  }
}

function readBody(incoming: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= READ_LIMIT) chunks.push(chunk);
    });
    incoming.on('end', () => resolve(size === 0 ? null : Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

function banner(tenant: Tenant, origin: string): string {
  const app = SEEDED_CREDENTIALS.reporting;
  const lines = [
    `[tenant] Mocked Auth0 tenant "${tenant.domain}" listening on ${origin}`,
    '[tenant] Every secret below is a published sandbox value, not a real credential.',
    '',
    'Seeded applications:',
    ...Object.values(SEEDED_CREDENTIALS).map(
      (credential) =>
        `  ${credential.name.padEnd(26)} client_id=${credential.client_id}\n` +
        `  ${''.padEnd(26)} client_secret=${credential.client_secret}\n` +
        `  ${''.padEnd(26)} scopes=${credential.scopes.length ? (credential.scopes.length > 4 ? `${credential.scopes.length} Management API scopes` : credential.scopes.join(' ')) : '(no client grant)'}`,
    ),
    '',
    'Get a token:',
    `  curl --request POST --url ${origin}/oauth/token \\`,
    `    --header 'content-type: application/json' \\`,
    `    --data '{"grant_type":"client_credentials","client_id":"${app.client_id}","client_secret":"${app.client_secret}","audience":"${tenant.managementAudience}"}'`,
    '',
    'Then list applications with it:',
    `  curl ${origin}/api/v2/clients --header "authorization: Bearer $TOKEN"`,
    '',
    'Stop with Ctrl+C.',
  ];
  return lines.join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p', default: '4380' },
      host: { type: 'string', default: '127.0.0.1' },
      domain: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: npm run tenant -- [--port 4380] [--host 127.0.0.1] [--domain acme.auth0.test]');
  } else {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`[tenant] --port must be a whole number from 0 to 65535, not "${values.port}".`);
      process.exit(2);
    }
    try {
      const { tenant, origin } = await startTenantServer({ port, host: values.host, ...(values.domain ? { domain: values.domain } : {}) });
      console.log(banner(tenant, origin));
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    }
  }
}
