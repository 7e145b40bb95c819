/**
 * The rotations the lesson plays on the page's sandbox tenant, step by step, each the naive way
 * and the careful way: a client secret (hand the fleet only the new secret at once, or both
 * secrets, old first, until the switch is over) and a Private Key JWT key (enable only the new key
 * at once, or both keys until every instance signs with the new one). Each step is what an
 * operator does, said with the API call it stands for; the fleet keeps fetching in between.
 *
 * @module
 */
import { exportSPKI, generateKeyPair } from 'jose';
import { SECRET_SWITCH_SECONDS, TenantError, type FleetHolding, type Tenant } from '../../tenant/index.ts';
import { ensureLabApp } from '../../lab/lab-apps.ts';
import type { TimelineEvent } from './fleet-timeline.ts';

export type PlanId = 'naive' | 'careful' | 'naive-keys' | 'careful-keys';

/** The applications the drill rotates: its own, so no lesson's app loses its secret. */
export const DRILL_APP_NAME = 'Drill: Billing Worker';
export const DRILL_KEY_APP_NAME = 'Drill: Signing Worker';

export interface DrillRun {
  tenant: Tenant;
  clientId: string;
  /** The secret, or the credential id of the key, the fleet started with. */
  old: string;
  /** The new secret, or the new key's credential id, once there is one. */
  fresh?: string;
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
  run(drill: DrillRun): Promise<void> | void;
}

export interface Plan {
  title: string;
  start(tenant: Tenant): Promise<DrillRun>;
  steps: PlanStep[];
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
    drill.fresh = rotated.client_secret;
    note(drill, 'rotated');
    drill.events.push({ at: secondsSince(drill) + SECRET_SWITCH_SECONDS, label: 'switch: old refused, new accepted' });
  },
};

const deploySecrets = (which: 'new' | 'both'): PlanStep => ({
  label: which === 'new' ? 'Deploy only the new secret' : 'Deploy both secrets, the old one first',
  call: `PUT /__sandbox/fleet {"client_secrets": [${which === 'new' ? 'new' : 'old, new'}]}`,
  note: 'it reaches one instance every 10 s',
  run(drill) {
    deploy(drill, { secrets: which === 'new' ? [fresh(drill)] : [drill.old, fresh(drill)] });
    note(drill, which === 'new' ? 'deployed [new]' : 'deployed [old, new]');
  },
});

const registerKey: PlanStep = {
  label: 'Register a second public key',
  call: 'POST /api/v2/clients/{id}/credentials',
  async run(drill) {
    drill.fresh = await addKey(drill.tenant, drill.clientId, 'drill key 2');
    note(drill, 'registered key 2');
  },
};

const enableKeys = (which: 'new' | 'both'): PlanStep => ({
  label: which === 'new' ? 'Enable only the new key' : 'Enable both keys',
  call: `PATCH /api/v2/clients/{id} (private_key_jwt credentials: [${which === 'new' ? 'key 2' : 'key 1, key 2'}])`,
  run(drill) {
    const enabled = drill.tenant.usePrivateKeyJwt(drill.clientId, which === 'new' ? [fresh(drill)] : [drill.old, fresh(drill)]);
    if (enabled instanceof TenantError) throw new Error(`[rotation drill] the tenant refused the keys: ${enabled.message}`);
    note(drill, which === 'new' ? 'enabled [key 2]: key 1 refused' : 'enabled [key 1, key 2]');
  },
});

const deployKey: PlanStep = {
  label: 'Deploy the new private key',
  call: 'PUT /__sandbox/fleet {"credential_ids": [key 2]}',
  note: 'it reaches one instance every 10 s',
  run(drill) {
    deploy(drill, { keys: [fresh(drill)] });
    note(drill, 'deployed [key 2]');
  },
};

const deleteOldKey: PlanStep = {
  label: 'Delete the old key',
  call: 'DELETE /api/v2/clients/{id}/credentials/{key 1}',
  run(drill) {
    const deleted = drill.tenant.deleteCredential(drill.clientId, drill.old);
    if (deleted instanceof TenantError) throw new Error(`[rotation drill] the tenant refused to delete the old key: ${deleted.message}`);
    note(drill, 'deleted key 1');
  },
};

