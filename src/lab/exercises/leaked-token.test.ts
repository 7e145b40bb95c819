import { describe, expect, it } from 'vitest';
import { useTenantServer } from '../../tenant/hosts/testing.ts';
import { checkCode, exerciseFiles } from '../exercise-test-support.ts';
import { leakedToken } from './leaked-token.ts';

const tenant = useTenantServer();
const { starter, solution } = exerciseFiles('leaked-token');
const check = (code: string) => checkCode(leakedToken, tenant(), code);

describe('exercise 6: respond to a leaked token', () => {
  it('fails the starter: nothing was rotated', async () => {
    expect(await check(starter)).toEqual({ passed: false, hint: 1, message: "Your code never rotated the leaked app's secret: POST /api/v2/clients/{id}/rotate-secret." });
  });

  it('passes the solution, run after run, each a new leak', async () => {
    for (let round = 0; round < 3; round++) {
      expect(await check(solution)).toMatchObject({ passed: true, summary: expect.stringMatching(/^Secret rotated \(the old one now gets 401\) and the leaked token correctly reported usable for \d+\.\d more hours/) });
    }
  });

  it('fails "waiting out" the token by moving the test clock', async () => {
    const code = solution.replace('const { exp } = decodeJwt', 'await tokenLab.clock.advance(86_400);\nconst { exp } = decodeJwt');
    expect(await check(code)).toMatchObject({ passed: false, hint: 4, message: expect.stringMatching(/^Moving the sandbox's clock by more than a few minutes is not a response/) });
  });

  it('fails a proof asked for before the new secret has switched in, and says to move the clock', async () => {
    const code = solution.replace('await tokenLab.clock.advance(30);', '');
    expect(code).not.toContain('tokenLab.clock.advance');
    expect(await check(code)).toMatchObject({ passed: false, hint: 3, message: expect.stringMatching(/^The old secret still got a token after you rotated: .*tokenLab\.clock\.advance\(30\)/) });
  });

  it('hands the next run the secret that still works while an earlier run\'s rotation switches', async () => {
    const early = solution.replace('await tokenLab.clock.advance(30);', '');
    expect(await check(early)).toMatchObject({ passed: false, hint: 3 });
    // The not-yet-working secret would be refused at once and pass for proof.
    expect(await check(early)).toMatchObject({ passed: false, hint: 3 });
  });

  it('passes a proof that tried the old secret during the switch and again after it', async () => {
    const code = solution.replace('await tokenLab.clock.advance(30);', 'await tokenFor(leak.clientId, leak.clientSecret);\nawait tokenLab.clock.advance(45);');
    expect(await check(code)).toMatchObject({ passed: true });
  });

  it('fails rotating the responder instead of the leaked app', async () => {
    const code = solution.replace('encodeURIComponent(leak.clientId)', 'encodeURIComponent(tokenLab.clientId)');
    expect(await check(code)).toMatchObject({ passed: false, hint: 1, message: 'You rotated the secret of Lab: Incident Responder, not of the leaked app (tokenLab.input.clientId).' });
  });

  it('fails rotating with the stolen token', async () => {
    const code = solution.replace('Bearer ${mine.body.access_token}', 'Bearer ${leak.accessToken}');
    expect(await check(code)).toMatchObject({ passed: false, hint: 2, message: expect.stringMatching(/^You called rotate-secret with the leaked token/) });
  });

  it('fails skipping the proof that the old secret is dead', async () => {
    const code = solution.replace('const withOldSecret = await tokenFor(leak.clientId, leak.clientSecret);', 'const withOldSecret = { status: 401, body: { error: "access_denied" } };');
    expect(await check(code)).toMatchObject({ passed: false, hint: 3 });
  });

  it('fails "revoked, zero hours left" and "a full day left", which the hours the token was issued ago rule out', async () => {
    expect(await check(solution.replace('export default hoursLeft;', 'export default 0;'))).toMatchObject({ passed: false, hint: 4, message: expect.stringMatching(/^Rotating the secret stops new tokens/) });
    expect(await check(solution.replace('export default hoursLeft;', 'export default 24;'))).toMatchObject({ passed: false, hint: 4, message: expect.stringMatching(/^You returned 24\.0 hours/) });
  });

  it('fails hours worked out from the run\'s own Date.now() when the tenant clock is a day ahead', async () => {
    const code = solution.replace('tokenLab.clock.now()', 'Date.now()');
    tenant().clock.set(Date.now() + 86_400_000);
    expect(await check(code)).toMatchObject({ passed: false, hint: 4 });
  });
});
