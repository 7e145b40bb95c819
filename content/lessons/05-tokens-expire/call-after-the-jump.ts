// Paste a token from "Copy token" above between the quotes to reuse it here.
// Left empty, the code asks /oauth/token for a fresh one (tenant time decides its exp).
const pasted = '';

async function freshToken(): Promise<string> {
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
  return (await response.json()).access_token;
}

const token = pasted || (await freshToken());
const clients = await fetch(`https://${tokenLab.domain}/api/v2/clients?fields=name`, {
  headers: { authorization: `Bearer ${token}` },
});
console.log(pasted ? 'the pasted token' : 'a fresh token', '→', clients.status);

export default await clients.json();
