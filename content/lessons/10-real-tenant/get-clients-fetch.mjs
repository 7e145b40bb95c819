// get-clients.mjs: Node 22 or later, no dependencies. Run: node --env-file=.env get-clients.mjs
const domain = process.env.AUTH0_DOMAIN ?? 'YOUR_DOMAIN';
const clientId = process.env.AUTH0_CLIENT_ID ?? 'YOUR_CLIENT_ID';
const clientSecret = process.env.AUTH0_CLIENT_SECRET; // from the environment, never from the code
const baseUrl = `https://${domain}`;
if (!clientSecret) throw new Error('Set AUTH0_CLIENT_SECRET in the environment.');

const tokenResponse = await fetch(`${baseUrl}/oauth/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
    audience: `https://${domain}/api/v2/`,
  }),
});
const token = await tokenResponse.json();
if (!tokenResponse.ok) throw new Error(`Token request failed: ${tokenResponse.status} ${token.error}: ${token.error_description}`);

// The API answers 50 applications a page: ask for the next page until one comes back short.
const PER_PAGE = 50;
for (let page = 0; ; page += 1) {
  const clientsResponse = await fetch(`${baseUrl}/api/v2/clients?fields=name,client_id&per_page=${PER_PAGE}&page=${page}`, {
    headers: { authorization: `Bearer ${token.access_token}` },
  });
  const clients = await clientsResponse.json();
  if (!clientsResponse.ok) throw new Error(`Management API said ${clientsResponse.status}: ${clients.message}`);
  for (const client of clients) console.log(client.name, client.client_id);
  if (clients.length < PER_PAGE) break;
}
