// Goal: list the tenant's applications with a token that can do that and nothing more.
// This playground acts as the Reporting Service, granted read:clients and read:client_keys.
const tokenResponse = await fetch(tokenLab.tokenUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    grant_type: 'client_credentials',
    client_id: tokenLab.clientId,
    client_secret: tokenLab.clientSecret,
    audience: tokenLab.audience,
    // TODO: ask only for the scope that listing applications needs.
  }),
});
const { access_token, scope } = await tokenResponse.json();
console.log('token scopes:', scope);

// TODO: call GET https://<domain>/api/v2/clients with the token and return the list.
export default [];
