// `npm run tenant`: the command line of the tenant's Node HTTP host (src/tenant/hosts/node-http.ts).
//
//   npm run tenant -- --port 4380 [--host 127.0.0.1] [--domain acme.auth0.test]
import { parseArgs } from 'node:util';
import { SEEDED_CREDENTIALS, type Tenant } from '../src/tenant/index.ts';
import { startTenantServer } from '../src/tenant/hosts/node-http.ts';

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
