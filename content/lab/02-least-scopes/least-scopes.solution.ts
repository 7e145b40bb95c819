// Ask for exactly what the job needs. Without `scope`, the token would carry every scope of the
// grant, read:client_keys included, and a leaked copy could read client secrets.
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
const { access_token, scope } = await tokenResponse.json();
console.log('token scopes:', scope);

const listResponse = await fetch(`https://${tokenLab.domain}/api/v2/clients`, {
  headers: { authorization: `Bearer ${access_token}` },
});
if (!listResponse.ok) throw new Error(`GET /api/v2/clients answered ${listResponse.status}`);
const apps: Array<{ name: string; client_id: string }> = await listResponse.json();
console.log(apps.map((app) => app.name));

export default apps;
