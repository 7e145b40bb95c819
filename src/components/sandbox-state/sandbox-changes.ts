/**
 * What in the reader's sandbox tenant differs from a fresh one in a way that changes what a page
 * shows: the Management API's Token Expiration, legacy mode, a drill left on, a rotated secret, a
 * seeded application or grant that is gone or different, a tenant clock moved ahead. Records the
 * reader is meant to add (an application made in lesson 3, the lab's apps) are not changes; they
 * are only counted, because a reset removes them.
 *
 * The input is a saved tenant (`tenant.toJSON()`, or the same JSON read back from storage), so the
 * page can tell without starting the tenant. Storage is untrusted: anything unreadable counts as
 * no change, which is also what the tenant does with it (it starts again from the seed).
 */
import { MANAGEMENT_TOKEN_LIFETIME, managementAudience } from '../../tenant/management-scopes.ts';
import { SEEDED_CREDENTIALS, SEEDED_GLOBAL_CLIENT } from '../../tenant/seed.ts';

/** A tenant clock less than this far ahead of the reader's is in step (as the tenant clock widget says). */
export const CLOCK_IN_STEP_MS = 60_000;

/** The drills a lesson can leave on (src/tenant/drills.ts). */
export type DrillName = 'rateLimited' | 'clockSkew' | 'wrongAudience' | 'grantRevoked';

/** One way the sandbox differs from its starting state. */
export type SandboxChange =
  | { readonly kind: 'token-lifetime'; readonly seconds: number }
  | { readonly kind: 'drill'; readonly drill: DrillName; /** clockSkew only: the offset, + ahead. */ readonly seconds?: number }
  | { readonly kind: 'legacy-mode' }
  | { readonly kind: 'app-grant'; readonly app: string; /** The grant's scopes now; `null`: the grant is gone. */ readonly scopes: readonly string[] | null; readonly seededScopes: readonly string[] }
  | { readonly kind: 'app-gone'; readonly app: string }
  | { readonly kind: 'app-secret'; readonly app: string }
  | { readonly kind: 'global-secret' }
  | { readonly kind: 'clock'; readonly aheadSeconds: number };

/** The kinds of change, in the order the notice lists them: what changes most output first. */
export const CHANGE_KINDS = ['token-lifetime', 'drill', 'legacy-mode', 'app-grant', 'app-gone', 'app-secret', 'global-secret', 'clock'] as const satisfies ReadonlyArray<SandboxChange['kind']>;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The sandbox as the notice sees it. */
export interface SandboxState {
  /** In {@link CHANGE_KINDS} order; empty when the sandbox is as it started. */
  readonly changes: readonly SandboxChange[];
  /** Applications the reader added (a reset removes them). */
  readonly createdApps: number;
}

/** A sandbox with nothing changed. */
export const UNCHANGED: SandboxState = { changes: [], createdApps: 0 };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/**
 * What differs in a saved tenant from a fresh one. `wallNow` is the reader's time (ms): a saved
 * clock is restored at the time it was saved, so `clock.now - wallNow` is how far ahead the tenant
 * will be on this page.
 */
export function sandboxState(saved: unknown, wallNow: number): SandboxState {
  if (!isObject(saved) || saved.format !== 'token-lab-tenant' || typeof saved.domain !== 'string') return UNCHANGED;
  const changes: SandboxChange[] = [];
  const audience = managementAudience(saved.domain);

  const api = list(saved.resourceServers).find((server) => server.identifier === audience);
  if (typeof api?.token_lifetime === 'number' && api.token_lifetime !== MANAGEMENT_TOKEN_LIFETIME) {
    changes.push({ kind: 'token-lifetime', seconds: api.token_lifetime });
  }

  const drills = isObject(saved.drills) ? saved.drills : {};
  if (drills.rateLimited === true) changes.push({ kind: 'drill', drill: 'rateLimited' });
  if (typeof drills.clockSkewSeconds === 'number' && drills.clockSkewSeconds !== 0) changes.push({ kind: 'drill', drill: 'clockSkew', seconds: drills.clockSkewSeconds });
  if (drills.wrongAudience === true) changes.push({ kind: 'drill', drill: 'wrongAudience' });
  if (drills.grantRevoked === true) changes.push({ kind: 'drill', drill: 'grantRevoked' });

  if (saved.legacyMode === true) changes.push({ kind: 'legacy-mode' });

  const apps = list(saved.applications);
  const grants = list(saved.clientGrants);
  const seeded = Object.values(SEEDED_CREDENTIALS);
  const gone: SandboxChange[] = [];
  const rotated: SandboxChange[] = [];
  for (const credential of seeded) {
    const app = apps.find((candidate) => candidate.client_id === credential.client_id);
    if (app === undefined) {
      gone.push({ kind: 'app-gone', app: credential.name });
      continue;
    }
    if (app.client_secret !== credential.client_secret) rotated.push({ kind: 'app-secret', app: credential.name });
    const grant = grants.find((candidate) => candidate.client_id === credential.client_id && candidate.audience === audience);
    const scopes = grant === undefined ? null : strings(grant.scope);
    if (!sameScopes(scopes, credential.scopes)) changes.push({ kind: 'app-grant', app: credential.name, scopes, seededScopes: credential.scopes });
  }
  changes.push(...gone, ...rotated);

  if (isObject(saved.globalClient) && saved.globalClient.client_secret !== SEEDED_GLOBAL_CLIENT.client_secret) changes.push({ kind: 'global-secret' });

  // Only ahead: a saved clock resumes where it was saved, so time away leaves it behind by itself.
  const clock = isObject(saved.clock) ? saved.clock.now : undefined;
  if (typeof clock === 'number' && clock - wallNow >= CLOCK_IN_STEP_MS) changes.push({ kind: 'clock', aheadSeconds: Math.round((clock - wallNow) / 1000) });

  const seededIds = new Set<string>(seeded.map((credential) => credential.client_id));
  const createdApps = apps.filter((app) => typeof app.client_id === 'string' && !seededIds.has(app.client_id)).length;
  return { changes, createdApps };
}

/** `null` (no grant) matches a seeded app that has none, as Nightly Backup starts. */
function sameScopes(scopes: readonly string[] | null, seeded: readonly string[]): boolean {
  if (scopes === null) return seeded.length === 0;
  return scopes.length === seeded.length && seeded.every((scope) => scopes.includes(scope));
}

/**
 * The changes a reader still needs to be told of, given what the page already says loudly: the
 * yellow legacy bar, when shown, is the notice for legacy mode (with its own off switch).
 */
export function changesToShow(state: SandboxState, legacyBarShown: boolean): readonly SandboxChange[] {
  return legacyBarShown ? state.changes.filter((change) => change.kind !== 'legacy-mode') : state.changes;
}
