import { SignJWT } from 'jose';
import { fail, pass } from '../check-result.ts';
import type { LabExercise } from '../exercise.ts';
import { LAB_APPS, ensureLabApp } from '../lab-apps.ts';
import { readTraffic, resultOf } from '../traffic.ts';

interface LeakFacts {
  leakyClientId: string;
  leakedSecret: string;
  leakedToken: string;
  /** The leaked token's exp (tenant seconds). */
  exp: number;
}

const TOLERANCE_HOURS = 0.1;

/**
 * Exercise 6: a client secret and a token of "Lab: Leaky Service" were found in a public paste.
 * Acting as "Lab: Incident Responder", rotate the leaky app's secret, show the old one is now
 * refused, and report how long the leaked token stays usable (it cannot be revoked). Every run is
 * a new leak: the current secret, and a token issued a random number of hours ago.
 */
export const leakedToken: LabExercise<LeakFacts> = {
  id: 'leaked-token',
  hints: 4,
  async prepare(tenant) {
    const leaky = ensureLabApp(tenant, LAB_APPS.leakyService).app;
    const responder = ensureLabApp(tenant, LAB_APPS.incidentResponder).app;
    const iat = tenant.clock.nowSeconds() - (1 + Math.floor(Math.random() * 20)) * 3600 - Math.floor(Math.random() * 3600);
    const exp = iat + 86_400;
    // Signed like the tenant's own tokens, so the Management API accepts it until exp.
    const token = await new SignJWT({
      iss: tenant.issuer,
      sub: `${leaky.client_id}@clients`,
      aud: tenant.managementAudience,
      iat,
      exp,
      scope: LAB_APPS.leakyService.scopes.join(' '),
      gty: 'client-credentials',
      azp: leaky.client_id,
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: tenant.signingKey.kid })
      .sign(tenant.signingKey.privateKey);
    return {
      run: {
        app: { clientId: responder.client_id, clientSecret: responder.client_secret },
        input: { clientId: leaky.client_id, clientSecret: leaky.client_secret, accessToken: token },
      },
      facts: { leakyClientId: leaky.client_id, leakedSecret: leaky.client_secret, leakedToken: token, exp },
    };
  },
  async check(evidence, facts, tenant) {
    const { tokenRequests, apiCalls } = readTraffic(evidence.requests, evidence.context.domain);
    const rotations = apiCalls.filter((call) => call.method === 'POST' && /^\/api\/v2\/clients\/[^/]+\/rotate-secret$/.test(call.path));
    const wrong = rotations.find((call) => call.status === 200 && !call.path.includes(`/${facts.leakyClientId}/`));
    if (wrong) {
      const id = decodeURIComponent(wrong.path.split('/')[4] ?? '');
      return fail(`You rotated the secret of ${tenant.application(id)?.name ?? id}, not of the leaked app (tokenLab.input.clientId).`, 1);
    }
    const rotation = rotations.find((call) => call.path.includes(`/${facts.leakyClientId}/`));
    if (rotation === undefined) return fail("Your code never rotated the leaked app's secret: POST /api/v2/clients/{id}/rotate-secret.", 1);
    if (rotation.status !== 200) {
      if (rotation.bearer === facts.leakedToken) return fail('You called rotate-secret with the leaked token: it only holds read:clients. Use a token of your own app, the Incident Responder.', 2);
      return fail(`rotate-secret answered ${rotation.status}: call it with a token of the Incident Responder, which holds update:client_keys.`, 2);
    }
    if (tenant.application(facts.leakyClientId)?.client_secret === facts.leakedSecret) return fail('The leaked secret still works in the tenant: rotate it.', 1);
    const proof = tokenRequests.find(
      (request) => request.index > rotation.index && request.clientId === facts.leakyClientId && request.clientSecret === facts.leakedSecret,
    );
    if (!proof) return fail('Show that the leaked secret is dead: after rotating, ask for a token with it and see the tenant refuse.', 3);
    if (proof.status !== 401) return fail(`The request with the old secret answered ${proof.status}, not 401.`, 3);
    const returned = resultOf(evidence.resultJson);
    const hoursLeft = (facts.exp - tenant.clock.nowSeconds()) / 3600;
    if (!returned.ok || typeof returned.value !== 'number' || !Number.isFinite(returned.value)) {
      return fail('Return, as a number, how many hours the leaked token stays usable.', 4);
    }
    if (Math.abs(returned.value - hoursLeft) > TOLERANCE_HOURS) {
      if (returned.value <= TOLERANCE_HOURS) return fail('Rotating the secret stops new tokens, not the ones already issued: the leaked token works until its exp.', 4);
      return fail(`You returned ${round(returned.value)} hours; the token's exp says otherwise. Work it out from exp and tokenLab.clock.now().`, 4);
    }
    return pass(`Secret rotated (the old one now gets 401) and the leaked token correctly reported usable for ${round(hoursLeft)} more hours: a JWT can't be recalled, which is why 24-hour tokens matter.`);
  },
};

function round(hours: number): string {
  return hours.toFixed(1);
}
