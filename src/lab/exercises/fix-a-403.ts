import { fail, pass } from '../check-result.ts';
import type { LabExercise } from '../exercise.ts';
import { LAB_APPS, ensureLabApp } from '../lab-apps.ts';
import { readTraffic, scopesOf } from '../traffic.ts';

const MISSING = 'read:client_grants';
const WANTED = [...LAB_APPS.grantAuditor.scopes, MISSING];

/**
 * Exercise 3: the Grant Auditor app lists client grants and gets `403 insufficient_scope`. The fix
 * is in the tenant, not the code: add exactly the one missing scope to the app's grant (the grant
 * editor on the page). Judged on the call's status, on whose credentials got the token, and on the
 * grant as the tenant holds it afterwards.
 */
export const fixA403: LabExercise<{ clientId: string }> = {
  id: 'fix-a-403',
  hints: 3,
  async prepare(tenant) {
    const { app } = ensureLabApp(tenant, LAB_APPS.grantAuditor);
    return { run: { app: { clientId: app.client_id, clientSecret: app.client_secret } }, facts: { clientId: app.client_id } };
  },
  async check(evidence, facts, tenant) {
    const { tokenRequests, apiCalls } = readTraffic(evidence.requests, evidence.context.domain);
    const borrowed = tokenRequests.find((request) => request.clientId !== undefined && request.clientId !== facts.clientId);
    if (borrowed) {
      const name = tenant.application(borrowed.clientId!)?.name ?? borrowed.clientId;
      return fail(`Your code asked for a token as ${name}; fix the Grant Auditor's own grant instead of borrowing another app's credentials.`, 3);
    }
    const calls = apiCalls.filter((call) => call.method === 'GET' && call.path.split('?')[0] === '/api/v2/client-grants');
    if (calls.length === 0) return fail('Your code never called GET /api/v2/client-grants: keep that call, the fix is elsewhere.', 1);
    const last = calls.at(-1)!;
    const grant = tenant.managementGrant(facts.clientId);
    const granted = grant?.scope ?? [];
    if (last.status !== 200) {
      if (last.status === 403 && granted.includes(MISSING)) {
        return fail(`The grant now has ${MISSING}, but the token your code used carries only: ${scopesOf(last.claims).join(' ') || '(none)'}. Request a new token (without a narrower scope parameter).`, 3);
      }
      const body = last.response as { message?: unknown } | undefined;
      const said = typeof body?.message === 'string' ? ` "${body.message}"` : '';
      return fail(`GET /api/v2/client-grants still answered ${last.status}${said}: the Grant Auditor's grant needs ${MISSING}.`, 2);
    }
    const extra = granted.filter((scope) => !WANTED.includes(scope));
    if (extra.length > 0) return fail(`It works, but the grant now also has ${extra.join(', ')}: grant exactly the one missing scope and untick the rest.`, 3);
    const lost = WANTED.filter((scope) => !granted.includes(scope));
    if (lost.length > 0) return fail(`It works, but the grant lost ${lost.join(', ')}, which the app had before: add the missing scope without removing others.`, 3);
    return pass(`GET /api/v2/client-grants answered 200 after you granted exactly ${MISSING}; the Grant Auditor's grant is now ${WANTED.join(' ')} and nothing else.`);
  },
};
