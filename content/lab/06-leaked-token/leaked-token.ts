// A paste site has the Leaky Service's client secret and one of its access tokens:
// tokenLab.input is { clientId, clientSecret, accessToken }. You act as the Incident Responder
// (tokenLab.clientId / clientSecret), an app granted update:client_keys.
const leak = tokenLab.input as { clientId: string; clientSecret: string; accessToken: string };
const api = `https://${tokenLab.domain}/api/v2`;

async function tokenFor(clientId: string, clientSecret: string) {
  const response = await fetch(tokenLab.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, audience: tokenLab.audience }),
  });
  return { status: response.status, body: await response.json() };
}

// Step 1: a token for the responder.
const mine = await tokenFor(tokenLab.clientId, tokenLab.clientSecret);
console.log('responder token:', mine.status, mine.body.scope);

// TODO step 2: rotate the leaked app's secret: POST `${api}/clients/<its client id>/rotate-secret`.
// TODO step 3: show the leaked secret no longer gets a token (what status do you expect?).
// TODO step 4: how many hours can the thief still use leak.accessToken? Return that number.
export default 0;
