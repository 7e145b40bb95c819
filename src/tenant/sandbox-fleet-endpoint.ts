import { managementErrorReply } from './error-responses.ts';
import type { ManagementErrorCode } from './error-codes.ts';
import { emptyResponse, jsonResponse } from './json-response.ts';
import { readSandboxBody, type SandboxBodyError } from './read-sandbox-body.ts';
import { type FleetHolding, FLEET_FETCH_EVERY_SECONDS, FLEET_MAX_DEPLOYMENTS, FLEET_INSTANCES, FLEET_MAX_SECRETS, FLEET_ROLLOUT_STEP_SECONDS, deploymentRunning, pickupTime, rolloutDoneAt, type FleetState } from './sandbox-fleet.ts';
import type { Tenant } from './tenant.ts';
import { TenantError, isTenantError } from './tenant-error.ts';

/** The sandbox fleet's route. Not an Auth0 route: the prefix says so, as for the test clock. */
export const SANDBOX_FLEET_PATH = '/__sandbox/fleet';

/**
 * `GET /__sandbox/fleet` shows the fleet (sandbox-fleet.ts) and every token fetch it made, as the
 * tenant answered them; `PUT` with `{"client_id", "client_secrets": [..]}` (or, for an application on
 * Private Key JWT, `"credential_ids": [..]`: the instances sign with those credentials' private
 * keys) starts a fleet of that application or deploys to the one running; `DELETE` stops it. Like the clock it
 * takes no credentials and is never rate limited, and it never shows a secret back: a fetch says
 * which of the secrets it tried were accepted, by position.
 */
export async function handleSandboxFleetRequest(tenant: Tenant, request: Request, method: string): Promise<Response> {
  if (method === 'DELETE') {
    if (!tenant.stopFleet()) return errorResponse(new TenantError('no_fleet'));
    return emptyResponse(204);
  }
  if (method === 'PUT') {
    const body = await readFleetBody(request);
    if (isTenantError(body)) return errorResponse(body);
    // Bounded like every list the sandbox keeps, so a flood of deploys cannot slow each request.
    const running = tenant.fleet();
    if (running?.clientId === body.client_id && running.deployments.length >= FLEET_MAX_DEPLOYMENTS) {
      return errorResponse(new TenantError('invalid_body', { detail: `The fleet keeps at most ${FLEET_MAX_DEPLOYMENTS} deployments: DELETE it and start again` }));
    }
    const started = tenant.runFleet(body.client_id, body.held);
    if (isTenantError(started)) return errorResponse(started);
  } else if (method !== 'GET') {
    return errorResponse(new TenantError('route_not_found'));
  }
  const fleet = tenant.fleet();
  if (fleet === undefined) return errorResponse(new TenantError('no_fleet'));
  return jsonResponse(200, presentFleet(fleet, tenant.clock.now()));
}

function errorResponse(error: TenantError<ManagementErrorCode>): Response {
  const reply = managementErrorReply(error);
  return jsonResponse(reply.status, reply.body, reply.headers);
}

async function readFleetBody(request: Request): Promise<{ client_id: string; held: FleetHolding } | SandboxBodyError> {
  const value = await readSandboxBody(request, ['client_id', 'client_secrets', 'credential_ids']);
  if (isTenantError(value)) return value;
  const { client_id: clientId, client_secrets: secrets, credential_ids: keys } = value;
  if (typeof clientId !== 'string' || clientId.length === 0 || clientId.length > 64) {
    return new TenantError('invalid_body', { detail: 'Expected a client id (a string of 1 to 64 characters)', property: 'client_id' });
  }
  // One way to authenticate, as an application has: client secrets, or Private Key JWT credentials.
  if ((secrets === undefined) === (keys === undefined)) {
    return new TenantError('invalid_body', { detail: 'Expected either client_secrets or credential_ids, not both and not neither' });
  }
  const property = secrets === undefined ? 'credential_ids' : 'client_secrets';
  const list = secrets ?? keys;
  if (!Array.isArray(list) || list.length < 1 || list.length > FLEET_MAX_SECRETS || !list.every((item) => typeof item === 'string' && item.length > 0 && item.length <= 256)) {
    const what = property === 'client_secrets' ? 'client secrets' : 'credential ids';
    return new TenantError('invalid_body', {
      detail: `Expected 1 to ${FLEET_MAX_SECRETS} ${what} (strings of 1 to 256 characters), in the order the instances try them`,
      property,
    });
  }
  return { client_id: clientId, held: property === 'client_secrets' ? { secrets: list as string[] } : { keys: list as string[] } };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** What the route shows: no secret, only how many each deployment holds and which worked. */
export function presentFleet(fleet: FleetState, now: number) {
  const latest = fleet.deployments.at(-1)!;
  return {
    client_id: fleet.clientId,
    now: iso(now),
    instances: Array.from({ length: FLEET_INSTANCES }, (_, instance) => ({ instance, version: deploymentRunning(fleet, instance, now).version })),
    fetch_every_seconds: FLEET_FETCH_EVERY_SECONDS,
    rollout_step_seconds: FLEET_ROLLOUT_STEP_SECONDS,
    deployments: fleet.deployments.map((deployment) => ({
      version: deployment.version,
      secret_count: deployment.secrets.length,
      credential_ids: [...deployment.keys],
      deployed_at: iso(deployment.at),
      rollout_done_at: iso(rolloutDoneAt(deployment)),
      reached: Array.from({ length: FLEET_INSTANCES }, (_, instance) => instance).filter((instance) => pickupTime(deployment, instance) <= now).length,
    })),
    rollout_complete: now >= rolloutDoneAt(latest),
    totals: { ...fleet.totals },
    fetches: fleet.fetches.map((entry) => ({
      instance: entry.instance,
      from: iso(entry.from),
      to: iso(entry.to),
      count: entry.count,
      version: entry.version,
      restart: entry.restart,
      tries: [...entry.tries],
      outcome: entry.outcome,
    })),
  };
}
