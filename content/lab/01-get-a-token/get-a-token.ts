// Goal: get a Management API token with the client-credentials grant and return it.
// tokenLab holds your application's credentials: clientId, clientSecret, audience, tokenUrl.
const response = await fetch(tokenLab.tokenUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    // TODO: which grant does a machine-to-machine application use?
    client_id: tokenLab.clientId,
    client_secret: tokenLab.clientSecret,
    // TODO: which API is the token for?
  }),
});
const body = await response.json();
console.log(response.status, body);

// TODO: return the access token itself, not the whole body.
export default body;
