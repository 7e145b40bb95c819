// get-clients-sdk.mjs: npm install auth0 (v7), then: node --env-file=.env get-clients-sdk.mjs
import { ManagementClient } from 'auth0';

const management = new ManagementClient({
  domain: process.env.AUTH0_DOMAIN ?? 'YOUR_DOMAIN',
  clientId: process.env.AUTH0_CLIENT_ID ?? 'YOUR_CLIENT_ID',
  clientSecret: process.env.AUTH0_CLIENT_SECRET, // from the environment, never from the code
});

// The SDK gets a token on the first call, keeps it, and refreshes it shortly before it expires.
// list() answers one page of 50; `for await` walks on through the next pages, so every
// application is printed, not only the first 50.
const clients = await management.clients.list({ fields: 'name,client_id', per_page: 50 });
for await (const client of clients) console.log(client.name, client.client_id);
