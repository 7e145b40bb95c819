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

// How the last rotation was done. Run it, and read what the fleet went through.
const rotated = await fetch(`${api}/clients/${encodeURIComponent(billing.clientId)}/rotate-secret`, {
  method: 'POST',
  headers: { authorization: `Bearer ${token}` },
});
const { client_secret: newSecret } = await rotated.json();
await deploy([newSecret]);
await waitForRollout();
await tokenLab.clock.advance(60);

const fleet = await readFleet();
for (const entry of fleet.fetches.filter((fetched) => fetched.outcome === 'failed')) {
  console.log(`instance ${entry.instance}: ${entry.count} failed fetch(es) from ${entry.from} (tries: ${entry.tries.join(', ')})`);
}
export default fleet.totals;
