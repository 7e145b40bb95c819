// Lists every application of an Auth0 tenant, one "<client_id>\t<name>" line each, with the
// official Node SDK. Reads AUTH0_DOMAIN, AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET and nothing else.
import { ManagementClient } from 'auth0';

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} in the environment (from your secret store).`);
    process.exit(1);
  }
  return value;
}

// One client for the whole process. Given a client ID and secret, it asks /oauth/token for a
// token on the first call, keeps it in memory and asks again only shortly before it expires; a
// client made per request would start with no token and ask every time.
const management = new ManagementClient({
  domain: required('AUTH0_DOMAIN'),
  clientId: required('AUTH0_CLIENT_ID'),
  clientSecret: required('AUTH0_CLIENT_SECRET'),
});

// `for await` over the returned page fetches the next page when this one runs out, so every
// application is listed, not the first 50.
const applications = await management.clients.list({ is_global: false, fields: 'client_id,name', include_fields: true, per_page: 50 });
for await (const app of applications) {
  console.log(`${app.client_id}\t${app.name}`);
}
