import { fail, pass, type CheckResult } from '../check-result.ts';
import type { LabExercise } from '../exercise.ts';
import { readTraffic, resultOf, type TokenRequestView } from '../traffic.ts';

/**
 * Exercise 1: send the client-credentials grant and return the access token. Judged on the token
 * request as the tenant received it and on the value returned, which must be a token the tenant
 * issued in this very run.
 */
export const getAToken: LabExercise<null> = {
  id: 'get-a-token',
  hints: 4,
  async prepare() {
    return { run: {}, facts: null };
  },
  async check(evidence) {
    const { domain, audience } = evidence.context;
    const { tokenRequests, other } = readTraffic(evidence.requests, domain);
    if (tokenRequests.length === 0) {
      const elsewhere = other.length > 0 ? ` (it sent ${other.length} request(s) elsewhere)` : '';
      return fail(`Your code sent no POST to https://${domain}/oauth/token${elsewhere}.`, 1);
    }
    const leaky = tokenRequests.find((request) => request.secretInQuery);
    if (leaky) {
      return fail('The client secret went into the URL, where proxies, browser history and server logs keep it: send it in the request body.', 2);
    }
    const issued = tokenRequests.filter((request) => request.accessToken !== undefined);
    if (issued.length === 0) return whyRefused(tokenRequests.at(-1)!, audience);
    const returned = resultOf(evidence.resultJson);
    if (!returned.ok) {
      return fail(evidence.hasResult ? 'The value you exported has no JSON form; export the token string itself.' : 'You got a token but did not return it: end with `export default` and the access_token.', 4);
    }
    const tokens = issued.map((request) => request.accessToken);
    if (typeof returned.value !== 'string') {
      const isBody = typeof returned.value === 'object' && returned.value !== null && 'access_token' in returned.value;
      return fail(isBody ? 'You returned the whole response body; return just its access_token.' : 'Return the access token as a string.', 4);
    }
    if (!tokens.includes(returned.value)) {
      return fail('The string you returned is not a token the tenant issued during this run: return the access_token from the response.', 4);
    }
    return pass('A POST to /oauth/token with grant_type=client_credentials, the secret in the body and the Management API as audience; you returned the token the tenant issued, valid for 24 hours.');
  },
};

function whyRefused(request: TokenRequestView, audience: string): CheckResult {
  if (request.grantType === undefined) return fail('Your token request had no grant_type: a machine-to-machine app asks with grant_type=client_credentials.', 2);
  if (request.grantType !== 'client_credentials') {
    return fail(`Your token request used grant_type=${request.grantType}; a machine-to-machine app uses client_credentials.`, 2);
  }
  if (request.secretIn === 'none') return fail('Your token request carried no client secret: send client_id and client_secret in the body.', 2);
  if (request.audience === undefined) return fail("Your token request had no audience: the tenant can't tell which API the token is for. Use tokenLab.audience.", 3);
  if (request.audience !== audience) return fail(`The audience was ${JSON.stringify(request.audience)}; the Management API's identifier is ${audience} (tokenLab.audience).`, 3);
  const said = request.response;
  const reason = typeof said?.error_description === 'string' ? `: ${said.error_description}` : '';
  return fail(`The tenant refused the token request with ${request.status}${reason}.`, 2);
}
