import { TenantError } from './tenant-error.ts';

/**
 * The faults a lesson can switch on without touching code.
 *
 * - `rateLimited`: every `/oauth/token` and `/api/v2` request gets a 429.
 * - `clockSkewSeconds`: the Management API checks tokens against tenant time plus this offset
 *   (positive: tokens look expired early; negative: fresh tokens look not yet valid). 0 is off.
 * - `wrongAudience`: the Management API expects a misconfigured identifier (no trailing slash), so
 *   every real token is refused with `Bad audience`.
 * - `grantRevoked`: `/oauth/token` ignores client grants, as if every grant had been deleted.
 */
export interface DrillSettings {
  rateLimited: boolean;
  clockSkewSeconds: number;
  wrongAudience: boolean;
  grantRevoked: boolean;
}

/** Name of one drill. */
export type DrillName = keyof DrillSettings;

/** All drills off. */
export const NO_DRILLS: Readonly<DrillSettings> = Object.freeze({
  rateLimited: false,
  clockSkewSeconds: 0,
  wrongAudience: false,
  grantRevoked: false,
});

// Ten years either way is plenty for a lesson and keeps dates valid.
const MAX_SKEW_SECONDS = 315_360_000;

/** Checks a partial drill setting; returns a problem description or `undefined`. */
export function drillProblem(changes: unknown): string | undefined {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) return 'drills must be an object';
  for (const [name, value] of Object.entries(changes)) {
    if (name === 'clockSkewSeconds') {
      if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > MAX_SKEW_SECONDS) {
        return `drill clockSkewSeconds must be a whole number of seconds within ±${MAX_SKEW_SECONDS}`;
      }
    } else if (name === 'rateLimited' || name === 'wrongAudience' || name === 'grantRevoked') {
      if (typeof value !== 'boolean') return `drill ${name} must be true or false`;
    } else {
      return `unknown drill ${JSON.stringify(name)} (known: ${Object.keys(NO_DRILLS).join(', ')})`;
    }
  }
  return undefined;
}

/** The switchable set of drills of one tenant (`tenant.drills`). */
export class Drills {
  #settings: DrillSettings;
  readonly #onChange: () => void;

  /** @internal Created by the tenant. */
  constructor(initial: DrillSettings, onChange: () => void) {
    this.#settings = { ...initial };
    this.#onChange = onChange;
  }

  get rateLimited(): boolean { return this.#settings.rateLimited; }
  get clockSkewSeconds(): number { return this.#settings.clockSkewSeconds; }
  get wrongAudience(): boolean { return this.#settings.wrongAudience; }
  get grantRevoked(): boolean { return this.#settings.grantRevoked; }

  /** Names of the drills that are on. */
  get active(): DrillName[] {
    return (Object.keys(NO_DRILLS) as DrillName[]).filter((name) => this.#settings[name] !== NO_DRILLS[name]);
  }

  /**
   * Switches drills, e.g. `tenant.drills.set({ rateLimited: true })` or
   * `tenant.drills.set({ clockSkewSeconds: 90_000 })`. Throws a `TenantError` (`invalid_argument`)
   * for unknown names or wrong types: that is a bug in the lesson, not a learner mistake.
   */
  set(changes: Partial<DrillSettings>): void {
    const problem = drillProblem(changes);
    if (problem !== undefined) throw new TenantError('invalid_argument', { detail: problem });
    this.#settings = { ...this.#settings, ...changes };
    this.#onChange();
  }

  /** Switches every drill off. */
  reset(): void {
    this.set({ ...NO_DRILLS });
  }

  /** The current settings as a plain object. */
  toJSON(): DrillSettings {
    return { ...this.#settings };
  }
}
