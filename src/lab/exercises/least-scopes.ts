import { SEEDED_CREDENTIALS } from '../../tenant/index.ts';
import { fail, pass } from '../check-result.ts';
import type { LabExercise } from '../exercise.ts';
import { readTraffic, resultOf, scopesOf } from '../traffic.ts';

const NEEDED = 'read:clients';

/**
 * Exercise 2: list the applications with a token that carries `read:clients` and nothing else.
 * The app (Reporting Service) is also granted `read:client_keys`, which exposes client secrets,
 * so a token request without `scope` gets more power than the job needs. Judged on the issued
 * token's `scope` claim, on the call that used it, and on the list returned.
 */
export const leastScopes: LabExercise<null> = {
  id: 'least-scopes',
  hints: 3,
  async prepare() {
    const { client_id, client_secret } = SEEDED_CREDENTIALS.reporting;
    return { run: { app: { clientId: client_id, clientSecret: client_secret } }, facts: null };
  },
  async check(evidence) {
    const { tokenRequests, apiCalls } = readTraffic(evidence.requests, evidence.context.domain);
    const issued = tokenRequests.filter((request) => request.claims !== undefined);
    if (issued.length === 0) return fail('Your code got no token: send the client-credentials request to /oauth/token first.', 1);
    const wide = issued.find((request) => scopesOf(request.claims).some((scope) => scope !== NEEDED));
    if (wide) {
      const extra = scopesOf(wide.claims).filter((scope) => scope !== NEEDED);
      return wide.scope === undefined
        ? fail(`Your token request had no scope, so the token carries every granted scope, including ${extra.join(', ')}. Ask for scope: '${NEEDED}'.`, 1)
        : fail(`Your token carries ${extra.join(', ')} as well as ${NEEDED}; ask for ${NEEDED} only.`, 2);
    }
    const listings = apiCalls.filter((call) => call.method === 'GET' && call.path.split('?')[0] === '/api/v2/clients');
    if (listings.length === 0) return fail('Your code never called GET /api/v2/clients with the token.', 3);
    const listed = listings.find((call) => call.status === 200);
    if (!listed) return fail(`GET /api/v2/clients answered ${listings.at(-1)!.status}: send the token as Authorization: Bearer <token>.`, 3);
    if (scopesOf(listed.claims).join(' ') !== NEEDED) return fail(`The list was fetched with a token that is not the ${NEEDED}-only one.`, 2);
    const returned = resultOf(evidence.resultJson);
    const apps = listed.response;
    if (!returned.ok || !Array.isArray(returned.value)) return fail('Return the list of applications (the JSON array the API answered with).', 3);
    if (!Array.isArray(apps) || !sameClientIds(returned.value, apps)) return fail('The list you returned is not the one GET /api/v2/clients answered with.', 3);
    return pass(`Listed ${apps.length} applications with a token scoped to ${NEEDED} alone: no client_secret in sight, and nothing more for a thief if that token leaks.`);
  },
};

function sameClientIds(returned: unknown[], answered: unknown[]): boolean {
  const ids = (list: unknown[]) => list.map((item) => (typeof item === 'object' && item !== null ? (item as { client_id?: unknown }).client_id : undefined));
  const a = ids(returned);
  const b = ids(answered);
  return a.length === b.length && a.every((id, index) => typeof id === 'string' && id === b[index]);
}
