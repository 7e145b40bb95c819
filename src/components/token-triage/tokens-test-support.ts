/**
 * Tokens for the triage's unit tests, signed at a frozen `NOW` so dates and "… ago" read the
 * same on every run. Test-only: nothing on a page imports it.
 */
import { generateKeyPair, SignJWT } from 'jose';
import { MANAGEMENT_ROUTES } from '../../tenant/index.ts';
import { triage, type TriageReport } from './triage.ts';

export const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
export const NOW_S = NOW / 1000;
export const DOMAIN = 'example-corp.eu.auth0.com';
export const GLOBAL_CLIENT_ID = 'Xq3sV9aLk2Pz7RtB1nC4dE6fG8hJ0mQw';
const { privateKey } = await generateKeyPair('RS256');
const globalSecret = new TextEncoder().encode('a-global-client-secret-for-tests-only');

/** The old explorer's way: HS256 with the Global Client Secret, the Global Client ID as aud. */
export function handSigned(claims: Record<string, unknown> = {}, issuedAgo = 3600): Promise<string> {
  return new SignJWT({ scope: 'read:clients read:client_keys', iat: NOW_S - issuedAgo, ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(`https://${DOMAIN}/`)
    .setAudience(GLOBAL_CLIENT_ID)
    .sign(globalSecret);
}

/**
 * An RS256 Management API token living `lifetime` seconds, issued `issuedAgo` seconds before NOW.
 * `claims` win over the defaults, so `{ exp: 'tomorrow' }` makes a malformed one.
 */
export function managementToken(lifetime: number, claims: Record<string, unknown> = {}, issuedAgo = 3600): Promise<string> {
  return new SignJWT({
    iss: `https://${DOMAIN}/`,
    sub: 'svcClient000000000000000000000001@clients',
    aud: `https://${DOMAIN}/api/v2/`,
    iat: NOW_S - issuedAgo,
    exp: NOW_S - issuedAgo + lifetime,
    scope: 'read:clients',
    gty: 'client-credentials',
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'key-1' })
    .sign(privateKey);
}

/** An application's client id, as the iss and sub of its client assertions. */
export const APP_CLIENT_ID = 'svcClient000000000000000000000002';
// The application's own key pair: an assertion is signed by the application, never by the tenant.
const { privateKey: appPrivateKey } = await generateKeyPair('RS256');

/**
 * A Private Key JWT client assertion as an SDK makes one: iss = sub = the client id, aud the
 * tenant URL, a jti, 60 seconds from iat to exp, issued `issuedAgo` seconds before NOW. `claims`
 * win over the defaults; `{ jti: undefined }` leaves one out.
 */
export function clientAssertion(claims: Record<string, unknown> = {}, issuedAgo = 10, alg = 'RS256'): Promise<string> {
  const key = alg.startsWith('HS') ? new TextEncoder().encode('an-application-secret-for-tests-only') : appPrivateKey;
  return new SignJWT({
    iss: APP_CLIENT_ID,
    sub: APP_CLIENT_ID,
    aud: `https://${DOMAIN}/`,
    iat: NOW_S - issuedAgo,
    exp: NOW_S - issuedAgo + 60,
    jti: '3f6c2a9e-8b1d-4c47-9e2a-5d0b7f1c4e88',
    ...claims,
  })
    .setProtectedHeader({ alg, typ: 'JWT' })
    .sign(key);
}

/** The triage of `text` against the sandbox's route table at NOW. */
export function check(text: string): TriageReport {
  return triage(text, MANAGEMENT_ROUTES, NOW);
}

/** What `base64` prints for `echo "$token"`: standard alphabet, padded, with echo's newline. */
export function base64Of(text: string): string {
  return Buffer.from(text).toString('base64');
}
