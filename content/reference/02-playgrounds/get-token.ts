// Ask the mocked tenant for a Management API token with the client-credentials grant.
// `tokenLab` holds your sandbox tenant and application; nothing here is a real secret.
const response = await fetch(`https://${tokenLab.domain}/oauth/token`, {
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
console.log(response.status, body.scope, `expires in ${body.expires_in} s`);

// Whatever you export as default shows as the result; a token becomes a chip you can open.
export default body.access_token;
