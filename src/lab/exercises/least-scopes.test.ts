import { describe, expect, it } from 'vitest';
import { useTenantServer } from '../../tenant/hosts/testing.ts';
import { checkCode, exerciseFiles } from '../exercise-test-support.ts';
import { leastScopes } from './least-scopes.ts';

const tenant = useTenantServer();
const { starter, solution } = exerciseFiles('least-scopes');
const check = (code: string) => checkCode(leastScopes, tenant(), code);

describe('exercise 2: list clients with the least scopes', () => {
  it('fails the starter code: the token carries read:client_keys too', async () => {
    expect(await check(starter)).toEqual({
      passed: false,
      hint: 1,
      message: "Your token request had no scope, so the token carries every granted scope, including read:client_keys. Ask for scope: 'read:clients'.",
    });
  });

  it('passes the solution', async () => {
    expect(await check(solution)).toMatchObject({ passed: true, summary: expect.stringMatching(/^Listed \d+ applications/) });
  });

  it('fails a token asked for with both scopes named', async () => {
    const code = solution.replace("scope: 'read:clients'", "scope: 'read:clients read:client_keys'");
    expect(await check(code)).toMatchObject({ passed: false, hint: 2, message: 'Your token carries read:client_keys as well as read:clients; ask for read:clients only.' });
  });

  it('fails a narrow token that is never used, with a list typed in by hand', async () => {
    const code = solution.replace(/const listResponse[^]*$/, 'export default [{ client_id: "abc", name: "Reporting Service" }];');
    expect(await check(code)).toMatchObject({ passed: false, hint: 3, message: 'Your code never called GET /api/v2/clients with the token.' });
  });

  it('fails a list that is not the one the API answered with', async () => {
    expect(await check(solution.replace('export default apps;', 'export default apps.slice(1);'))).toMatchObject({ passed: false, message: 'The list you returned is not the one GET /api/v2/clients answered with.' });
    expect(await check(solution.replace('export default apps;', 'export default { apps };'))).toMatchObject({ passed: false, message: 'Return the list of applications (the JSON array the API answered with).' });
  });

  it('fails a narrow token fetched for show while a wide one did the listing', async () => {
    const code = `${solution.replace('export default apps;', '')}
const wide = await (await fetch(tokenLab.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials', client_id: tokenLab.clientId, client_secret: tokenLab.clientSecret, audience: tokenLab.audience }) })).json();
export default apps;`;
    expect(await check(code)).toMatchObject({ passed: false, hint: 1 });
  });
});
