// get-clients-sdk.mjs: npm install auth0 (v7), then: node --env-file=.env get-clients-sdk.mjs
import { ManagementClient } from 'auth0';

const domain = process.env.AUTH0_DOMAIN ?? 'YOUR_DOMAIN';
// Only for trying it locally: the SDK always calls https://{domain}, so this fetch sends those
// requests to `npm run tenant` instead. Leave AUTH0_BASE_URL unset for a real tenant.
const localBaseUrl = process.env.AUTH0_BASE_URL;
const toLocal = (url, init) => fetch(String(url).replace(`https://${domain}`, localBaseUrl), init);

const management = new ManagementClient({
  domain,
  clientId: process.env.AUTH0_CLIENT_ID ?? 'YOUR_CLIENT_ID',
  clientSecret: process.env.AUTH0_CLIENT_SECRET, // from the environment, never from the code
  ...(localBaseUrl ? { fetch: toLocal } : {}),
});

// The SDK gets a token on the first call, keeps it, and refreshes it shortly before it expires.
// list() answers one page of 50; `for await` walks on through the next pages, so every
// application is printed, not only the first 50.
const clients = await management.clients.list({ fields: 'name,client_id', per_page: 50 });
for await (const client of clients) console.log(client.name, client.client_id);
