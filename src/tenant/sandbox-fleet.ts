/*
 * A small simulated fleet: three instances of one service that each ask `/oauth/token` for a
 * token every FLEET_FETCH_EVERY_SECONDS of sandbox time, with the client secrets they were given,
 * tried in order until one is accepted (Auth0's advice while a secret changes: keep the new
 * secret as a fallback to the old; "Rotate Client Secrets"), or, for an application on Private
 * Key JWT, signing with the private keys of the credentials they were given. A rotation drill
 * deploys new credentials to it and reads, from the tenant itself, whether any instance was left
 * without a token.
 *
 * Sandbox only, like the test clock: real tenants have nothing like it. Its rules are the
 * sandbox's own (assumption `sandbox-fleet`): a deployment reaches instance i
 * i × FLEET_ROLLOUT_STEP_SECONDS after it was made (a rolling deploy), and an instance that picks
 * one up restarts and fetches a token at once.
 *
 * The fleet is evaluated lazily: `catchUpFleet` plays every fetch due since the last call, at its
 * own time, before anything can change what the tenant accepts. Between two calls nothing changes
 * but time, so fetches are grouped: one entry per instance and stretch of time in which every
 * fetch went the same way, and a clock moved ahead a year costs a few entries, not millions.
 */

/** Instances in the fleet. */
export const FLEET_INSTANCES = 3;
/** Seconds of sandbox time between two token fetches of one instance. */
export const FLEET_FETCH_EVERY_SECONDS = 10;
/** Seconds between two instances picking up the same deployment. */
export const FLEET_ROLLOUT_STEP_SECONDS = 10;
/** How many secrets one deployment may hand an instance. */
export const FLEET_MAX_SECRETS = 2;
/** Deployments one fleet keeps (the route refuses more). */
export const FLEET_MAX_DEPLOYMENTS = 100;
/** Fetch entries kept; older ones are dropped, their failures still counted. */
export const FLEET_MAX_ENTRIES = 500;

/** What an instance may authenticate with: client secrets, or the keys of registered credentials. */
export interface FleetHolding {
  /** Client secrets, tried in order. */
  readonly secrets?: readonly string[];
  /** Ids of credentials whose private key the instance signs with, tried in order. */
  readonly keys?: readonly string[];
}

/** One thing an instance tries. */
export type HeldCredential = { readonly secret: string } | { readonly key: string };

/** What the instances were given to authenticate with, and when. */
export interface FleetDeployment {
  readonly version: number;
  readonly secrets: readonly string[];
  readonly keys: readonly string[];
  /** Tenant ms when it was made; instance i runs it from `at + i × step`. */
  readonly at: number;
}

/** How a fetch went: the first secret worked, a later one did, or none did. */
export type FleetOutcome = 'ok' | 'fallback' | 'failed';

/** One or more fetches of one instance that all went the same way. */
export interface FleetFetches {
  readonly instance: number;
  /** Tenant ms of the first and the last fetch grouped here. */
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** The deployment the instance ran. */
  readonly version: number;
  /** For each secret tried, in order: accepted or refused (the fetch stops at the first accepted). */
  readonly tries: readonly ('accepted' | 'refused')[];
  readonly outcome: FleetOutcome;
  /** Why it was a restart fetch (the instance picked up a deployment) rather than a regular one. */
  readonly restart: boolean;
}

export interface FleetState {
  readonly clientId: string;
  readonly startedAt: number;
  deployments: FleetDeployment[];
  /** Tenant ms up to which every due fetch has been played. */
  caughtUpTo: number;
  fetches: FleetFetches[];
  /** Counts over the whole run, dropped entries included. */
  totals: Record<FleetOutcome, number>;
  /** `version:instance` of every restart fetch played, so none is played twice. */
  restartsPlayed: string[];
}

/** Whether `/oauth/token` accepts `held` for the fleet's application at tenant time `at` (ms). */
export type SecretCheck = (held: HeldCredential, at: number) => boolean;

/** A fleet of the application `clientId`, running `held` on every instance from `now`. */
export function startFleet(clientId: string, held: FleetHolding, now: number): FleetState {
  return {
    clientId,
    startedAt: now,
    deployments: [{ version: 1, secrets: [...(held.secrets ?? [])], keys: [...(held.keys ?? [])], at: now }],
    caughtUpTo: now,
    fetches: [],
    totals: { ok: 0, fallback: 0, failed: 0 },
    restartsPlayed: [],
  };
}

/** When instance `instance` starts running `deployment` (the first one runs everywhere at once). */
export function pickupTime(deployment: FleetDeployment, instance: number): number {
  return deployment.version === 1 ? deployment.at : deployment.at + instance * FLEET_ROLLOUT_STEP_SECONDS * 1000;
}

/** When every instance runs `deployment`. */
export function rolloutDoneAt(deployment: FleetDeployment): number {
  return pickupTime(deployment, FLEET_INSTANCES - 1);
}

