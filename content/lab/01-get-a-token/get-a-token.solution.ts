// The client-credentials grant: the app proves who it is with its own id and secret, and names
// the API the token is for. No user, no browser.
const response = await fetch(tokenLab.tokenUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    grant_type: 'client_credentials',
    client_id: tokenLab.clientId,
    client_secret: tokenLab.clientSecret,
    audience: tokenLab.audience,
  }),
});
const body = await response.json();
if (!response.ok) throw new Error(`${response.status} ${body.error}: ${body.error_description}`);
console.log(`Got a ${body.token_type} token for ${body.expires_in / 3600} hours, scopes: ${body.scope}`);

export default body.access_token as string;
