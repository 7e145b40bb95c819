// Contain what can be contained, and be honest about what cannot: rotating the secret stops the
// thief from minting new tokens, but the token already taken works until its exp.
import { decodeJwt } from 'jose';

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

const mine = await tokenFor(tokenLab.clientId, tokenLab.clientSecret);
if (mine.status !== 200) throw new Error(`no responder token: ${mine.status} ${mine.body.error_description}`);

const rotated = await fetch(`${api}/clients/${encodeURIComponent(leak.clientId)}/rotate-secret`, {
  method: 'POST',
  headers: { authorization: `Bearer ${mine.body.access_token}` },
});
console.log('rotate-secret:', rotated.status); // the new secret is in the body: hand it to the app's owners, not to a log

// The old secret keeps working while the new one switches in (up to about 30 s on Auth0, exactly
// 30 s of the sandbox's clock here): move the clock past the switch before testing it.
await tokenLab.clock.advance(30);

const withOldSecret = await tokenFor(leak.clientId, leak.clientSecret);
console.log('old secret now gets:', withOldSecret.status, withOldSecret.body.error); // 401 access_denied

const { exp } = decodeJwt(leak.accessToken);
const hoursLeft = ((exp ?? 0) * 1000 - tokenLab.clock.now()) / 3_600_000;
console.log(`the leaked token stays usable for ${hoursLeft.toFixed(1)} more hours`);
export default hoursLeft;
