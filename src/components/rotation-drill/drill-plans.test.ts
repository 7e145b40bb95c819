import { describe, expect, it } from 'vitest';
import { createTenant } from '../../tenant/index.ts';
import { PLANS, type PlanId } from './drill-plans.ts';
import { describeCounts, describeMark, fleetTimeline } from './fleet-timeline.ts';

async function play(plan: PlanId) {
  const tenant = await createTenant();
  const drill = await PLANS[plan].start(tenant);
  for (const step of PLANS[plan].steps) await step.run(drill);
  return { tenant, drill, timeline: fleetTimeline(tenant.fleet()!, drill.events) };
}

const failedMarks = (timeline: Awaited<ReturnType<typeof play>>['timeline']) =>
  timeline.marks.filter((mark) => mark.outcome === 'failed').map((mark) => [mark.instance, mark.at, mark.restart]);

describe('the rotation drill: a client secret', () => {
  it('the naive rotation: every instance fails from the moment it holds only the new secret until the switch', async () => {
    const { timeline, drill } = await play('naive');
    // Rotated at +20 s, switch at +50 s; instance 0 restarts with only the new secret at +20, 1 at
    // +30, 2 at +40: from then until the switch each of its fetches fails, restart included.
    expect(failedMarks(timeline)).toEqual([
      [0, 20, true], [0, 30, false], [1, 30, true], [1, 33.3, false], [0, 40, false], [2, 40, true], [1, 43.3, false], [2, 46.7, false],
    ]);
    expect(timeline.counts).toEqual({ ok: 22, fallback: 0, failed: 8 });
    expect(drill.events.map((event) => event.label)).toEqual(['rotated', 'switch: old refused, new accepted', 'deployed [new]']);
  });

  it('the careful rotation: no failed fetch, some on the fallback, and only the new secret left', async () => {
    const { timeline, tenant, drill } = await play('careful');
    expect(timeline.counts).toEqual({ ok: 29, fallback: 7, failed: 0 });
    expect(timeline.marks.filter((mark) => mark.outcome === 'fallback').every((mark) => mark.at >= 50)).toBe(true);
    expect(tenant.fleet()!.deployments.at(-1)!.secrets).toEqual([drill.fresh]);
    expect(tenant.secretSwitch(drill.clientId)).toBeUndefined();
  });

  it('starts each drill from the secret that works, even after a drill left a switch under way', async () => {
    const tenant = await createTenant();
    const first = await PLANS.careful.start(tenant);
    await PLANS.careful.steps[1]!.run(first); // rotated, switch pending
    const second = await PLANS.careful.start(tenant);
    expect(second.old).toBe(first.fresh);
    for (const step of PLANS.careful.steps) await step.run(second);
    expect(fleetTimeline(tenant.fleet()!).counts.failed).toBe(0);
  });
});

describe('the rotation drill: a Private Key JWT key', () => {
  it('the naive key rotation: instances still signing with the old key fail until the new one reaches them', async () => {
    const { timeline } = await play('naive-keys');
    // Key 1 disabled at +20 s, key 2 deployed then: instance 0 has it at once, 1 at +30, 2 at +40.
    expect(failedMarks(timeline)).toEqual([[1, 23.3, false], [2, 26.7, false], [2, 36.7, false]]);
    expect(timeline.counts.failed).toBe(3);
    expect(timeline.marks.every((mark) => mark.held === 'key')).toBe(true);
  });

  it('the careful key rotation: both keys enabled until every instance signs with the new one; no fetch fails, and the old key is gone', async () => {
    const { timeline, tenant, drill } = await play('careful-keys');
    expect(timeline.counts.failed).toBe(0);
    expect(timeline.counts.fallback).toBe(0);
    const credentials = tenant.credentials(drill.clientId);
    expect(Array.isArray(credentials) && credentials.map((credential) => credential.id)).toEqual([drill.fresh]);
    expect(tenant.application(drill.clientId)!.client_authentication_methods).toEqual({ private_key_jwt: { credentials: [{ id: drill.fresh }] } });
  });

  it('starts every key drill again from one key, so the limit of two credentials is never in the way', async () => {
    const tenant = await createTenant();
    for (let round = 0; round < 3; round++) {
      const drill = await PLANS['careful-keys'].start(tenant);
      for (const step of PLANS['careful-keys'].steps) await step.run(drill);
    }
    expect(fleetTimeline(tenant.fleet()!).counts.failed).toBe(0);
  });
});

describe('the drill in words', () => {
  it('says each mark and the totals, for the table a screen reader reads', () => {
    expect(describeMark({ instance: 1, at: 33.3, outcome: 'failed', restart: false, tries: 1, held: 'secret', version: 2 })).toBe('+33.3 s: no token: its only secret was refused.');
    expect(describeMark({ instance: 0, at: 50, outcome: 'fallback', restart: true, tries: 2, held: 'secret', version: 3 })).toBe('+50 s: its first secret was refused; got a token with the fallback (as it restarted with a new deployment).');
    expect(describeMark({ instance: 2, at: 26.7, outcome: 'failed', restart: false, tries: 1, held: 'key', version: 1 })).toBe('+26.7 s: no token: its only key was refused.');
    expect(describeCounts({ ok: 15, fallback: 0, failed: 3 })).toBe('18 token fetches: 15 with the first secret, 0 on the fallback, 3 failed.');
    expect(describeCounts({ ok: 27, fallback: 0, failed: 0 }, 'key')).toBe('27 token fetches: 27 with the first key, 0 on the fallback, 0 failed.');
  });
});
