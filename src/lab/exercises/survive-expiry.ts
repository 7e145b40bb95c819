import { MANAGEMENT_TOKEN_LIFETIME, SEEDED_CREDENTIALS, type Tenant } from '../../tenant/index.ts';
import { fail, pass } from '../check-result.ts';
import type { LabExercise } from '../exercise.ts';
import { jsonObject, readTraffic } from '../traffic.ts';

const DAYS = 3;
/** The harness makes 44 calls; fewer than this means it was cut short. */
const MIN_API_CALLS = 40;
/** One token at the start and about one per day after it. */
const MAX_TOKEN_REQUESTS = DAYS + 1;
/** The harness calls 30 s before a token runs out; a supply that refreshes a minute early never sends that one. */
const MIN_SECONDS_LEFT = 45;

/**
 * The reader's own Token Expiration, put aside while a run uses the default. Lesson 3 lets the
 * reader raise it up to 30 days; tokens that outlive the three-day replay would let a cache that
 * never refreshes pass. Kept per tenant, outside the run's facts, because afterRun does not get them.
 */
const setAside = new WeakMap<Tenant, number>();

function restoreLifetime(tenant: Tenant): void {
  const lifetime = setAside.get(tenant);
  if (lifetime === undefined) return;
  setAside.delete(tenant);
  tenant.setTokenLifetime(lifetime);
}

/**
 * Exercise 4: a token supply that survives three virtual days. The harness moves the tenant's
 * test clock, so expiry is real: a token kept too long is refused by the tenant. Judged on every
 * API call's status, the time each token had left when it was sent, the number of token requests,
 * and on the replay having actually covered three days.
 */
export const surviveExpiry: LabExercise<null> = {
  id: 'survive-expiry',
  hints: 3,
  async prepare(tenant) {
    // A run that ended without afterRun (a page error) left the default in place: put it back first.
    restoreLifetime(tenant);
    const lifetime = tenant.managementApi.token_lifetime;
    if (lifetime !== MANAGEMENT_TOKEN_LIFETIME) {
      setAside.set(tenant, lifetime);
      tenant.setTokenLifetime(MANAGEMENT_TOKEN_LIFETIME);
    }
    const { client_id, client_secret } = SEEDED_CREDENTIALS.reporting;
    return { run: { app: { clientId: client_id, clientSecret: client_secret } }, facts: null };
  },
  /**
   * Takes the replay's days back off the page's tenant, so the rest of the site keeps its time
   * (every run would otherwise leave the sandbox three days further on), and gives back the
   * reader's Token Expiration. The check reads times from the recorded answers, not the clock, so
   * it does not mind.
   */
  afterRun(evidence, tenant) {
    restoreLifetime(tenant);
    let advanced = 0;
    for (const request of evidence.requests) {
      if (request.status !== 200 || !request.url.endsWith('/__sandbox/clock')) continue;
      const seconds = jsonObject(request.requestBody?.text)?.advance_seconds;
      if (typeof seconds === 'number') advanced += seconds;
    }
    if (advanced > 0) tenant.clock.set(tenant.clock.now() - advanced * 1000);
  },
  async check(evidence) {
    const traffic = readTraffic(evidence.requests, evidence.context.domain);
    const { tokenRequests, apiCalls, clockMoves } = traffic;
    if (traffic.truncated) return fail(`Your code sent more than 200 requests, ${tokenRequests.length} of them for tokens: getToken() should hand out the cached token.`, 1);
    const firstToken = tokenRequests.find((request) => typeof request.claims?.iat === 'number');
    if (firstToken === undefined) return fail('No token request succeeded, so the replay never got going.', 1);
    const start = firstToken.claims!.iat!;
    const timeAt = (index: number) => {
      let time = start;
      for (const move of clockMoves) if (move.index < index && move.nowSeconds !== undefined) time = Math.max(time, move.nowSeconds);
      for (const request of tokenRequests) if (request.index < index && typeof request.claims?.iat === 'number') time = Math.max(time, request.claims.iat);
      return time;
    };
    const hourAt = (index: number) => ((timeAt(index) - start) / 3600).toFixed(1).replace(/\.0$/, '');

    const refused = apiCalls.find((call) => call.status !== 200);
    if (refused) {
      const message = (refused.response as { message?: unknown } | undefined)?.message;
      const said = typeof message === 'string' ? ` "${message}"` : '';
      if (refused.status === 401) return fail(`At hour ${hourAt(refused.index)} the tenant refused the call with 401${said}: getToken() handed out a token past its expiry.`, 2);
      return fail(`At hour ${hourAt(refused.index)} an API call answered ${refused.status}${said}.`, 1);
    }
    if (evidence.errors.length > 0) return fail(`Your code threw: ${evidence.errors[0]!.message}`, 1);
    const last = clockMoves.at(-1)?.nowSeconds;
    const covered = last === undefined ? 0 : (last - start) / 3600;
    if (covered < DAYS * 24 - 1 || apiCalls.length < MIN_API_CALLS) {
      return fail(`The replay covered ${covered.toFixed(0)} hours and ${apiCalls.length} API calls; leave the harness as it is so it runs all three days.`);
    }
    const late = apiCalls.find((call) => typeof call.claims?.exp === 'number' && call.claims.exp - timeAt(call.index) < MIN_SECONDS_LEFT);
    if (late) {
      const left = late.claims!.exp! - timeAt(late.index);
      return fail(`At hour ${hourAt(late.index)} a call went out with a token that had ${left} s left: fetch the next one a minute before expiry, or a slow call dies on the way.`, 2);
    }
    if (tokenRequests.length > MAX_TOKEN_REQUESTS) {
      const firstMove = clockMoves[0]?.index ?? Infinity;
      const coldStart = tokenRequests.filter((request) => request.index < firstMove).length;
      // The more basic mistake first: no cache at all shows as many requests after the start too.
      if (tokenRequests.length - coldStart > DAYS) {
        return fail(`${tokenRequests.length} token requests for ${apiCalls.length} API calls: keep the token and reuse it until shortly before it expires.`, 1);
      }
      return fail(`The five calls at the start caused ${coldStart} token requests: callers that arrive together should wait for one request in flight.`, 3);
    }
    return pass(`Three virtual days, ${apiCalls.length} API calls, every one answered 200, with ${tokenRequests.length} token requests; no call went out with a token about to expire.`);
  },
};
