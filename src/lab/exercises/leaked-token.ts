import { SignJWT } from 'jose';
import { SECRET_SWITCH_SECONDS, type Application, type Tenant } from '../../tenant/index.ts';
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
 * How far the code may move the tenant's clock in all. The old secret keeps working for
 * SECRET_SWITCH_SECONDS after a rotation, so the proof needs the clock moved that far; a few
 * minutes leaves room to spare and stays far short of the leaked token's exp (at least three hours
 * ahead), so waiting the token out is still caught.
 */
const CLOCK_ALLOWANCE_SECONDS = 5 * 60;

/**
 * Exercise 6: a client secret and a token of "Lab: Leaky Service" were found in a public paste.
 * Acting as "Lab: Incident Responder", rotate the leaky app's secret, move the tenant's clock past
 * the secret's switch, show the old one is now refused, and report how long the leaked token stays
 * usable (it cannot be revoked). Every run is a new leak: the current secret, and a token issued a
 * random number of hours ago.
 */
export const leakedToken: LabExercise<LeakFacts> = {
  id: 'leaked-token',
  hints: 4,
  async prepare(tenant) {
    const leaky = ensureLabApp(tenant, LAB_APPS.leakyService).app;
    const responder = ensureLabApp(tenant, LAB_APPS.incidentResponder).app;
    const leakySecret = secretInUse(tenant, leaky);
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
        app: { clientId: responder.client_id, clientSecret: secretInUse(tenant, responder) },
        input: { clientId: leaky.client_id, clientSecret: leakySecret, accessToken: token },
      },
      facts: { leakyClientId: leaky.client_id, leakedSecret: leakySecret, leakedToken: token, exp },
    };
  },
  async check(evidence, facts, tenant) {
    const { tokenRequests, apiCalls, clockMoves } = readTraffic(evidence.requests, evidence.context.domain);
    const moves = clockMoves.filter((move) => move.status === 200);
    // A move whose size cannot be read counts as too far: the check cannot tell it from a jump past exp.
    const moved = moves.reduce((sum, move) => sum + (move.advanceSeconds ?? Infinity), 0);
    if (moved > CLOCK_ALLOWANCE_SECONDS) {
      return fail(`Moving the sandbox's clock by more than a few minutes is not a response: on a real tenant the thief has those hours. Move it only the ${SECRET_SWITCH_SECONDS} seconds the new secret takes to switch.`, 4);
    }
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
    const tries = tokenRequests.filter(
      (request) => request.index > rotation.index && request.clientId === facts.leakyClientId && request.clientSecret === facts.leakedSecret,
    );
    // A try within the switch gets a token, as it would on Auth0: only a refusal after it is proof.
    const last = tries.at(-1);
    if (last === undefined) return fail(`Show that the leaked secret is dead: after rotating, move the clock past the ${SECRET_SWITCH_SECONDS}-second switch, ask for a token with it and see the tenant refuse.`, 3);
    if (!tries.some((request) => request.status === 401)) {
      if (tries.some((request) => request.status === 200)) {
        return fail(`The old secret still got a token after you rotated: the sandbox keeps it working for ${SECRET_SWITCH_SECONDS} seconds of its clock, as Auth0 may for up to about 30. Move the clock on with tokenLab.clock.advance(${SECRET_SWITCH_SECONDS}), then ask again.`, 3);
      }
      return fail(`The request with the old secret answered ${last.status}, not 401.`, 3);
    }
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

/**
 * The secret that gets the app tokens now. A run's rotation may still be switching when the next
 * run starts (its 30 s are sandbox time): until it has, that is the secret before the rotation,
 * and the one a thief would have.
 */
function secretInUse(tenant: Tenant, app: Application): string {
  return tenant.secretSwitch(app.client_id)?.previousSecret ?? app.client_secret;
}

function round(hours: number): string {
  return hours.toFixed(1);
}
