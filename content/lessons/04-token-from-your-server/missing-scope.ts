// A token that holds only read:clients, used on an endpoint that needs read:client_grants.
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
const { access_token } = await tokenResponse.json();

const grantsResponse = await fetch(`https://${tokenLab.domain}/api/v2/client-grants`, {
  headers: { authorization: `Bearer ${access_token}` },
});
console.log('status:', grantsResponse.status);

// Read the body below line by line; the page explains each field.
export default await grantsResponse.json();
