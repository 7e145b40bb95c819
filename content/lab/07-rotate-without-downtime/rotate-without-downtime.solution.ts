// A rotation with no failed request: the fleet holds the old and the new secret while the new
// one switches in, and loses the old only once the tenant has stopped accepting it.
// The Billing Worker runs as a fleet of three instances (simulated by the sandbox) that each ask
// /oauth/token for a token as they start and every 10 s of sandbox time, trying the secrets
// deployed to them in order. tokenLab.input is { clientId, clientSecret }: the Billing Worker and
// the secret its fleet runs with now. You act as the Secrets Operator (tokenLab.clientId /
// clientSecret), granted update:client_keys.
const billing = tokenLab.input as { clientId: string; clientSecret: string };
const api = `https://${tokenLab.domain}/api/v2`;
const fleetUrl = `https://${tokenLab.domain}/__sandbox/fleet`;

interface Fleet {
  rollout_complete: boolean;
  totals: { ok: number; fallback: number; failed: number };
  fetches: { instance: number; from: string; count: number; tries: string[]; outcome: string }[];
}

async function operatorToken(): Promise<string> {
  const response = await fetch(tokenLab.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: tokenLab.clientId, client_secret: tokenLab.clientSecret, audience: tokenLab.audience }),
  });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`no operator token: ${response.status} ${body.error_description}`);
  return body.access_token;
}

/** Hands the fleet these secrets, tried in this order. It rolls out one instance every 10 s. */
async function deploy(secrets: string[]): Promise<void> {
  const response = await fetch(fleetUrl, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: billing.clientId, client_secrets: secrets }),
  });
  if (response.status !== 200) throw new Error(`deploy refused: ${response.status} ${(await response.json()).message}`);
}

async function readFleet(): Promise<Fleet> {
  return (await fetch(fleetUrl)).json();
}

/** Moves the sandbox clock until every instance runs the last deployment. */
async function waitForRollout(): Promise<void> {
  while (!(await readFleet()).rollout_complete) await tokenLab.clock.advance(5);
}

const token = await operatorToken();

const rotated = await fetch(`${api}/clients/${encodeURIComponent(billing.clientId)}/rotate-secret`, {
  method: 'POST',
  headers: { authorization: `Bearer ${token}` },
});
if (rotated.status !== 200) throw new Error(`rotate-secret answered ${rotated.status}`);
const { client_secret: newSecret } = await rotated.json();

// 1. Both secrets, the old one first: it keeps working until the switch, and the new one takes
//    over as the fallback the moment the old is refused.
await deploy([billing.clientSecret, newSecret]);
await waitForRollout();

// 2. The switch: on Auth0 a new secret may take up to about 30 s to work; the sandbox makes it
//    exactly 30 s of its clock after the rotation. Wait until it is surely over.
await tokenLab.clock.advance(30);

// 3. Only the new secret, once the old one is dead anyway.
await deploy([newSecret]);
await waitForRollout();

const fleet = await readFleet();
console.log('fleet fetches:', fleet.totals); // failed: 0
export default fleet.totals;
