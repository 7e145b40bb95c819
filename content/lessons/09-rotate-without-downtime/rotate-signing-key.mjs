// Rotates a service's Private Key JWT signing key with no moment in which it cannot get a token.
// Run against a tenant: AUTH0_DOMAIN, OPERATOR_CLIENT_ID / OPERATOR_CLIENT_SECRET (an application
// granted read:clients, update:clients and read:, create:, delete:client_credentials) and
// SERVICE_CLIENT_ID (the service whose key is rotated; it must use Private Key JWT already, with
// one credential, and its private key in SERVICE_KEY_PEM). Needs the auth0 (tested with 7.1.0) and jose
// packages. Prints one line per step.
import { ManagementClient } from 'auth0';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';

const { AUTH0_DOMAIN: domain, OPERATOR_CLIENT_ID, OPERATOR_CLIENT_SECRET, SERVICE_CLIENT_ID: service, SERVICE_KEY_PEM: oldKeyPem } = process.env;
const operator = new ManagementClient({ domain, clientId: OPERATOR_CLIENT_ID, clientSecret: OPERATOR_CLIENT_SECRET });

/** The service as it runs: the SDK signs a client assertion with `keyPem` for every token it needs. */
async function serviceCanWork(keyPem) {
  const asService = new ManagementClient({ domain, clientId: service, clientAssertionSigningKey: keyPem, clientAssertionSigningAlg: 'RS256', maxRetries: 0 });
  try {
    await asService.clients.get(service);
    return 'gets a token';
  } catch (error) {
    return `refused (${error.statusCode ?? error.message})`;
  }
}

const enabled = async () => (await operator.clients.get(service)).client_authentication_methods.private_key_jwt.credentials.map((credential) => credential.id);
const [oldId] = await enabled();
console.log(`1. the service signs with its current key (${oldId}): ${await serviceCanWork(oldKeyPem)}`);

// 2. A second key pair. In production the service makes it where it runs, and only the public
//    half leaves; Auth0 keeps at most two credentials per application.
const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
const newKeyPem = await exportPKCS8(privateKey);
const created = await operator.clients.credentials.create(service, { credential_type: 'public_key', name: 'signing key 2', pem: await exportSPKI(publicKey), alg: 'RS256' });
console.log(`2. registered a second public key: ${created.id}`);

// 3. Both keys enabled: every instance keeps working whichever key it signs with.
await operator.clients.update(service, { client_authentication_methods: { private_key_jwt: { credentials: [{ id: oldId }, { id: created.id }] } } });
console.log(`3. both enabled; old key: ${await serviceCanWork(oldKeyPem)}, new key: ${await serviceCanWork(newKeyPem)}`);

// 4. Deploy the new private key to every instance (here: from now on the service uses newKeyPem).
// 5. Only then take the old key out of the list, and delete it.
await operator.clients.update(service, { client_authentication_methods: { private_key_jwt: { credentials: [{ id: created.id }] } } });
await operator.clients.credentials.delete(service, oldId);
console.log(`5. old key removed; old key: ${await serviceCanWork(oldKeyPem)}, new key: ${await serviceCanWork(newKeyPem)}`);
console.log(`enabled now: ${(await enabled()).join(', ')}`);
