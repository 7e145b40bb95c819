// `npm run tenant`: the command line of the tenant's Node HTTP host (src/tenant/hosts/node-http.ts).
//
//   npm run tenant -- --port 4380 [--host 127.0.0.1] [--domain acme.auth0.test]
//   npm run tenant -- --https [--port 4380]   (https://localhost:4380, tenant domain localhost:4380)
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SEEDED_CREDENTIALS, type Tenant } from '../src/tenant/index.ts';
import { createLocalCertificates } from '../src/tenant/hosts/local-certificates.ts';
import { startTenantServer } from '../src/tenant/hosts/node-http.ts';
import { writeTrustFiles, type TrustFiles } from '../src/tenant/hosts/trust-files.ts';

const USAGE = 'Usage: npm run tenant -- [--port 4380] [--host 127.0.0.1] [--domain acme.auth0.test] [--https]';

function banner(tenant: Tenant, origin: string, trust?: TrustFiles): string {
  const app = SEEDED_CREDENTIALS.reporting;
  const lines = [
    `[tenant] Mocked Auth0 tenant "${tenant.domain}" listening on ${origin}`,
    '[tenant] Every secret below is a published sandbox value, not a real credential.',
    '',
    ...(trust ? httpsLines(tenant, trust) : []),
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

/**
 * The HTTPS sandbox's part of the banner: the variables a program reads, and the ones that make
 * each runtime trust this run's certificate authority, as `export` lines ready for `eval`.
 */
function httpsLines(tenant: Tenant, trust: TrustFiles): string[] {
  const app = SEEDED_CREDENTIALS.reporting;
  return [
    `Over HTTPS with a certificate authority made for this run; its public certificate and trust files are in ${trust.dir}`,
    '(removed when the tenant stops). Paste these lines into the shell that runs your program, or',
    'save this output to a file and eval "$(grep \'^export \' that-file)":',
    '',
    `export AUTH0_DOMAIN='${tenant.domain}'`,
    `export AUTH0_CLIENT_ID='${app.client_id}'`,
    `export AUTH0_CLIENT_SECRET='${app.client_secret}'`,
    ...trust.exports,
    '',
    ...trust.notes.map((note) => `[tenant] ${note}`),
    ...(trust.notes.length ? [''] : []),
  ];
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p', default: '4380' },
      host: { type: 'string', default: '127.0.0.1' },
      domain: { type: 'string' },
      https: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
  } else {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`[tenant] --port must be a whole number from 0 to 65535, not "${values.port}".`);
      process.exit(2);
    }
    try {
      const certificates = values.https ? createLocalCertificates() : undefined;
      const { tenant, origin } = await startTenantServer({
        port,
        host: values.host,
        ...(values.domain ? { domain: values.domain } : {}),
        ...(certificates ? { tls: { cert: certificates.certPem, key: certificates.keyPem } } : {}),
      });
      const trust = certificates ? await writeTrustFiles(certificates.caPem) : undefined;
      if (trust) {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) {
          process.once(signal, () => void rm(trust.dir, { recursive: true, force: true }).finally(() => process.exit(0)));
        }
      }
      console.log(banner(tenant, origin, trust));
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    }
  }
}
