import { fail, pass } from '../check-result.ts';
import type { LabExercise } from '../exercise.ts';
import { RISK_FLAGS, makeRiskyTokenSet, type RiskFlag } from '../risky-token-set.ts';
import { resultOf } from '../traffic.ts';

const HINT_FOR: Record<RiskFlag, number> = { 'no-expiry': 1, 'long-lived': 2, 'shared-secret': 3, 'write-scopes': 4 };
const WHY: Record<RiskFlag, [present: string, absent: string]> = {
  'no-expiry': ['it has no exp claim, so it never stops working', 'it does have an exp claim'],
  'long-lived': ['exp − iat is more than 86,400 seconds', 'exp − iat is at most 86,400 seconds (iat and exp are seconds, not milliseconds)'],
  'shared-secret': ['its header says HS256: whoever can check it can also forge it', 'its header says RS256 (read alg from the header, not the payload)'],
  'write-scopes': ['its scope includes a scope that is not read:…', 'every scope it carries starts with read:'],
};

/**
 * Exercise 5: the code gets a fresh set of tokens as `tokenLab.input` and returns, per token, the
 * risks it carries. Judged only on the returned verdicts against the set this run was given, so
 * a verdict list copied from an earlier run fails.
 */
export const spotRiskyTokens: LabExercise<{ truth: RiskFlag[][] }> = {
  id: 'spot-risky-tokens',
  hints: 4,
  async prepare(tenant) {
    const set = await makeRiskyTokenSet(tenant);
    return { run: { input: set.tokens }, facts: { truth: set.truth } };
  },
  async check(evidence, { truth }) {
    const returned = resultOf(evidence.resultJson);
    if (evidence.errors.length > 0 && !returned.ok) return fail(`Your code threw: ${evidence.errors[0]!.message}`);
    if (!returned.ok || !Array.isArray(returned.value)) return fail(`Return an array with one list of flags per token, in the order of tokenLab.input (${truth.length} tokens).`);
    const verdicts = returned.value;
    if (verdicts.length !== truth.length) return fail(`You returned ${verdicts.length} verdicts for ${truth.length} tokens: one list of flags per token, in order.`);
    for (const [index, verdict] of verdicts.entries()) {
      if (!Array.isArray(verdict) || !verdict.every((flag) => typeof flag === 'string')) return fail(`Verdict ${index + 1} is not a list of flag names.`);
      const unknown = verdict.find((flag) => !(RISK_FLAGS as readonly string[]).includes(flag));
      if (unknown !== undefined) return fail(`"${unknown}" is not one of the flags: ${RISK_FLAGS.join(', ')}.`);
    }
    for (const [index, expected] of truth.entries()) {
      const given = new Set(verdicts[index] as string[]);
      const missed = expected.find((flag) => !given.has(flag));
      if (missed) return fail(`Token ${index + 1}: you missed ${missed}: ${WHY[missed][0]}.`, HINT_FOR[missed]);
      const wrong = RISK_FLAGS.find((flag) => given.has(flag) && !expected.includes(flag));
      if (wrong) return fail(`Token ${index + 1}: you flagged ${wrong}, but ${WHY[wrong][1]}.`, HINT_FOR[wrong]);
    }
    const risky = truth.filter((flags) => flags.length > 0).length;
    return pass(`All ${truth.length} verdicts right on a set made for this run: ${risky} risky tokens and ${truth.length - risky} of the kind the client-credentials grant issues today.`);
  },
};
