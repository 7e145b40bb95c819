/**
 * The leak drill's moves, carried out on a tenant through its public methods and real HTTP:
 * leak a token, apply one remedy, then try the leaked token and a new token request side by side.
 * No DOM here, so every remedy's effect is checked against a real tenant in the unit tests.
 */
import { decodeToken } from '../../playground/decode-jwt.ts';
import { SECRET_SWITCH_SECONDS, TenantError, type Tenant } from '../../tenant/index.ts';
import { accessTokenOf, callManagementApi, requestToken, type HttpOutcome } from '../tenant-widgets/tenant-http.ts';

/** What leaked: the token, and the credentials of the app at that moment. */
export interface Leak {
  readonly clientId: string;
  /** The secret the app had when the token leaked (a thief who had the logs may have it too). */
  readonly secretAtLeak: string;
  readonly token: string;
}

export type RemedyId = 'delete-grant' | 'rotate-secret' | 'wait-out-exp';

/** One attempt shown in the "new token requests" column. */
export interface Attempt {
  readonly label: string;
  readonly request: string;
  readonly outcome: HttpOutcome;
}

export interface RemedyResult {
  /** What was done, in a sentence. */
  readonly done: string;
  readonly oldToken: Attempt;
  readonly newRequests: readonly Attempt[];
}

/** The request every "does the leaked token still work" check makes. */
export const PROBE = { method: 'GET', path: '/api/v2/clients' } as const;

type Fetch = typeof fetch;

/** Issues a token for the app with the secret the tenant accepts now; the outcome when the tenant refuses. */
export async function leakToken(tenant: Tenant, clientId: string, fetchImpl: Fetch): Promise<Leak | HttpOutcome> {
  const app = tenant.application(clientId);
  if (!app) return { status: 404, body: { message: `No application ${clientId} in the sandbox.` } };
  // A rotation made elsewhere on the page (a playground) may still be switching: until it has,
  // the secret that gets tokens is the one before it.
  const secret = tenant.secretSwitch(clientId)?.previousSecret ?? app.client_secret;
  const outcome = await requestToken(tenant.domain, { clientId, clientSecret: secret, audience: tenant.managementAudience }, fetchImpl);
  const token = accessTokenOf(outcome);
  return token === undefined ? outcome : { clientId, secretAtLeak: secret, token };
}

/** Applies one remedy and shows its effect on the leaked token and on new token requests. */
export async function applyRemedy(tenant: Tenant, remedy: RemedyId, leak: Leak, fetchImpl: Fetch): Promise<RemedyResult> {
  let done: string;
  switch (remedy) {
    case 'delete-grant': {
      const grant = tenant.managementGrant(leak.clientId);
      const revoked = grant ? tenant.revokeGrant(grant.id) : undefined;
      if (revoked instanceof TenantError) done = `Could not delete the client grant: ${revoked.message}`;
      else done = grant ? `Deleted client grant ${grant.id}.` : 'The client grant was already deleted.';
      break;
    }
    case 'rotate-secret': {
      // A remedy after a leak: the drill shows its outcome now instead of holding the old secret
      // for the tenant's 30 s switch, and its sentence says that is the drill's choice.
      // Code elsewhere on the page (a playground) may have deleted the app: say so, not "Rotated".
      const rotated = tenant.rotateClientSecret(leak.clientId, { immediate: true });
      if (rotated instanceof TenantError) done = `Could not rotate the secret: ${rotated.message}`;
      else done = `Rotated the client secret: the app has a new one. The drill switches it at once, its own choice so the result shows now: on Auth0 a new secret can take up to about 30 seconds to take effect (Auth0 docs, "Rotate Client Secret"), and elsewhere this sandbox keeps the old one working for ${SECRET_SWITCH_SECONDS} seconds of its clock.`;
      break;
    }
    case 'wait-out-exp': {
      // Read exp from the token: 24 hours by default, longer if the Token Expiration was raised.
      const wait = secondsUntilExpired(leak.token, tenant.clock.nowSeconds());
      tenant.clock.advance(wait);
      done = `Moved the tenant clock forward ${describeWait(wait)}, read from the token's exp: the leaked token is past it.`;
      break;
    }
  }
  const old = await callManagementApi(tenant.domain, PROBE.method, PROBE.path, leak.token, fetchImpl);
  const current = tenant.application(leak.clientId)?.client_secret ?? leak.secretAtLeak;
  const credentials = (secret: string) => ({ clientId: leak.clientId, clientSecret: secret, audience: tenant.managementAudience });
  const newRequests: Attempt[] = [];
  if (current !== leak.secretAtLeak) {
    newRequests.push({ label: 'with the leaked (old) secret', request: 'POST /oauth/token', outcome: await requestToken(tenant.domain, credentials(leak.secretAtLeak), fetchImpl) });
  }
  newRequests.push({
    label: current === leak.secretAtLeak ? 'with the app\'s secret' : 'with the new secret',
    request: 'POST /oauth/token',
    outcome: await requestToken(tenant.domain, credentials(current), fetchImpl),
  });
  return { done, oldToken: { label: 'the leaked token', request: `${PROBE.method} ${PROBE.path}`, outcome: hideToken(old) }, newRequests: newRequests.map((attempt) => ({ ...attempt, outcome: hideToken(attempt.outcome) })) };
}

/**
 * Puts the app back for another run: its grant with `scopes` again and the clock in step with
 * `now`. A rotated secret stays rotated (nothing can bring an old secret back); everything in the
 * sandbox reads the current one. Returns the tenant's refusal when the grant cannot come back
 * (the app itself was deleted, say, by code in a playground on the same page).
 */
export function resetDrill(tenant: Tenant, clientId: string, scopes: readonly string[], now: number): TenantError | undefined {
  tenant.clock.set(now);
  const grant = tenant.managementGrant(clientId);
  const restored = grant ? tenant.updateGrant(grant.id, scopes) : tenant.authorize(clientId, scopes);
  return restored instanceof TenantError ? restored : undefined;
}

/** Seconds from `nowSeconds` until the token's `exp` has passed (0 when it already has, or has none to read). */
export function secondsUntilExpired(token: string, nowSeconds: number): number {
  const exp = expOf(token);
  return exp === undefined ? 0 : Math.max(0, exp - nowSeconds + 1);
}

function expOf(token: string): number | undefined {
  const exp = decodeToken(token)?.claims.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp : undefined;
}

/**
 * "24 hours", "23 hours, 59 minutes and 55 seconds": the jump in words a reader checks against the
 * token's lifetime. Minutes are a unit of their own, so a wait a few seconds short of a day never
 * reads "23 hours and 3595 seconds".
 */
export function describeWait(seconds: number): string {
  const units: Array<[name: string, size: number]> = [['day', 86_400], ['hour', 3_600], ['minute', 60], ['second', 1]];
  let rest = Math.max(0, Math.floor(seconds));
  const parts: string[] = [];
  for (const [name, size] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
  }
  if (parts.length === 0) return '0 seconds';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

/** Long bodies (a token, a client list) are shortened so the columns stay readable. */
function hideToken(outcome: HttpOutcome): HttpOutcome {
  if (typeof outcome.body === 'object' && outcome.body !== null && 'access_token' in outcome.body) {
    const token = String((outcome.body as { access_token: unknown }).access_token);
    return { status: outcome.status, body: { ...outcome.body, access_token: `${token.slice(0, 16)}… (a new token)` } };
  }
  return outcome;
}
