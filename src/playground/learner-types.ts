/**
 * What the learner's code can see besides the standard worker APIs: the `tokenLab` global.
 * The same shape is declared for the editor (IntelliSense) and installed in the run worker.
 *
 * @module
 */
import type { RunContext } from './protocol.ts';

export { AVAILABLE_IMPORTS } from './learner-modules.ts';

/** The `tokenLab` global: the reader's sandbox tenant and application. */
export interface TokenLabGlobal extends RunContext {
  /** `https://<domain>/oauth/token`, where the client-credentials grant is sent. */
  tokenUrl: string;
}

/** The frozen `tokenLab` object for one run; frozen so a learner's mistake cannot change the next line's view of it. */
export function createTokenLabGlobal(context: RunContext): Readonly<TokenLabGlobal> {
  return Object.freeze({
    domain: context.domain,
    clientId: context.clientId,
    clientSecret: context.clientSecret,
    audience: context.audience,
    tokenUrl: `https://${context.domain}/oauth/token`,
  });
}

/** Where to register {@link LEARNER_TYPES} with `typescriptDefaults.addExtraLib`. */
export const LEARNER_TYPES_URI = 'ts:token-lab/learner-globals.d.ts';

/**
 * Declarations for `typescriptDefaults.addExtraLib`. A script file (no import or export), so
 * everything in it is global. Pair it with `lib: ['esnext', 'webworker']` in the compiler
 * options: the code runs in a worker, so `document` and `window` must not type-check.
 */
export const LEARNER_TYPES = `/**
 * Your sandbox tenant and application in Token Lab. The values are made up for this browser:
 * nothing in here is a real secret, and only https://\${tokenLab.domain} can be reached.
 */
declare const tokenLab: {
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
};
`;

/**
 * Compiler options for learner code, as plain values so this module does not import Monaco.
 * `99` is ESNext for both `target` and `module` in TypeScript's enums. The inline source map lets
 * runtime errors point at the learner's line.
 */
export const LEARNER_COMPILER_OPTIONS = {
  target: 99,
  module: 99,
  lib: ['esnext', 'webworker'],
  strict: true,
  noEmitOnError: false,
  inlineSourceMap: true,
  inlineSources: false,
  moduleDetection: 3, // "force": every file is a module, so top-level await works without an export
  allowNonTsExtensions: true,
} as const;
