/**
 * The rotation drill's timeline, as data: every token fetch of the sandbox fleet, one mark per
 * fetch, placed in seconds since the fleet started, with the drill's own events (the rotation,
 * each deployment, the switch) beside them. Pure, so the page and the tests read the same thing.
 *
 * @module
 */
import { FLEET_FETCH_EVERY_SECONDS, FLEET_INSTANCES, type FleetState } from '../../tenant/index.ts';

export type MarkOutcome = 'ok' | 'fallback' | 'failed';

export interface TimelineMark {
  instance: number;
  /** Seconds since the fleet started. */
  at: number;
  outcome: MarkOutcome;
  /** The fetch that came with a restart (the instance picked up a deployment). */
  restart: boolean;
  /** How many secrets, or keys, the instance tried. */
  tries: number;
  /** What it tried: client secrets, or Private Key JWT keys. */
  held: 'secret' | 'key';
  /** The deployment the instance ran. */
  version: number;
}

export interface TimelineEvent {
  /** Seconds since the fleet started. */
  at: number;
  label: string;
}

export interface Timeline {
  marks: TimelineMark[];
  /** Seconds from the start to the last mark or event. */
  span: number;
  counts: Record<MarkOutcome, number>;
}

/** Marks kept per instance: a drill lasts minutes, and a page must not draw a year of fetches. */
export const MAX_MARKS_PER_INSTANCE = 60;

export function fleetTimeline(fleet: FleetState, events: readonly TimelineEvent[] = []): Timeline {
  const marks: TimelineMark[] = [];
  for (let instance = 0; instance < FLEET_INSTANCES; instance++) {
    const own: TimelineMark[] = [];
    for (const entry of fleet.fetches.filter((fetched) => fetched.instance === instance)) {
      const deployment = fleet.deployments.find((candidate) => candidate.version === entry.version);
      const held = deployment !== undefined && deployment.keys.length > 0 ? 'key' : 'secret';
      for (let index = 0; index < entry.count && own.length < MAX_MARKS_PER_INSTANCE; index++) {
        const at = (entry.from - fleet.startedAt) / 1000 + index * FLEET_FETCH_EVERY_SECONDS;
        own.push({ instance, at: Math.round(at * 10) / 10, outcome: entry.outcome, restart: entry.restart, tries: entry.tries.length, held, version: entry.version });
      }
    }
    marks.push(...own);
  }
  marks.sort((a, b) => a.at - b.at || a.instance - b.instance);
  const span = Math.max(0, ...marks.map((mark) => mark.at), ...events.map((event) => event.at));
  return { marks, span, counts: { ...fleet.totals } };
}

/** One sentence a screen reader user gets instead of the picture. */
export function describeMark(mark: TimelineMark): string {
  const when = `+${mark.at} s`;
  const why = mark.restart ? ' (as it restarted with a new deployment)' : '';
  const what = mark.held;
  if (mark.outcome === 'ok') return `${when}: got a token with its first ${what}${why}.`;
  if (mark.outcome === 'fallback') return `${when}: its first ${what} was refused; got a token with the fallback${why}.`;
  return `${when}: no token: ${mark.tries === 1 ? `its only ${what} was` : `every ${what} it held was`} refused${why}.`;
}

/** "18 token fetches: 15 with the first secret, 0 on the fallback, 3 failed". */
export function describeCounts(counts: Record<MarkOutcome, number>, held: 'secret' | 'key' = 'secret'): string {
  const all = counts.ok + counts.fallback + counts.failed;
  return `${all} token fetch${all === 1 ? '' : 'es'}: ${counts.ok} with the first ${held}, ${counts.fallback} on the fallback, ${counts.failed} failed.`;
}
