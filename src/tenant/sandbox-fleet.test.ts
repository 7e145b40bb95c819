import { describe, expect, it } from 'vitest';
import { addAuthorizedApp, callApi, requestToken, tokenFor, useTenantServer } from './hosts/testing.ts';
import { register, serviceKey } from './private-key-jwt-test-support.ts';
import { TenantError } from './tenant-error.ts';
import { FLEET_FETCH_EVERY_SECONDS, FLEET_INSTANCES, FLEET_MAX_DEPLOYMENTS, FLEET_MAX_ENTRIES, FLEET_ROLLOUT_STEP_SECONDS } from './sandbox-fleet.ts';
import { SANDBOX_FLEET_PATH } from './sandbox-fleet-endpoint.ts';
import { SECRET_SWITCH_SECONDS } from './secret-switch.ts';
import type { Tenant } from './tenant.ts';

const tenant = useTenantServer();

interface FleetView {
  totals: { ok: number; fallback: number; failed: number };
  rollout_complete: boolean;
  instances: { instance: number; version: number }[];
  deployments: { version: number; secret_count: number; reached: number }[];
  fetches: { instance: number; count: number; outcome: string; tries: string[]; restart: boolean; version: number; from: string; to: string }[];
}

/** Calls the fleet route as a learner's code would: no credentials, JSON in and out. */
function fleet(current: Tenant, method: 'GET' | 'PUT' | 'DELETE', body?: unknown): Promise<Response> {
  return fetch(`https://${current.domain}${SANDBOX_FLEET_PATH}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
}

async function view(current: Tenant): Promise<FleetView> {
  const response = await fleet(current, 'GET');
  expect(response.status).toBe(200);
  return (await response.json()) as FleetView;
}

async function deploy(current: Tenant, secrets: string[]): Promise<void> {
  const { reporting } = current.seeded;
  const response = await fleet(current, 'PUT', { client_id: reporting.client_id, client_secrets: secrets });
  expect(response.status).toBe(200);
}

/** Moves the clock the way learner code does: through the sandbox clock route. */
async function advance(current: Tenant, seconds: number): Promise<void> {
  const response = await fetch(`https://${current.domain}/__sandbox/clock`, {
    method: 'POST',
    body: JSON.stringify({ advance_seconds: seconds }),
    headers: { 'content-type': 'application/json' },
  });
  expect(response.status).toBe(200);
}

async function rotate(current: Tenant): Promise<string> {
  const { reporting } = current.seeded;
  const response = await callApi(current, `/api/v2/clients/${reporting.client_id}/rotate-secret`, await tokenFor(current, 'explorer'), { method: 'POST' });
  expect(response.status).toBe(200);
  return ((await response.json()) as { client_secret: string }).client_secret;
}

