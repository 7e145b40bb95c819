// The Grant Auditor lists every client grant of the tenant. Run it: the Management API says no.
// Read the error, then fix the cause in the grant editor on this page, not in this code.
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
