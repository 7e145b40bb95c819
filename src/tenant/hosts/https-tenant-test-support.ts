/**
 * For tests that run programs as a reader would against `npm run tenant -- --https`: the tenant
 * on https://localhost:N with a fresh authority, its trust files in a temporary folder, and the
 * environment a shell has after `eval`-ing the banner's export lines.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { createLocalCertificates } from './local-certificates.ts';
import { startTenantServer } from './node-http.ts';
import { writeTrustFiles, type TrustFiles } from './trust-files.ts';

const run = promisify(execFile);

export interface HttpsTenant {
  server: Awaited<ReturnType<typeof startTenantServer>>;
  trust: TrustFiles;
  /** The variables the export lines set (the CA ones; AUTH0_* are the caller's to choose). */
  trustEnvironment: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export async function startHttpsTenant(): Promise<HttpsTenant> {
  const certificates = createLocalCertificates();
  const server = await startTenantServer({ port: 0, tls: { cert: certificates.certPem, key: certificates.keyPem } });
  const trust = await writeTrustFiles(certificates.caPem);
  return {
    server,
    trust,
    trustEnvironment: await evaluatedExports(trust.exports),
    async close() {
      await server.close();
      rmSync(trust.dir, { recursive: true, force: true });
    },
  };
}

/** Runs the export lines in a bash with an empty environment and reads back what they set. */
async function evaluatedExports(lines: string[]): Promise<NodeJS.ProcessEnv> {
  const { stdout } = await run('bash', ['-c', `${lines.join('\n')}\nenv -0`], { env: {} });
  const pairs = stdout.split('\0').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const);
  // bash adds these three on its own; they are not the banner's.
  return Object.fromEntries(pairs.filter(([name]) => !['PWD', 'SHLVL', '_'].includes(name)));
}
