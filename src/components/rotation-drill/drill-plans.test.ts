import { describe, expect, it } from 'vitest';
import { createTenant } from '../../tenant/index.ts';
import { PLANS, startDrill, type PlanId } from './drill-plans.ts';
import { describeCounts, describeMark, fleetTimeline } from './fleet-timeline.ts';

async function play(plan: PlanId) {
  const tenant = await createTenant();
  const drill = startDrill(tenant);
  for (const step of PLANS[plan].steps) step.run(drill);
  return { tenant, drill, timeline: fleetTimeline(tenant.fleet()!, drill.events) };
}

describe('the rotation drill', () => {
  it('the naive rotation: every instance fails from the moment it holds only the new secret until the switch', async () => {
    const { timeline, drill } = await play('naive');
    // Rotated at +20 s, switch at +50 s; instance 0 restarts with only the new secret at +20, 1 at
    // +30, 2 at +40: from then until the switch each of its fetches fails, restart included.
    const failed = timeline.marks.filter((mark) => mark.outcome === 'failed').map((mark) => [mark.instance, mark.at, mark.restart]);
    expect(failed).toEqual([
      [0, 20, true], [0, 30, false], [1, 30, true], [1, 33.3, false], [0, 40, false], [2, 40, true], [1, 43.3, false], [2, 46.7, false],
    ]);
    expect(timeline.counts).toEqual({ ok: 22, fallback: 0, failed: 8 });
    expect(drill.events.map((event) => event.label)).toEqual(['rotated', 'switch: old refused, new accepted', 'deployed [new]']);
  });

  it('the careful rotation: no failed fetch, some on the fallback, and only the new secret left', async () => {
    const { timeline, tenant, drill } = await play('careful');
    expect(timeline.counts.failed).toBe(0);
    expect(timeline.counts.fallback).toBeGreaterThan(0);
    expect(timeline.marks.filter((mark) => mark.outcome === 'fallback').every((mark) => mark.at >= 50)).toBe(true);
    expect(tenant.fleet()!.deployments.at(-1)!.secrets).toEqual([drill.newSecret]);
    expect(tenant.secretSwitch(drill.clientId)).toBeUndefined();
  });

  it('starts each drill from the secret that works, even after a drill left a switch under way', async () => {
    const tenant = await createTenant();
    const first = startDrill(tenant);
    PLANS.careful.steps[1]!.run(first); // rotated, switch pending
    const second = startDrill(tenant);
    expect(second.oldSecret).toBe(first.newSecret);
    for (const step of PLANS.careful.steps) step.run(second);
    expect(fleetTimeline(tenant.fleet()!).counts.failed).toBe(0);
  });

  it('says each mark and the totals in words, for the table a screen reader reads', () => {
    expect(describeMark({ instance: 1, at: 33.3, outcome: 'failed', restart: false, tries: 1, version: 2 })).toBe('+33.3 s: no token: its only secret was refused.');
    expect(describeMark({ instance: 0, at: 50, outcome: 'fallback', restart: true, tries: 2, version: 3 })).toBe('+50 s: its first secret was refused; got a token with the fallback (as it restarted with a new deployment).');
    expect(describeCounts({ ok: 15, fallback: 0, failed: 3 })).toBe('18 token fetches: 15 with the first secret, 0 on the fallback, 3 failed.');
  });
});