/** The deployment instance `instance` runs at `at`: the newest it has picked up. */
export function deploymentRunning(state: FleetState, instance: number, at: number): FleetDeployment {
  let running = state.deployments[0]!;
  for (const deployment of state.deployments) if (pickupTime(deployment, instance) <= at && deployment.version > running.version) running = deployment;
  return running;
}

/** Hands the fleet new credentials at `now` (call `catchUpFleet` first). */
export function deployToFleet(state: FleetState, held: FleetHolding, now: number): FleetDeployment {
  const deployment: FleetDeployment = { version: state.deployments.length + 1, secrets: [...(held.secrets ?? [])], keys: [...(held.keys ?? [])], at: now };
  state.deployments.push(deployment);
  return deployment;
}

/**
 * Plays every fetch due in (caughtUpTo, now]. `changesAt` are the tenant times (ms) at which what
 * `accepts` answers may change (a secret switch finishing): fetches are grouped only between them.
 */
export function catchUpFleet(state: FleetState, now: number, accepts: SecretCheck, changesAt: readonly number[] = []): void {
  const due = state.deployments.some((deployment) => Array.from({ length: FLEET_INSTANCES }, (_, instance) => instance).some((instance) => pickupTime(deployment, instance) <= now && !state.restartsPlayed.includes(`${deployment.version}:${instance}`)));
  if (now <= state.caughtUpTo && !due) return;
  for (let instance = 0; instance < FLEET_INSTANCES; instance++) playInstance(state, instance, state.caughtUpTo, now, accepts, changesAt);
  state.caughtUpTo = now;
  state.fetches.sort((a, b) => a.from - b.from || a.instance - b.instance);
  if (state.fetches.length > FLEET_MAX_ENTRIES) state.fetches.splice(0, state.fetches.length - FLEET_MAX_ENTRIES);
}

function playInstance(state: FleetState, instance: number, after: number, upTo: number, accepts: SecretCheck, changesAt: readonly number[]): void {
  const every = FLEET_FETCH_EVERY_SECONDS * 1000;
  // Staggered, so the instances do not all ask at the same moment.
  const offset = state.startedAt + Math.round((instance * every) / FLEET_INSTANCES);
  // A deployment made now restarts instance 0 now: restarts are due from `after` itself, once each.
  const restarts = new Set<number>();
  for (const deployment of state.deployments) {
    const at = pickupTime(deployment, instance);
    const key = `${deployment.version}:${instance}`;
    if (at < after || at > upTo || state.restartsPlayed.includes(key)) continue;
    state.restartsPlayed.push(key);
    restarts.add(at);
  }
  // Stretches [start, next start) of time in which every fetch goes the same way: a new one
  // begins where an instance restarts or what the tenant accepts changes (a switch takes
  // effect at its own instant, so a fetch at that instant belongs to the stretch after it).
  const starts = [...new Set([after + 1, ...restarts, ...changesAt.filter((at) => at > after && at <= upTo)])].sort((a, b) => a - b);
  starts.forEach((start, index) => {
    const end = starts[index + 1] ?? upTo + 1;
    if (restarts.has(start)) record(state, instance, start, start, 1, accepts, true);
    playStretch(state, instance, start, end, offset, every, accepts, restarts);
  });
}

/** The regular fetches at times in [start, end): all go the same way, so they are played once. */
function playStretch(state: FleetState, instance: number, start: number, end: number, offset: number, every: number, accepts: SecretCheck, restarts: ReadonlySet<number>): void {
  let first = offset + Math.max(0, Math.ceil((start - offset) / every)) * every;
  // A regular fetch at the very moment of a restart is that restart's fetch.
  if (restarts.has(first)) first += every;
  const last = offset + Math.floor((end - 1 - offset) / every) * every;
  if (last < first) return;
  record(state, instance, first, last, Math.round((last - first) / every) + 1, accepts, false);
}

function record(state: FleetState, instance: number, from: number, to: number, count: number, accepts: SecretCheck, restart: boolean): void {
  const deployment = deploymentRunning(state, instance, from);
  const tries: ('accepted' | 'refused')[] = [];
  const held: HeldCredential[] = [...deployment.secrets.map((secret) => ({ secret })), ...deployment.keys.map((key) => ({ key }))];
  for (const credential of held) {
    const accepted = accepts(credential, from);
    tries.push(accepted ? 'accepted' : 'refused');
    if (accepted) break;
  }
  const outcome: FleetOutcome = tries.at(-1) !== 'accepted' ? 'failed' : tries.length === 1 ? 'ok' : 'fallback';
  state.totals[outcome] += count;
  const previous = state.fetches.findLast((entry) => entry.instance === instance);
  const same = previous && !restart && !previous.restart && previous.outcome === outcome && previous.version === deployment.version && previous.tries.join() === tries.join();
  if (same) {
    state.fetches[state.fetches.lastIndexOf(previous)] = { ...previous, to, count: previous.count + count };
    return;
  }
  state.fetches.push({ instance, from, to, count, version: deployment.version, tries, outcome, restart });
}
