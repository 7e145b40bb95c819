/**
 * What the learner's code can see besides the standard worker APIs: the `tokenLab` global.
 * The same shape is declared for the editor (IntelliSense) and installed in the run worker.
 *
 * @module
 */
import type { RunContext } from './protocol.ts';

export { AVAILABLE_IMPORTS } from './learner-modules.ts';

/** The tenant's clock as learner code sees it. */
export interface LearnerClock {
  now(): number;
  advance(seconds: number): Promise<number>;
}

/** The `tokenLab` global: the reader's sandbox tenant and application. */
export interface TokenLabGlobal extends Omit<RunContext, 'clockOffsetMs'> {
  /** `https://<domain>/oauth/token`, where the client-credentials grant is sent. */
  tokenUrl: string;
  clock: LearnerClock;
  input: unknown;
}

/**
 * The frozen `tokenLab` object for one run; frozen so a learner's mistake cannot change the next
 * line's view of it. `fetch` is the guarded one: moving the clock is an ordinary, recorded request
 * to the tenant's test clock, so an exercise check sees when time moved between the other calls.
 */
export function createTokenLabGlobal(context: RunContext, fetch: typeof globalThis.fetch, pageNow: () => number = Date.now): Readonly<TokenLabGlobal> {
  let offset = context.clockOffsetMs ?? 0;
  const clockUrl = `https://${context.domain}/__sandbox/clock`;
  const clock: LearnerClock = Object.freeze({
    now: () => pageNow() + offset,
    async advance(seconds: number): Promise<number> {
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
        throw new RangeError(`tokenLab.clock.advance(seconds) needs a number of seconds, 0 or more; got ${String(seconds)}.`);
      }
      const response = await fetch(clockUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advance_seconds: seconds }),
      });
      const body = (await response.json()) as { now_seconds?: unknown; message?: unknown };
      if (!response.ok || typeof body.now_seconds !== 'number') {
        throw new Error(`The tenant's clock did not move: ${response.status} ${String(body.message ?? '')}`.trim());
      }
      offset += seconds * 1000;
      return pageNow() + offset;
    },
  });
  return Object.freeze({
    domain: context.domain,
    clientId: context.clientId,
    clientSecret: context.clientSecret,
    audience: context.audience,
    tokenUrl: `https://${context.domain}/oauth/token`,
    clock,
    input: deepFreeze(context.input === undefined ? undefined : structuredClone(context.input)),
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** Where to register {@link LEARNER_TYPES} with `typescriptDefaults.addExtraLib`. */
export const LEARNER_TYPES_URI = 'ts:token-lab/learner-globals.d.ts';

/**
 * Declarations for `typescriptDefaults.addExtraLib`. A script file (no import or export), so
 * everything in it is global. Paired with the worker's libraries in `editor-environment.ts`:
 * the code runs in a worker, so `document` and `window` must not type-check. The types are named
 * (`TokenLab`) so that TypeScript's messages say "on type 'TokenLab'" instead of spelling out the
 * whole object in every squiggle.
 */
export const LEARNER_TYPES = `/** What \`tokenLab\` holds: your sandbox tenant and application. */
interface TokenLab {
  /** The tenant's domain, without https:// (for example "dev-tokenlab.eu.auth0.com"). */
  readonly domain: string;
  /** The client ID of your machine-to-machine application. */
  readonly clientId: string;
  /** The application's client secret. Real ones belong on a server, never in a browser. */
  readonly clientSecret: string;
  /** The Management API identifier, "https://<domain>/api/v2/": ask for a token for this audience. */
  readonly audience: string;
  /** "https://<domain>/oauth/token": where the client-credentials request goes. */
  readonly tokenUrl: string;
  /**
   * The sandbox tenant's clock (a test clock: real tenants have none). now() is the tenant's time
   * in ms, like Date.now(); advance(seconds) moves the tenant forward, so tokens really expire.
   */
  readonly clock: TokenLabClock;
  /** Data an exercise gives your code (read-only); undefined outside the lab. */
  readonly input: unknown;
}

/**
 * The sandbox tenant's clock (a test clock: real tenants have none).
 */
interface TokenLabClock {
  /** The tenant's time in ms, like Date.now(). */
  now(): number;
  /** Moves the tenant forward by this many seconds (so tokens really expire); resolves to the new now(). */
  advance(seconds: number): Promise<number>;
}

/**
 * Your sandbox tenant and application in Token Lab. The values are made up for this browser:
 * nothing in here is a real secret, and only https://\${tokenLab.domain} can be reached.
 */
declare const tokenLab: TokenLab;
`;
