import { FLEET_INSTANCES, type FleetFetches } from '../../tenant/index.ts';
import { fail, pass } from '../check-result.ts';
import type { LabExercise } from '../exercise.ts';
import { LAB_APPS, ensureLabApp } from '../lab-apps.ts';

interface RotationFacts {
  clientId: string;
  /** The secret the fleet ran with when the run started (the one the tenant accepted then). */
  oldSecret: string;
  /** When prepare started the fleet (tenant ms): a fleet started later is not this run's. */
  fleetStartedAt: number;
}

/**
 * Exercise 7: the Billing Worker runs as a fleet of three instances (the tenant's sandbox fleet,
 * /__sandbox/fleet) that each ask for a token every 10 s. Acting as the Secrets Operator, replace
 * its client secret so that, by the tenant's own record of the fleet's fetches, not one of them
 * failed; at the end the old secret must be refused and no instance may hold it.
 */
export const rotateWithoutDowntime: LabExercise<RotationFacts> = {
  id: 'rotate-without-downtime',
  hints: 4,
  async prepare(tenant) {
    const billing = ensureLabApp(tenant, LAB_APPS.billingWorker).app;
    const operator = ensureLabApp(tenant, LAB_APPS.secretsOperator).app;
    // An earlier run may have left a switch under way: the fleet starts with what works now.
    const working = tenant.secretSwitch(billing.client_id)?.previousSecret ?? billing.client_secret;
    tenant.stopFleet();
    const started = tenant.runFleet(billing.client_id, { secrets: [working] });
    if ('code' in started) throw new Error(`[lab] could not start the fleet: ${started.message}`);
    return {
      run: {
        app: { clientId: operator.client_id, clientSecret: operator.client_secret },
        input: { clientId: billing.client_id, clientSecret: working },
      },
      facts: { clientId: billing.client_id, oldSecret: working, fleetStartedAt: started.at },
    };
  },
  async check(_evidence, facts, tenant) {
    const fleet = tenant.fleet();
    if (fleet === undefined || fleet.clientId !== facts.clientId || fleet.startedAt !== facts.fleetStartedAt) {
      return fail('The fleet this run started is gone: your code stopped it or started another. Deploy to it with PUT, never DELETE it.', 2);
    }
    const app = tenant.application(facts.clientId);
    if (app === undefined) return fail('The Billing Worker was deleted: rotate its secret, do not remove the application.', 1);
    if (app.client_secret === facts.oldSecret) return fail('The Billing Worker still has its old secret: rotate it (POST /api/v2/clients/{id}/rotate-secret) or set a new one (PATCH /api/v2/clients/{id}).', 1);
    const failed = fleet.fetches.filter((entry) => entry.outcome === 'failed');
    if (fleet.totals.failed > 0) return fail(`${fleet.totals.failed} token fetch${fleet.totals.failed === 1 ? '' : 'es'} of the fleet failed during your rotation (${describeFirst(failed[0], fleet.startedAt)}). Give every instance the new secret as a fallback to the old one before either stops working.`, 2);
    if (tenant.secretSwitch(facts.clientId) !== undefined) return fail('The old secret still gets tokens: a new secret takes 30 s of sandbox time to take over. Move the clock past the switch (tokenLab.clock.advance) before you finish.', 3);
    const latest = fleet.deployments.at(-1)!;
    if (latest.secrets.includes(facts.oldSecret)) return fail('The fleet still holds the old secret: once the switch is over, deploy only the new one.', 4);
    if (!latest.secrets.includes(app.client_secret)) return fail("The fleet's last deployment does not hold the Billing Worker's current secret.", 2);
    const now = tenant.clock.now();
    const waiting = Array.from({ length: FLEET_INSTANCES }, (_, instance) => instance).filter((instance) => fleet.fetches.every((entry) => !(entry.instance === instance && entry.version === latest.version)));
    if (waiting.length > 0 || now < latest.at) return fail(`Your last deployment has not reached every instance yet (instance ${waiting.join(', ')} still runs an older one): wait for the rollout before you finish.`, 4);
    const fetches = fleet.totals.ok + fleet.totals.fallback;
    return pass(`Rotated with no failed token fetch: the fleet made ${fetches} fetches, ${fleet.totals.fallback} of them on the fallback secret; the old secret is refused and no instance holds it.`);
  },
};

/** "instance 1 at +35 s, holding only a secret the tenant refused then". */
function describeFirst(entry: FleetFetches | undefined, startedAt: number): string {
  if (entry === undefined) return 'its record no longer shows which';
  const seconds = Math.round((entry.from - startedAt) / 1000);
  const held = entry.tries.length === 1 ? 'its only secret was refused then' : 'both of its secrets were refused then';
  return `the first: instance ${entry.instance} at +${seconds} s; ${held}`;
}