export const PLANS: Record<PlanId, Plan> = {
  naive: { title: 'The naive rotation', start: startSecretDrill, steps: [wait(20), rotate, deploySecrets('new'), wait(60)] },
  careful: { title: 'The careful rotation', start: startSecretDrill, steps: [wait(20), rotate, deploySecrets('both'), wait(40), deploySecrets('new'), wait(30)] },
  'naive-keys': { title: 'The naive key rotation', start: startKeyDrill, steps: [wait(20), registerKey, enableKeys('new'), deployKey, wait(40)] },
  'careful-keys': { title: 'The careful key rotation', start: startKeyDrill, steps: [wait(20), registerKey, enableKeys('both'), deployKey, wait(30), enableKeys('new'), deleteOldKey, wait(20)] },
};

/**
 * Readies a secret drill: the drill's own application (made, with a Management API grant, if
 * missing), a switch an earlier drill left under way finished at once, and a fresh fleet running
 * the secret that works.
 */
export async function startSecretDrill(tenant: Tenant): Promise<DrillRun> {
  const clientId = ensureLabApp(tenant, { name: DRILL_APP_NAME, scopes: ['read:clients'] }).app.client_id;
  const pending = tenant.secretSwitch(clientId);
  if (pending !== undefined) tenant.clock.advance((pending.switchesAt - tenant.clock.now()) / 1000);
  const secret = tenant.application(clientId)!.client_secret;
  return startFleet(tenant, clientId, secret, { secrets: [secret] });
}

/**
 * Readies a key drill: the drill's signing application put back to its secret with no
 * credentials, then given one key pair made here (its private half never leaves the page) and
 * switched to Private Key JWT with it, and a fresh fleet signing with that key.
 */
export async function startKeyDrill(tenant: Tenant): Promise<DrillRun> {
  const clientId = ensureLabApp(tenant, { name: DRILL_KEY_APP_NAME, scopes: ['read:clients'] }).app.client_id;
  const reset = tenant.useClientSecret(clientId);
  if (reset instanceof TenantError) throw new Error(`[rotation drill] could not reset the signing app: ${reset.message}`);
  const credentials = tenant.credentials(clientId);
  if (credentials instanceof TenantError) throw new Error(`[rotation drill] ${credentials.message}`);
  for (const credential of credentials) tenant.deleteCredential(clientId, String(credential.id));
  const first = await addKey(tenant, clientId, 'drill key 1');
  const switched = tenant.usePrivateKeyJwt(clientId, [first]);
  if (switched instanceof TenantError) throw new Error(`[rotation drill] could not switch to Private Key JWT: ${switched.message}`);
  return startFleet(tenant, clientId, first, { keys: [first] });
}

function startFleet(tenant: Tenant, clientId: string, old: string, held: FleetHolding): DrillRun {
  tenant.stopFleet();
  const started = tenant.runFleet(clientId, held);
  if (started instanceof TenantError) throw new Error(`[rotation drill] could not start the fleet: ${started.message}`);
  return { tenant, clientId, old, startedAt: started.at, events: [] };
}

/** A key pair made here; its public half registered for the application. Resolves to the credential id. */
async function addKey(tenant: Tenant, clientId: string, name: string): Promise<string> {
  const { publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const credential = await tenant.createCredential(clientId, { pem: await exportSPKI(publicKey), name });
  if (credential instanceof TenantError) throw new Error(`[rotation drill] the tenant refused the key: ${credential.message}`);
  return String(credential.id);
}

function deploy(drill: DrillRun, held: FleetHolding): void {
  const deployed = drill.tenant.runFleet(drill.clientId, held);
  if (deployed instanceof TenantError) throw new Error(`[rotation drill] the fleet refused the deployment: ${deployed.message}`);
}

function fresh(drill: DrillRun): string {
  if (drill.fresh === undefined) throw new Error('[rotation drill] a step needs the new credential before it was made');
  return drill.fresh;
}

function secondsSince(drill: DrillRun): number {
  return Math.round((drill.tenant.clock.now() - drill.startedAt) / 100) / 10;
}

function note(drill: DrillRun, label: string): void {
  drill.events.push({ at: secondsSince(drill), label });
}
