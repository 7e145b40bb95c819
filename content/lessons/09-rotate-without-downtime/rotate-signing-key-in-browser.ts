// A Private Key JWT key rotation, done here in the browser with jose: the key pairs are made in
// this page and their private halves never leave it. tokenLab.input is { serviceId }: "Drill:
// Signing Service", reset to its client secret before every run. You act as "Drill: Key Operator"
// (read:clients, update:clients, read:, create: and delete:client_credentials).
import { SignJWT, exportSPKI, generateKeyPair } from 'jose';

const { serviceId } = tokenLab.input as { serviceId: string };
const api = `https://${tokenLab.domain}/api/v2`;
type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

async function operatorToken(): Promise<string> {
  const response = await fetch(tokenLab.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: tokenLab.clientId, client_secret: tokenLab.clientSecret, audience: tokenLab.audience }),
  });
  return (await response.json()).access_token;
}
const operator = await operatorToken();

async function manage(method: string, path: string, body?: unknown) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${operator}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${(await response.json()).message}`);
  return response.status === 204 ? undefined : response.json();
}

/** A new key pair and its public half registered for the service. */
async function newKey(name: string): Promise<{ id: string; privateKey: Key }> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const credential = await manage('POST', `/clients/${serviceId}/credentials`, { credential_type: 'public_key', name, pem: await exportSPKI(publicKey), alg: 'RS256' });
  return { id: credential.id, privateKey };
}

async function enable(ids: string[]) {
  await manage('PATCH', `/clients/${serviceId}`, { token_endpoint_auth_method: null, client_authentication_methods: { private_key_jwt: { credentials: ids.map((id) => ({ id })) } } });
}

/** What the service gets when it signs its request with `key`: a client assertion, used once. */
async function tokenWith(key: Key): Promise<string> {
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(serviceId)
    .setSubject(serviceId)
    .setAudience(`https://${tokenLab.domain}/`)
    .setIssuedAt(Math.floor(tokenLab.clock.now() / 1000))
    .setExpirationTime(Math.floor(tokenLab.clock.now() / 1000) + 60)
    .setJti(crypto.randomUUID())
    .sign(key);
  const response = await fetch(tokenLab.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: serviceId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      audience: tokenLab.audience,
    }),
  });
  return response.status === 200 ? 'token' : `refused (${response.status})`;
}

const first = await newKey('signing key 1');
await enable([first.id]);
console.log('1. one key enabled; signed with it:', await tokenWith(first.privateKey));

const second = await newKey('signing key 2');
await enable([first.id, second.id]);
console.log('2. both enabled; old key:', await tokenWith(first.privateKey), '| new key:', await tokenWith(second.privateKey));

// 3. Every instance now signs with second.privateKey (a deploy, in real life).
await enable([second.id]);
await manage('DELETE', `/clients/${serviceId}/credentials/${first.id}`);
console.log('4. old key removed; old key:', await tokenWith(first.privateKey), '| new key:', await tokenWith(second.privateKey));
export default (await manage('GET', `/clients/${serviceId}/credentials`)).map((credential: { name: string }) => credential.name);
