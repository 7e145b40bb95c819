import { describe, expect, it } from 'vitest';
import { useTenantServer } from '../../tenant/hosts/testing.ts';
import { TenantError } from '../../tenant/index.ts';
import { checkCode, exerciseFiles } from '../exercise-test-support.ts';
import { LAB_APPS, ensureLabApp } from '../lab-apps.ts';
import { fixA403 } from './fix-a-403.ts';

const tenant = useTenantServer();
const { starter, solution } = exerciseFiles('fix-a-403');
const check = (code: string) => checkCode(fixA403, tenant(), code);
function setGrant(scopes: string[]) {
  const { grant } = ensureLabApp(tenant(), LAB_APPS.grantAuditor);
  const updated = tenant().updateGrant(grant.id, scopes);
  if (updated instanceof TenantError) throw updated;
}

describe('exercise 3: fix a 403', () => {
  it('fails the starter code with the 403 the API gave', async () => {
    expect(await check(starter)).toEqual({
      passed: false,
      hint: 2,
      message: 'GET /api/v2/client-grants still answered 403 "Insufficient scope, expected any of: read:client_grants": the Grant Auditor\'s grant needs read:client_grants.',
    });
  });

  it('passes once exactly read:client_grants is granted', async () => {
    setGrant(['read:clients', 'read:client_grants']);
    expect(await check(solution)).toMatchObject({ passed: true });
  });

  it('fails a grant widened to more than the missing scope, naming the extras', async () => {
    setGrant(['read:clients', 'read:client_grants', 'delete:client_grants', 'create:clients']);
    expect(await check(solution)).toMatchObject({ passed: false, hint: 3, message: expect.stringMatching(/also has delete:client_grants, create:clients/) });
  });

  it('fails a grant that lost the scope the app already had', async () => {
    setGrant(['read:client_grants']);
    expect(await check(solution)).toMatchObject({ passed: false, message: expect.stringMatching(/lost read:clients/) });
  });

  it('fails borrowing the API Explorer application, which holds every scope', async () => {
    const code = starter
      .replace('client_id: tokenLab.clientId', `client_id: ${JSON.stringify(tenant().seeded.explorer.client_id)}`)
      .replace('client_secret: tokenLab.clientSecret', `client_secret: ${JSON.stringify(tenant().seeded.explorer.client_secret)}`);
    expect(await check(code)).toMatchObject({ passed: false, message: expect.stringMatching(/as API Explorer Application; fix the Grant Auditor's own grant/) });
  });

  it('explains a narrow token request once the grant is right', async () => {
    setGrant(['read:clients', 'read:client_grants']);
    const code = starter.replace('audience: tokenLab.audience,', "audience: tokenLab.audience, scope: 'read:clients',");
    expect(await check(code)).toMatchObject({ passed: false, message: expect.stringMatching(/carries only: read:clients/) });
  });

  it('fails code that drops the call and prints a 200', async () => {
    expect(await check("console.log(200, 'PASS'); export default [];")).toMatchObject({ passed: false, hint: 1 });
  });
});
