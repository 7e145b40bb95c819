import { describe, expect, it } from 'vitest';
import { useTenantServer } from '../../tenant/hosts/testing.ts';
import { checkCode, exerciseFiles } from '../exercise-test-support.ts';
import { rotateWithoutDowntime } from './rotate-without-downtime.ts';

const tenant = useTenantServer();
const { starter, solution } = exerciseFiles('rotate-without-downtime');
const check = (code: string) => checkCode(rotateWithoutDowntime, tenant(), code);

describe('exercise 7: rotate without a failed request', () => {
  it('fails the starter (the new secret alone, deployed at once) with the fleet\'s failed fetches', async () => {
    expect(await check(starter)).toMatchObject({ passed: false, hint: 2, message: expect.stringMatching(/^\d+ token fetch(es)? of the fleet failed during your rotation \(the first: instance 0 at \+0 s; its only secret was refused then\)/) });
  });

  it('passes the solution, run after run, each rotating the secret the last one left', async () => {
    for (let round = 0; round < 3; round++) {
      expect(await check(solution)).toMatchObject({ passed: true, summary: expect.stringMatching(/^Rotated with no failed token fetch: the fleet made \d+ fetches, [1-9]\d* of them on the fallback secret/) });
    }
  });

  it('passes keeping both secrets with the new one first: each fetch falls back to the old until the switch', async () => {
    const code = solution.replace('deploy([billing.clientSecret, newSecret])', 'deploy([newSecret, billing.clientSecret])');
    expect(await check(code)).toMatchObject({ passed: true });
  });

  it('fails removing the old secret before the switch is over', async () => {
    const code = solution.replace('await tokenLab.clock.advance(30);', '');
    expect(await check(code)).toMatchObject({ passed: false, hint: 2, message: expect.stringMatching(/fetch(es)? of the fleet failed/) });
  });

  it('fails finishing while the old secret still works', async () => {
    const code = solution.replace(/await tokenLab\.clock\.advance\(30\);[\s\S]*$/, 'export default 0;');
    expect(await check(code)).toMatchObject({ passed: false, hint: 3, message: expect.stringMatching(/^The old secret still gets tokens/) });
  });

  it('fails leaving the old secret on the fleet', async () => {
    const code = solution.replace('await deploy([newSecret]);', '');
    expect(await check(code)).toMatchObject({ passed: false, hint: 4, message: 'The fleet still holds the old secret: once the switch is over, deploy only the new one.' });
  });

  it('fails finishing before the last deployment reached every instance', async () => {
    const code = solution.replace(/await deploy\(\[newSecret\]\);\nawait waitForRollout\(\);/, 'await deploy([newSecret]);');
    expect(code).not.toBe(solution);
    expect(await check(code)).toMatchObject({ passed: false, hint: 4, message: expect.stringMatching(/^Your last deployment has not reached every instance yet \(instance 1, 2/) });
  });

  it('fails hiding failures by stopping the fleet and starting a new one', async () => {
    const code = starter.replace('const fleet = await readFleet();', "await fetch(fleetUrl, { method: 'DELETE' });\nawait deploy([newSecret]);\nawait waitForRollout();\nconst fleet = await readFleet();");
    expect(await check(code)).toMatchObject({ passed: false, hint: 2, message: expect.stringMatching(/^The fleet this run started is gone/) });
  });

  it('fails code that never rotates', async () => {
    const code = solution.replace(/const rotated = [\s\S]*?const \{ client_secret: newSecret \} = await rotated\.json\(\);/, "const newSecret = billing.clientSecret;");
    expect(await check(code)).toMatchObject({ passed: false, hint: 1, message: expect.stringMatching(/^The Billing Worker still has its old secret/) });
  });

  it('passes the careful way round too: a secret of your own on the fleet first, then PATCHed in', async () => {
    const code = solution.replace(/const rotated = [\s\S]*?await waitForRollout\(\);\n/, `const newSecret = 'a-secret-generated-by-the-operator-0123456789';
await deploy([billing.clientSecret, newSecret]);
await waitForRollout();
const patched = await fetch(\`\${api}/clients/\${encodeURIComponent(billing.clientId)}\`, {
  method: 'PATCH',
  headers: { authorization: \`Bearer \${token}\`, 'content-type': 'application/json' },
  body: JSON.stringify({ client_secret: newSecret }),
});
if (patched.status !== 200) throw new Error(\`PATCH answered \${patched.status}\`);
`);
    expect(code).toContain('PATCH');
    expect(await check(code)).toMatchObject({ passed: true });
  });
});
