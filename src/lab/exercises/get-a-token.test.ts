import { describe, expect, it } from 'vitest';
import { useTenantServer } from '../../tenant/hosts/testing.ts';
import { checkCode, exerciseFiles } from '../exercise-test-support.ts';
import { getAToken } from './get-a-token.ts';

const tenant = useTenantServer();
const { starter, solution } = exerciseFiles('get-a-token');
const check = (code: string) => checkCode(getAToken, tenant(), code);

const request = (body: string, url = 'tokenLab.tokenUrl', returned = 'body.access_token') => `
const response = await fetch(${url}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(${body}) });
const body = await response.json();
export default ${returned};`;
const GOOD = '{ grant_type: "client_credentials", client_id: tokenLab.clientId, client_secret: tokenLab.clientSecret, audience: tokenLab.audience }';

describe('exercise 1: get a token', () => {
  it('fails the starter code: it sends no grant_type', async () => {
    expect(await check(starter)).toEqual({ passed: false, message: 'Your token request had no grant_type: a machine-to-machine app asks with grant_type=client_credentials.', hint: 2 });
  });

  it('passes the solution', async () => {
    expect(await check(solution)).toMatchObject({ passed: true });
  });

  it('passes the same request sent form-encoded with HTTP Basic authentication', async () => {
    const code = `
const response = await fetch(tokenLab.tokenUrl, {
  method: 'POST',
  headers: { authorization: 'Basic ' + btoa(tokenLab.clientId + ':' + tokenLab.clientSecret) },
  body: new URLSearchParams({ grant_type: 'client_credentials', audience: tokenLab.audience }),
});
export default (await response.json()).access_token;`;
    expect(await check(code)).toMatchObject({ passed: true });
  });

  it('fails code that sends nothing and only prints or returns a made-up token', async () => {
    const fake = 'eyJhbGciOiJSUzI1NiJ9.eyJzY29wZSI6InJlYWQ6Y2xpZW50cyJ9.c2ln';
    expect(await check(`console.log('PASS: got a token'); export default '${fake}';`)).toMatchObject({ passed: false, hint: 1, message: expect.stringMatching(/sent no POST/) });
  });

  it('fails a real token request followed by a forged return value', async () => {
    const forged = await check(request(GOOD, 'tokenLab.tokenUrl', '"eyJhbGciOiJSUzI1NiJ9.e30.c2ln"'));
    expect(forged).toEqual({ passed: false, message: 'The string you returned is not a token the tenant issued during this run: return the access_token from the response.', hint: 4 });
  });

  it('fails returning the whole body, or nothing', async () => {
    expect(await check(request(GOOD, 'tokenLab.tokenUrl', 'body'))).toMatchObject({ passed: false, message: 'You returned the whole response body; return just its access_token.' });
    expect(await check(request(GOOD, 'tokenLab.tokenUrl', 'undefined').replace('export default undefined;', ''))).toMatchObject({ passed: false, hint: 4, message: expect.stringMatching(/did not return it/) });
  });

  it('names a wrong grant type, a missing audience and a wrong audience', async () => {
    expect(await check(request('{ grant_type: "password", client_id: tokenLab.clientId, client_secret: tokenLab.clientSecret, audience: tokenLab.audience }'))).toMatchObject({ hint: 2, message: expect.stringMatching(/grant_type=password/) });
    expect(await check(request('{ grant_type: "client_credentials", client_id: tokenLab.clientId, client_secret: tokenLab.clientSecret }'))).toMatchObject({ hint: 3, message: expect.stringMatching(/no audience/) });
    expect(await check(request('{ grant_type: "client_credentials", client_id: tokenLab.clientId, client_secret: tokenLab.clientSecret, audience: "https://api.example/" }'))).toMatchObject({ hint: 3, message: expect.stringMatching(/"https:\/\/api\.example\/"/) });
  });

  it('fails a secret sent in the query string, even though a token came back', async () => {
    const code = request(GOOD, 'tokenLab.tokenUrl + "?client_secret=" + encodeURIComponent(tokenLab.clientSecret)');
    expect(await check(code)).toMatchObject({ passed: false, hint: 2, message: expect.stringMatching(/went into the URL/) });
  });
});
