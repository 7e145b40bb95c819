// list-applications.mjs: npm install auth0 (v7), then: node --env-file=.env list-applications.mjs
import { ManagementClient } from 'auth0';

const domain = process.env.AUTH0_DOMAIN ?? 'YOUR_DOMAIN';
// Only for trying it against `npm run tenant`: the SDK always calls https://{domain}, so this
// fetch sends those requests to AUTH0_BASE_URL instead. Leave it unset for a real tenant.
const localBaseUrl = process.env.AUTH0_BASE_URL;
const toLocal = (url, init) => fetch(String(url).replace(`https://${domain}`, localBaseUrl), init);
if (!process.env.AUTH0_CLIENT_SECRET) throw new Error('Set AUTH0_CLIENT_SECRET in the environment.');

// One client for the whole process, made once at start-up. It keeps its token in memory and
// reuses it until shortly before it expires; a client made per request would start with an
// empty cache and ask /oauth/token for a new token every time.
const management = new ManagementClient({
  domain,
  clientId: process.env.AUTH0_CLIENT_ID ?? 'YOUR_CLIENT_ID',
  clientSecret: process.env.AUTH0_CLIENT_SECRET,
  ...(localBaseUrl ? { fetch: toLocal } : {}),
});

async function listApplications() {
  const lines = [];
  // `for await` walks every page, not just the first 50 applications.
  for await (const app of await management.clients.list({ is_global: false, fields: 'name,client_id' })) {
    lines.push(`${app.name} ${app.client_id}`);
  }
  return lines;
}

console.log((await listApplications()).join('\n'));
// A service calls again and again; the second call reuses the cached token.
console.log(`Again: ${(await listApplications()).length} applications`);
