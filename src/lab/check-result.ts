/**
 * What a lab check says. A failure is one sentence about what was wrong and, when one helps,
 * the number of the hint to read; a pass says what was verified, so the learner knows why.
 *
 * @module
 */

/** The verdict of one check. */
export type CheckResult =
  | { passed: true; summary: string }
  | { passed: false; message: string; hint?: number };

export function pass(summary: string): CheckResult {
  return { passed: true, summary };
}

export function fail(message: string, hint?: number): CheckResult {
  return hint === undefined ? { passed: false, message } : { passed: false, message, hint };
}
