/**
 * The shape every lab exercise has: it may set up the tenant and the run (which application the
 * code acts as, what `tokenLab.input` holds), and it judges a finished run from the recorded
 * evidence, the facts it set up, and the tenant's state afterwards.
 *
 * @module
 */
import type { Tenant } from '../tenant/index.ts';
import type { PreparedRun, RunEvidence } from '../playground/run-hooks.ts';
import type { CheckResult } from './check-result.ts';

export interface Prepared<Facts> {
  run: PreparedRun;
  facts: Facts;
}

export interface LabExercise<Facts = unknown> {
  /** The page slug under /lab/, e.g. "get-a-token". */
  id: string;
  /** How many hints the page has; a failure never points past the last one. */
  hints: number;
  prepare(tenant: Tenant): Promise<Prepared<Facts>>;
  check(evidence: RunEvidence, facts: Facts, tenant: Tenant): Promise<CheckResult>;
  /** Called after every run (checked or not), e.g. to undo what the run did to the shared tenant. */
  afterRun?(evidence: RunEvidence, tenant: Tenant): void;
}
