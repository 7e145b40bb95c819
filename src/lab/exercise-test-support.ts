/**
 * Test support (not shipped): the starter and solution files of a lab page, and a helper that
 * prepares, runs and checks code the way the page's Check button does.
 *
 * @module
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Tenant } from '../tenant/index.ts';
import type { CheckResult } from './check-result.ts';
import type { LabExercise } from './exercise.ts';
import { runCodeInNode } from './run-code-in-node.ts';

/** The `<name>.ts` and `<name>.solution.ts` beside the exercise's page in content/lab/. */
export function exerciseFiles(id: string): { starter: string; solution: string } {
  const folder = readdirSync('content/lab').find((name) => name.replace(/^\d+-/, '') === id);
  if (folder === undefined) throw new Error(`test set-up: no content/lab folder for ${id}`);
  const read = (file: string) => readFileSync(join('content/lab', folder, file), 'utf8');
  return { starter: read(`${id}.ts`), solution: read(`${id}.solution.ts`) };
}

/** Prepare → run → after-run → check, as the page does. */
export async function checkCode<Facts>(exercise: LabExercise<Facts>, tenant: Tenant, code: string): Promise<CheckResult> {
  const { run, facts } = await exercise.prepare(tenant);
  const evidence = await runCodeInNode(code, tenant, run);
  exercise.afterRun?.(evidence, tenant);
  return exercise.check(evidence, facts, tenant);
}
