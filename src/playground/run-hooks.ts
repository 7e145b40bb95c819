/**
 * How something around a playground (a lab exercise) takes part in its runs without the
 * playground knowing about it: it sets `runHooks` on the `<token-lab-playground>` element, and
 * gets back, for every run, what the code actually did.
 *
 * @module
 */
import type { Tenant } from '../tenant/index.ts';
import type { RecordedRequest, RunContext } from './protocol.ts';
import type { RunStatus } from './worker-host.ts';

/** What a hook may change about the next run. */
export interface PreparedRun {
  /** Act as another application of the tenant than the reader's own. */
  app?: { clientId: string; clientSecret: string };
  /** Handed to the code as `tokenLab.input`. */
  input?: unknown;
}

/** Everything a run did, as recorded by the runtime (never as the code claims it). */
export interface RunEvidence {
  /** How the run ended; `not-run` when the code never started (a syntax error). */
  status: RunStatus | 'not-run';
  /** The sentence the status line showed. */
  message: string;
  /** Every request the code made, in order, as the guarded fetch recorded it. */
  requests: RecordedRequest[];
  /** The default export as JSON text; undefined without one, or when it has no JSON form. */
  resultJson?: string;
  /** True when the module had a default export (even one without a JSON form). */
  hasResult: boolean;
  /** Errors the code threw or the run reported. */
  errors: { name: string; message: string }[];
  /** The context the code ran with (its `tokenLab`). */
  context: RunContext;
}

/** Set on a playground element by whatever surrounds it. */
export interface PlaygroundRunHooks {
  /** Called before every run, with the page's tenant; may pick the app and the input. */
  prepare?(tenant: Tenant): Promise<PreparedRun>;
  /** Called after every run that started. */
  finished?(evidence: RunEvidence, tenant: Tenant): void;
}

/** A mounted playground, as its element offers it. */
export interface MountedPlayground {
  /** Runs the editor's code; resolves with what happened, or undefined when a run is already going. */
  run(): Promise<RunEvidence | undefined>;
  /** The editor's code. */
  getCode(): string;
  /** Replaces the editor's code as one undoable edit (Ctrl+Z brings the old code back). */
  setCode(code: string): void;
}

/** The `<token-lab-playground>` element's public side. */
export interface PlaygroundElement extends HTMLElement {
  runHooks?: PlaygroundRunHooks;
  /** Loads the editor (once) and resolves with the mounted playground. */
  start(): Promise<MountedPlayground | undefined>;
}