describe('the sandbox fleet', () => {
  it('fetches a token every 10 s on each of its 3 instances, staggered, with the secret it was given', async () => {
    const old = tenant().seeded.reporting.client_secret;
    await deploy(tenant(), [old]);
    await advance(tenant(), 60);
    const seen = await view(tenant());
    expect(FLEET_INSTANCES).toBe(3);
    expect(FLEET_FETCH_EVERY_SECONDS).toBe(10);
    // Each instance fetches as it starts, then every 10 s (at +10…+60, +3.3…+53.3, +6.7…+56.7).
    expect(seen.totals).toEqual({ ok: 21, fallback: 0, failed: 0 });
    const byInstance = (instance: number) => seen.fetches.filter((entry) => entry.instance === instance).map((entry) => [entry.restart, entry.count, entry.outcome]);
    for (const instance of [0, 1, 2]) expect(byInstance(instance)).toEqual([[true, 1, 'ok'], [false, 6, 'ok']]);
  });

  it('a naive rotation (deploy only the new secret at once) leaves instances without a token while the new secret is not yet in effect', async () => {
    const old = tenant().seeded.reporting.client_secret;
    await deploy(tenant(), [old]);
    await advance(tenant(), 5);
    const fresh = await rotate(tenant());
    await deploy(tenant(), [fresh]);
    await advance(tenant(), 60);
    const seen = await view(tenant());
    expect(seen.totals.failed).toBeGreaterThan(0);
    const failed = seen.fetches.filter((entry) => entry.outcome === 'failed');
    // Every failure is the new secret refused during the switch.
    expect(failed.every((entry) => entry.tries.join() === 'refused')).toBe(true);
    expect(failed.every((entry) => Date.parse(entry.to) < Date.parse(seen.fetches[0]!.from) + (5 + SECRET_SWITCH_SECONDS + 1) * 1000)).toBe(true);
  });

  it('a careful rotation (old then new, wait for the switch, then only the new) loses no fetch, and the old secret is dead at the end', async () => {
    const old = tenant().seeded.reporting.client_secret;
    await deploy(tenant(), [old]);
    await advance(tenant(), 5);
    const fresh = await rotate(tenant());
    await deploy(tenant(), [old, fresh]);
    await advance(tenant(), SECRET_SWITCH_SECONDS + 10);
    await deploy(tenant(), [fresh]);
    await advance(tenant(), 3 * FLEET_ROLLOUT_STEP_SECONDS);
    const seen = await view(tenant());
    expect(seen.totals.failed).toBe(0);
    expect(seen.totals.fallback).toBeGreaterThan(0);
    expect(seen.rollout_complete).toBe(true);
    expect(seen.instances.map((instance) => instance.version)).toEqual([3, 3, 3]);
    expect((await requestToken(tenant())).status).toBe(401);
    expect((await requestToken(tenant(), 'reporting', { client_secret: fresh })).status).toBe(200);
  });

  it('rolls a deployment out one instance every 10 s, and each instance fetches as it restarts', async () => {
    const old = tenant().seeded.reporting.client_secret;
    await deploy(tenant(), [old]);
    await advance(tenant(), 1);
    await deploy(tenant(), [old]);
    expect((await view(tenant())).deployments.at(-1)!.reached).toBe(1);
    await advance(tenant(), FLEET_ROLLOUT_STEP_SECONDS);
    expect((await view(tenant())).deployments.at(-1)!.reached).toBe(2);
    await advance(tenant(), FLEET_ROLLOUT_STEP_SECONDS);
    const seen = await view(tenant());
    expect(seen.rollout_complete).toBe(true);
    expect(seen.fetches.filter((entry) => entry.restart && entry.version === 2).map((entry) => entry.instance)).toEqual([0, 1, 2]);
  });

  it('judges a fetch made at the very instant of the switch with the new secret in effect', async () => {
    const fresh = await rotate(tenant());
    // Started right after the rotation: instance 0 fetches exactly 30 s later, when the switch lands.
    await deploy(tenant(), [tenant().seeded.reporting.client_secret]);
    await advance(tenant(), SECRET_SWITCH_SECONDS);
    const seen = await view(tenant());
    const last = seen.fetches.filter((entry) => entry.instance === 0).at(-1)!;
    expect(last.outcome).toBe('failed');
    expect(Date.parse(last.to) - Date.parse(last.from)).toBe(0);
    expect(fresh).not.toBe(tenant().seeded.reporting.client_secret);
  });

  it('groups alike fetches, so a clock moved ahead a year costs a few entries and counts every fetch', async () => {
    await deploy(tenant(), [tenant().seeded.reporting.client_secret]);
    await advance(tenant(), 365 * 86_400);
    const seen = await view(tenant());
    // Per instance: its start, then one entry for a year of fetches every 10 s.
    expect(seen.fetches.length).toBe(2 * FLEET_INSTANCES);
    expect(seen.totals.ok).toBe(FLEET_INSTANCES * (1 + 365 * 8640));
    expect(seen.fetches.length).toBeLessThan(FLEET_MAX_ENTRIES);
  });

  it('never shows a secret back', async () => {
    const old = tenant().seeded.reporting.client_secret;
    await deploy(tenant(), [old, 'another-secret-value']);
    await advance(tenant(), 20);
    const text = await (await fleet(tenant(), 'GET')).text();
    expect(text).not.toContain(old);
    expect(text).not.toContain('another-secret-value');
  });

  it('signs with the keys of the credentials it holds on a Private Key JWT app: accepted while enabled, failed once disabled, never by a secret', async () => {
    const app = addAuthorizedApp(tenant(), 'Signing fleet', ['read:clients']);
    const [one, two] = [await register(tenant(), app.client_id, await serviceKey()), await register(tenant(), app.client_id, await serviceKey())];
    const switched = tenant().usePrivateKeyJwt(app.client_id, [one.id, two.id]);
    if (switched instanceof TenantError) throw switched;
    expect((await fleet(tenant(), 'PUT', { client_id: app.client_id, credential_ids: [one.id] })).status).toBe(200);
    await advance(tenant(), 20);
    expect((await view(tenant())).totals).toEqual({ ok: 9, fallback: 0, failed: 0 });
    const narrowed = tenant().usePrivateKeyJwt(app.client_id, [two.id]);
    if (narrowed instanceof TenantError) throw narrowed;
    await advance(tenant(), 10);
    const seen = await view(tenant());
    expect(seen.totals.failed).toBe(3);
    expect(seen.fetches.filter((entry) => entry.outcome === 'failed').every((entry) => entry.tries.join() === 'refused')).toBe(true);
    // The app's secret is no use to an instance while the app is on Private Key JWT.
    expect((await fleet(tenant(), 'PUT', { client_id: app.client_id, client_secrets: [app.client_secret] })).status).toBe(200);
    await advance(tenant(), 30);
    expect((await view(tenant())).totals.failed).toBeGreaterThan(3);
    const both = await fleet(tenant(), 'PUT', { client_id: app.client_id, client_secrets: ['a'], credential_ids: [one.id] });
    expect(both.status).toBe(400);
    expect(((await both.json()) as { message: string }).message).toMatch(/either client_secrets or credential_ids, not both and not neither/);
  });

  it('answers bad requests in the Management API shape, and 404 when no fleet runs', async () => {
    const { reporting } = tenant().seeded;
    const none = await fleet(tenant(), 'GET');
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ statusCode: 404, errorCode: 'no_fleet' });
    const cases: [unknown, number, RegExp][] = [
      [{ client_id: reporting.client_id }, 400, /either client_secrets or credential_ids/],
      [{ client_id: reporting.client_id, client_secrets: [] }, 400, /1 to 2 client secrets/],
      [{ client_id: reporting.client_id, client_secrets: ['a', 'b', 'c'] }, 400, /1 to 2 client secrets/],
      [{ client_id: reporting.client_id, client_secrets: [42] }, 400, /client secrets/],
      [{ client_id: reporting.client_id, client_secrets: ['a'], extra: 1, more: 2 }, 400, /Additional properties not allowed: extra,more/],
      [{ client_id: '', client_secrets: ['a'] }, 400, /client id/],
      [['not', 'an', 'object'], 400, /Expected type object but found type array/],
      [{ client_id: 'no-such-client', client_secrets: ['a'] }, 404, /The client does not exist/],
    ];
    for (const [body, status, message] of cases) {
      const response = await fleet(tenant(), 'PUT', body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(((await response.json()) as { message: string }).message).toMatch(message);
    }
    expect((await fleet(tenant(), 'DELETE')).status).toBe(404);
    for (let version = 1; version <= FLEET_MAX_DEPLOYMENTS; version++) await deploy(tenant(), ['x']);
    const one = await fleet(tenant(), 'PUT', { client_id: reporting.client_id, client_secrets: ['x'] });
    expect(one.status).toBe(400);
    expect(((await one.json()) as { message: string }).message).toMatch(/at most 100 deployments/);
    expect((await fleet(tenant(), 'DELETE')).status).toBe(204);
    expect((await fleet(tenant(), 'GET')).status).toBe(404);
  });
});
