/**
 * The two rotations the lesson plays on the page's sandbox tenant, step by step: the naive one
 * (rotate, hand the fleet only the new secret) and the careful one (both secrets, old first, until
 * the switch is over; then only the new one). Each step is what an operator does, said with the
 * API call it stands for; the fleet keeps fetching on the tenant's clock in between.
 *
 * @module
 */
import { SECRET_SWITCH_SECONDS, TenantError, type Tenant } from '../../tenant/index.ts';
import type { TimelineEvent } from './fleet-timeline.ts';

export type PlanId = 'naive' | 'careful';

/** The application the drill rotates: its own, so no lesson's app loses its secret. */
export const DRILL_APP_NAME = 'Drill: Billing Worker';

export interface DrillRun {
  tenant: Tenant;
  clientId: string;
  /** The secret the fleet started with. */
  oldSecret: string;
  newSecret?: string;
  /** Tenant ms when the fleet started. */
  startedAt: number;
  events: TimelineEvent[];
}

export interface PlanStep {
  /** What the operator does, in words, e.g. "Rotate the secret". */
  label: string;
  /** The API call it stands for, if it is one. */
  call?: string;
  /** What goes on meanwhile, in words. */
  note?: string;
  run(drill: DrillRun): void;
}

const wait = (seconds: number): PlanStep => ({
  label: `Wait ${seconds} s`,
  note: 'the fleet keeps asking for a token every 10 s',
  run: (drill) => drill.tenant.clock.advance(seconds),
});

const rotate: PlanStep = {
  label: 'Rotate the secret',
  call: 'POST /api/v2/clients/{id}/rotate-secret',
  run(drill) {
    const rotated = drill.tenant.rotateClientSecret(drill.clientId);
    if (rotated instanceof TenantError) throw new Error(`[rotation drill] the tenant refused the rotation: ${rotated.message}`);
    drill.newSecret = rotated.client_secret;
    note(drill, 'rotated');
    drill.events.push({ at: secondsSince(drill) + SECRET_SWITCH_SECONDS, label: 'switch: old refused, new accepted' });
  },
};

const deploy = (which: 'new' | 'both'): PlanStep => ({
  label: which === 'new' ? 'Deploy only the new secret' : 'Deploy both secrets, the old one first',
  call: `PUT /__sandbox/fleet {"client_secrets": [${which === 'new' ? 'new' : 'old, new'}]}`,
  note: 'it reaches one instance every 10 s',
  run(drill) {
    if (drill.newSecret === undefined) throw new Error('[rotation drill] deploy before rotate');
    const secrets = which === 'new' ? [drill.newSecret] : [drill.oldSecret, drill.newSecret];
    const deployed = drill.tenant.runFleet(drill.clientId, secrets);
    if (deployed instanceof TenantError) throw new Error(`[rotation drill] the fleet refused the deployment: ${deployed.message}`);
    note(drill, which === 'new' ? 'deployed [new]' : 'deployed [old, new]');
  },
});

export const PLANS: Record<PlanId, { title: string; steps: PlanStep[] }> = {
  naive: { title: 'The naive rotation', steps: [wait(20), rotate, deploy('new'), wait(60)] },
  careful: { title: 'The careful rotation', steps: [wait(20), rotate, deploy('both'), wait(40), deploy('new'), wait(30)] },
};

/**
 * Readies a drill: the drill's own application (made, with a Management API grant, if missing),
 * a switch an earlier drill left under way finished at once, and a fresh fleet running the secret
 * that works.
 */
export function startDrill(tenant: Tenant): DrillRun {
  let app = tenant.applications.find((candidate) => candidate.name === DRILL_APP_NAME);
  if (app === undefined) {
    const created = tenant.createApplication({ name: DRILL_APP_NAME, app_type: 'non_interactive' });
    if (created instanceof TenantError) throw new Error(`[rotation drill] could not create the drill's application: ${created.message}`);
    app = created;
  }
  if (tenant.managementGrant(app.client_id) === undefined) {
    const granted = tenant.authorize(app.client_id, ['read:clients']);
    if (granted instanceof TenantError) throw new Error(`[rotation drill] could not authorize the drill's application: ${granted.message}`);
  }
  const pending = tenant.secretSwitch(app.client_id);
  if (pending !== undefined) tenant.clock.advance((pending.switchesAt - tenant.clock.now()) / 1000);
  const secret = tenant.application(app.client_id)!.client_secret;
  tenant.stopFleet();
  const started = tenant.runFleet(app.client_id, [secret]);
  if (started instanceof TenantError) throw new Error(`[rotation drill] could not start the fleet: ${started.message}`);
  return { tenant, clientId: app.client_id, oldSecret: secret, startedAt: started.at, events: [] };
}

function secondsSince(drill: DrillRun): number {
  return Math.round((drill.tenant.clock.now() - drill.startedAt) / 100) / 10;
}

function note(drill: DrillRun, label: string): void {
  drill.events.push({ at: secondsSince(drill), label });
}
