// Run this once on each machine before the session. It does what every exercise relies on:
// a token request to the sandbox tenant in this browser, then one Management API call.
const tokenResponse = await fetch(tokenLab.tokenUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    grant_type: 'client_credentials',
    client_id: tokenLab.clientId,
    client_secret: tokenLab.clientSecret,
    audience: tokenLab.audience,
    scope: 'read:clients',
  }),
});
const token = await tokenResponse.json();
if (!tokenResponse.ok) throw new Error(`Token request failed: ${tokenResponse.status} ${token.error_description}`);

const clientsResponse = await fetch(`https://${tokenLab.domain}/api/v2/clients`, {
  headers: { authorization: `Bearer ${token.access_token}` },
});
if (!clientsResponse.ok) throw new Error(`API call failed: ${clientsResponse.status}`);
const clients: unknown[] = await clientsResponse.json();

console.log(`This browser is ready: a token, then ${clients.length} applications from the sandbox tenant.`);
export default 'ready';
