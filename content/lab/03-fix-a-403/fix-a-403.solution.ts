// The code was never the problem. The 403 said "Insufficient scope, expected any of:
// read:client_grants": tick read:client_grants (and nothing else) for the Grant Auditor in the
// grant editor, save, and run this again. A new token carries the new scope; the old one never will.
const tokenResponse = await fetch(tokenLab.tokenUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    grant_type: 'client_credentials',
    client_id: tokenLab.clientId,
    client_secret: tokenLab.clientSecret,
    audience: tokenLab.audience,
  }),
});
const token = await tokenResponse.json();
if (!tokenResponse.ok) throw new Error(`${tokenResponse.status} ${token.error}: ${token.error_description}`);
console.log('token scopes:', token.scope);

const response = await fetch(`https://${tokenLab.domain}/api/v2/client-grants`, {
  headers: { authorization: `Bearer ${token.access_token}` },
});
const body = await response.json();
console.log(response.status, body);

export default body;
