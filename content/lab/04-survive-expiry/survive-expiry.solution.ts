// A token supply that lasts: cache the token with its expiry, fetch the next one a minute early,
// and let callers that arrive together share one request.
const LEEWAY_MS = 60_000; // how long before expiry to fetch the next token

// The tenant's time (ms). Read time through this, not Date.now(): the harness moves it.
const now = () => tokenLab.clock.now();

async function requestToken(): Promise<{ access_token: string; expires_in: number }> {
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
  return body;
}

let cached: { token: string; expiresAt: number } | undefined;
let inFlight: Promise<string> | undefined;

// Not async on purpose: `inFlight` is set before anything awaits, so a caller arriving a moment
// later finds it and waits for the same request.
function getToken(): Promise<string> {
  if (cached && cached.expiresAt - LEEWAY_MS > now()) return Promise.resolve(cached.token);
  inFlight ??= requestToken()
    .then((body) => {
      cached = { token: body.access_token, expiresAt: now() + body.expires_in * 1000 };
      return body.access_token;
    })
    .finally(() => {
      inFlight = undefined; // a failed request is not cached: the next caller tries again
    });
  return inFlight;
}

// ---- Harness: leave this part as it is. ----
let calls = 0;
async function callApi(): Promise<number> {
  const response = await fetch(`https://${tokenLab.domain}/api/v2/clients/${tokenLab.clientId}`, {
    headers: { authorization: `Bearer ${await getToken()}` },
  });
  calls += 1;
  if (!response.ok) console.warn(`call ${calls}: ${response.status} ${(await response.json()).message}`);
  return response.status;
}

await Promise.all([callApi(), callApi(), callApi(), callApi(), callApi()]); // a cold start: five at once
for (let hour = 2; hour <= 72; hour += 2) {
  if (hour % 24 === 0) {
    await tokenLab.clock.advance(2 * 3600 - 30); // 30 seconds before another day is up
    await callApi();
    await tokenLab.clock.advance(30);
  } else {
    await tokenLab.clock.advance(2 * 3600);
  }
  await callApi();
}
console.log(`${calls} API calls over three virtual days. Press Check to see how the tenant saw them.`);
