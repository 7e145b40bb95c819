// A token supply for a server process. Fill in getToken(), then Run: the harness at the
// bottom calls it the way a busy server would and counts the token requests it caused.
const LEEWAY_MS = 60_000; // refresh a minute before the token expires

// The harness moves this clock to test the refresh: read the time through it, not Date.now().
let now = () => Date.now();

let tokenRequests = 0;
async function requestToken(): Promise<{ access_token: string; expires_in: number }> {
  tokenRequests += 1;
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

async function getToken(): Promise<string> {
  // TODO 1: if `cached` is good for longer than LEEWAY_MS from now(), return cached.token.
  // TODO 2: if a request is already on its way (`inFlight`), return that promise: don't send another.
  // TODO 3: otherwise start one with requestToken(), keep its promise in `inFlight`, store the token
  //         and its expiry (now() + expires_in * 1000) in `cached`, and clear `inFlight` when it
  //         settles, whether it succeeded or failed.
  const body = await requestToken();
  return body.access_token;
}

// ---- Harness: leave this part as it is. ----
await Promise.all([getToken(), getToken(), getToken(), getToken(), getToken()]);
console.log(`5 concurrent calls: ${tokenRequests} token request(s) so far (want 1)`);
await getToken();
console.log(`1 more call a moment later: ${tokenRequests} in total (want 1)`);
const start = Date.now();
now = () => start + (86_400 - 30) * 1000; // 30 s before the token expires
await Promise.all([getToken(), getToken(), getToken()]);
console.log(`3 concurrent calls 30 s before expiry: ${tokenRequests} in total (want 2)`);
console.log(tokenRequests === 2 ? 'PASS: one shared request per refresh.' : 'Not yet: see the TODOs.');

export default { tokenRequests, want: 2 };
