import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import type { RunEvidence } from '../../playground/run-hooks.ts';
import { useTenantServer } from '../../tenant/hosts/testing.ts';
import { checkCode, exerciseFiles } from '../exercise-test-support.ts';
import { makeRiskyTokenSet, riskFlags, type RiskFlag } from '../risky-token-set.ts';
import { spotRiskyTokens } from './spot-risky-tokens.ts';

const tenant = useTenantServer();
const { starter, solution } = exerciseFiles('spot-risky-tokens');
const check = (code: string) => checkCode(spotRiskyTokens, tenant(), code);

/** A seeded generator, so a test can ask for two different sets and know they differ. */
function seeded(seed: number) {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

function evidenceReturning(value: unknown): RunEvidence {
  const context = { domain: 'acme.auth0.test', clientId: 'c', clientSecret: 's', audience: 'https://acme.auth0.test/api/v2/' };
  return { status: 'ok', message: 'Done.', requests: [], errors: [], hasResult: true, resultJson: JSON.stringify(value), context };
}

describe('exercise 5: spot risky tokens', () => {
  it('fails the starter with a verdict on a named token, and passes the solution, over several fresh sets', async () => {
    for (let round = 0; round < 4; round++) {
      expect(await check(starter)).toMatchObject({ passed: false, message: expect.stringMatching(/^Token \d: you (missed|flagged) /) });
      expect(await check(solution)).toMatchObject({ passed: true, summary: 'All 7 verdicts right on a set made for this run: 6 risky tokens and 1 of the kind the client-credentials grant issues today.' });
    }
  });

  it('makes sets whose tokens really carry the flags it expects, in a new order each time', async () => {
    const first = await makeRiskyTokenSet(tenant(), seeded(1));
    const second = await makeRiskyTokenSet(tenant(), seeded(2));
    for (const set of [first, second]) {
      expect(set.tokens.map((token) => riskFlags(decodeProtectedHeader(token).alg!, decodeJwt(token)))).toEqual(set.truth);
    }
    expect(second.truth).not.toEqual(first.truth);
    expect(new Set(first.truth.map((flags) => flags.join()))).toHaveProperty('size', 7);
  });

  it('fails verdicts copied from an earlier run', async () => {
    const earlier = await makeRiskyTokenSet(tenant(), seeded(1));
    const now = await makeRiskyTokenSet(tenant(), seeded(2));
    expect(await spotRiskyTokens.check(evidenceReturning(earlier.truth), { truth: now.truth }, tenant())).toMatchObject({ passed: false });
  });

  it('fails flagging everything, flagging nothing, and a printed verdict with no return', async () => {
    const { truth } = await makeRiskyTokenSet(tenant(), seeded(3));
    const all: RiskFlag[] = ['no-expiry', 'long-lived', 'shared-secret', 'write-scopes'];
    expect(await spotRiskyTokens.check(evidenceReturning(truth.map(() => all)), { truth }, tenant())).toMatchObject({ passed: false, message: expect.stringMatching(/you flagged/) });
    expect(await spotRiskyTokens.check(evidenceReturning(truth.map(() => [])), { truth }, tenant())).toMatchObject({ passed: false, message: expect.stringMatching(/you missed/) });
    expect(await check('console.log("All 7 verdicts right"); export {};')).toMatchObject({ passed: false, message: expect.stringMatching(/^Return an array/) });
  });

  it('names the hint for each kind of mistake', async () => {
    const truth: RiskFlag[][] = [['no-expiry'], ['long-lived'], ['shared-secret'], ['write-scopes']];
    const without = (index: number) => truth.map((flags, i) => (i === index ? [] : flags));
    for (const [index, hint] of [1, 2, 3, 4].entries()) {
      expect(await spotRiskyTokens.check(evidenceReturning(without(index)), { truth }, tenant())).toMatchObject({ passed: false, hint, message: expect.stringMatching(new RegExp(`^Token ${index + 1}: you missed`)) });
    }
  });

  it('refuses malformed verdicts with a plain message', async () => {
    const truth: RiskFlag[][] = [[], ['no-expiry']];
    const judge = (value: unknown) => spotRiskyTokens.check(evidenceReturning(value), { truth }, tenant());
    expect(await judge([[]])).toMatchObject({ message: 'You returned 1 verdicts for 2 tokens: one list of flags per token, in order.' });
    expect(await judge([[], 'no-expiry'])).toMatchObject({ message: 'Verdict 2 is not a list of flag names.' });
    expect(await judge([[], ['expired']])).toMatchObject({ message: '"expired" is not one of the flags: no-expiry, long-lived, shared-secret, write-scopes.' });
    expect(await judge({ 0: [], 1: ['no-expiry'] })).toMatchObject({ message: expect.stringMatching(/^Return an array/) });
  });
});
