import { decodeJwt } from 'jose';

// Get a token, then use it on the Management API.
const tokenResponse = await fetch(`https://${tokenLab.domain}/oauth/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    grant_type: 'client_credentials',
    client_id: tokenLab.clientId,
    client_secret: tokenLab.clientSecret,
    audience: tokenLab.audience,
  }),
});
const { access_token } = await tokenResponse.json();
console.info('scopes in the token:', decodeJwt(access_token).scope);

const clients = await fetch(`https://${tokenLab.domain}/api/v2/clients?fields=name,client_id`, {
  headers: { authorization: `Bearer ${access_token}` },
});
const list: Array<{ name: string; client_id: string }> = await clients.json();

export default list.map((client) => client.name);
