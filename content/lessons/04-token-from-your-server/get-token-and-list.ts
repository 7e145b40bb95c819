// 1. Your server asks the tenant for a Management API token (the client-credentials grant).
//    Try scope = 'read:clients', then 'read:client_keys', and compare what comes back.
const scope = 'read:clients';

const tokenResponse = await fetch(tokenLab.tokenUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    grant_type: 'client_credentials',
    client_id: tokenLab.clientId,
    client_secret: tokenLab.clientSecret, // lives on the server, never in a browser
    audience: tokenLab.audience,
    scope, // optional: leave it out to get every scope of the client grant
  }),
});
const token = await tokenResponse.json();
if (!tokenResponse.ok) throw new Error(`${tokenResponse.status} ${token.error}: ${token.error_description}`);
console.log('token scopes:', token.scope, `| lifetime: ${token.expires_in} s`);

// 2. Use it as a Bearer token on the Management API.
const clientsResponse = await fetch(`https://${tokenLab.domain}/api/v2/clients`, {
  headers: { authorization: `Bearer ${token.access_token}` },
});
const clients: Array<Record<string, unknown>> = await clientsResponse.json();
console.log(clientsResponse.status, `${clients.length} applications`);

// 3. The fields you get depend on the token's scopes.
const first = clients[0] ?? {};
console.log('fields of the first application:', Object.keys(first).join(', '));
console.log('client_secret visible?', 'client_secret' in first ? 'yes' : 'no');

export default clients.map((client) => client.name);
