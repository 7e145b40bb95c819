/**
 * The Node HTTP host: the mocked tenant as a real server on the loopback interface, so curl, a
 * backend or an official Auth0 SDK can talk to it. Every request goes to the same
 * handleTenantRequest that the page (answering its run workers) and the Node tests use; this file only
 * turns Node's request and response objects into fetch's and back.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createTenant, handleTenantRequest, type Tenant } from '../index.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
// The tenant refuses bodies over 64 KiB itself; reading a little past that lets it say so.
const READ_LIMIT = 128 * 1024;

/** Options of {@link startTenantServer}. */
export interface TenantServerOptions {
  port: number;
  host?: string;
  /**
   * The tenant's domain. Over HTTPS it defaults to `localhost:<port>`, so an SDK given that as
   * its domain builds the tenant's own token URL, audience and issuer; over HTTP, to the default.
   */
  domain?: string;
  /** Serve HTTPS with this certificate and key (PEM), e.g. from `createLocalCertificates`. */
  tls?: { cert: string; key: string };
}

/** Starts the server; resolves once it listens. Used by `npm run tenant`, the bench and tests. */
export async function startTenantServer(options: TenantServerOptions) {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) {
    throw new Error(`[tenant] Refusing to listen on ${host}: the sandbox tenant only serves this machine (use 127.0.0.1).`);
  }
  // The tenant is made once the port is known (a port of 0 picks one), since over HTTPS its
  // domain names the port; nothing can connect before listen() resolves anyway.
  let tenant: Tenant | undefined;
  const handler = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (tenant) void answer(tenant, incoming, outgoing);
    else outgoing.writeHead(503).end();
  };
  const server: Server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handler) : createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const domain = options.domain ?? (options.tls ? `localhost:${port}` : undefined);
  try {
    // Real time passes on a local server, so tokens from it expire as they would on Auth0.
    tenant = await createTenant({ ...(domain ? { domain } : {}), clockSource: Date.now });
  } catch (error) {
    server.close();
    throw error;
  }
  const origin = options.tls ? `https://localhost:${port}` : `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
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
