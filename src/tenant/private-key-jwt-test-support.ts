import { exportPKCS8, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWTHeaderParameters, type JWTPayload } from 'jose';
import type { Application } from './model.ts';
import type { Tenant } from './tenant.ts';
import { TenantError } from './tenant-error.ts';
import { addAuthorizedApp } from './hosts/testing.ts';
import { CLIENT_ASSERTION_TYPE } from './verify-client-assertion.ts';

/*
 * Shared set-up for the Private Key JWT tests (not a test file itself): key pairs as a service
 * would make them, an application switched to Private Key JWT, client assertions signed right or
 * wrong in one spot, and token requests that carry them.
 */

/** A key pair a service holds: the private key signs, the public PEM is what gets registered. */
export interface ServiceKey {
  readonly privateKey: CryptoKey;
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
  readonly alg: 'RS256' | 'RS384' | 'PS256';
}

/** A fresh RSA key pair (2048 bits unless asked) for `alg`. */
export async function serviceKey(alg: ServiceKey['alg'] = 'RS256', modulusLength = 2048): Promise<ServiceKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, modulusLength });
  return { privateKey, alg, privateKeyPem: await exportPKCS8(privateKey), publicKeyPem: await exportSPKI(publicKey) };
}

/** Registers `key` for `clientId`; returns the new credential's id and kid, or throws. */
export async function register(tenant: Tenant, clientId: string, key: ServiceKey, name?: string): Promise<{ id: string; kid: string }> {
  const created = await tenant.createCredential(clientId, { pem: key.publicKeyPem, alg: key.alg, ...(name === undefined ? {} : { name }) });
  if (created instanceof TenantError) throw new Error(`test set-up: credential refused (${created.message})`);
  return { id: created.id as string, kid: created.kid as string };
}

/** A machine-to-machine app granted `read:clients`, switched to Private Key JWT with one registered key. */
export async function privateKeyJwtApp(tenant: Tenant, key: ServiceKey): Promise<{ app: Application; credential: { id: string; kid: string } }> {
  const app = addAuthorizedApp(tenant, `Signer ${Math.random().toString(36).slice(2, 8)}`, ['read:clients']);
  const credential = await register(tenant, app.client_id, key, 'first key');
  const switched = tenant.usePrivateKeyJwt(app.client_id, [credential.id]);
  if (switched instanceof TenantError) throw new Error(`test set-up: switch refused (${switched.message})`);
  return { app: switched, credential };
}

let counter = 0;

/**
 * A client assertion for `clientId` signed with `key`, valid unless changed: iss = sub = the client
 * id, aud the tenant's URL, iat now and exp a minute later (tenant clock), a fresh jti. `claims`
 * replace or (as undefined) drop claims; `header` adds to the protected header.
 */
export async function signAssertion(tenant: Tenant, clientId: string, key: ServiceKey, changes: { claims?: Record<string, unknown>; header?: Partial<JWTHeaderParameters> } = {}): Promise<string> {
  const now = tenant.clock.nowSeconds();
  counter += 1;
  const claims: JWTPayload = { iss: clientId, sub: clientId, aud: tenant.issuer, iat: now, exp: now + 60, jti: `assertion-${counter}-${Math.random().toString(36).slice(2)}`, ...changes.claims };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, ...changes.header }).sign(key.privateKey);
}

/** POSTs a client-credentials request authenticated by `assertion` (form-encoded, as the SDKs send it). */
export function requestWithAssertion(tenant: Tenant, assertion: string, extra: Record<string, string> = {}): Promise<Response> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion, audience: tenant.managementAudience, ...extra });
  return fetch(`https://${tenant.domain}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
}
