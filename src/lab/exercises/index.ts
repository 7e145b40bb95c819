/**
 * Every lab exercise by its page slug. The page's Exercise component loads this module only when
 * the reader runs or checks code, so a lab page costs no more to read than a lesson.
 *
 * @module
 */
import type { PreparedRun, RunEvidence } from '../../playground/run-hooks.ts';
import type { Tenant } from '../../tenant/index.ts';
import type { CheckResult } from '../check-result.ts';
import type { LabExercise } from '../exercise.ts';
import { fixA403 } from './fix-a-403.ts';
import { getAToken } from './get-a-token.ts';
import { leakedToken } from './leaked-token.ts';
import { leastScopes } from './least-scopes.ts';
import { rotateWithoutDowntime } from './rotate-without-downtime.ts';
import { spotRiskyTokens } from './spot-risky-tokens.ts';
import { surviveExpiry } from './survive-expiry.ts';

/** A run set up for one exercise, with the judge that knows what was set up. */
export interface PreparedExercise {
  run: PreparedRun;
  judge(evidence: RunEvidence, tenant: Tenant): Promise<CheckResult>;
  /** To call when the run has finished, before or without judging it. */
  afterRun(evidence: RunEvidence, tenant: Tenant): void;
}

type Preparer = (tenant: Tenant) => Promise<PreparedExercise>;

// Binds each exercise's facts to its own check, so callers never see the per-exercise types.
function preparer<Facts>(exercise: LabExercise<Facts>): Preparer {
  return async (tenant) => {
    const { run, facts } = await exercise.prepare(tenant);
    return {
      run,
      judge: (evidence, after) => exercise.check(evidence, facts, after),
      afterRun: (evidence, after) => exercise.afterRun?.(evidence, after),
    };
  };
}

const ALL = [getAToken, leastScopes, fixA403, surviveExpiry, spotRiskyTokens, leakedToken, rotateWithoutDowntime];
const PREPARERS = new Map<string, Preparer>(ALL.map((exercise) => [exercise.id, preparer(exercise as LabExercise<unknown>)]));

/** The exercise slugs, in lab order. */
export const EXERCISE_IDS: readonly string[] = ALL.map((exercise) => exercise.id);

/** How many hints each exercise's page must have (its check refers to them by number). */
export const EXERCISE_HINTS: Readonly<Record<string, number>> = Object.fromEntries(ALL.map((exercise) => [exercise.id, exercise.hints]));

/** Sets up a run of exercise `id`; throws for an unknown id (a wrong prop in a lab page). */
export function prepareExercise(id: string, tenant: Tenant): Promise<PreparedExercise> {
  const prepare = PREPARERS.get(id);
  if (prepare === undefined) throw new Error(`[lab] no exercise called "${id}"; known: ${EXERCISE_IDS.join(', ')}`);
  return prepare(tenant);
}
