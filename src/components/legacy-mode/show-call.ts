/**
 * Fills a <TenantCall> block inside `host` with the tenant's answer to GET /api/v2/clients for
 * `token`: the status line, a plain-words reason, and the exact body.
 */
import type { BrowserTenant } from '../../tenant/hosts/browser.ts';
import { outcomeView } from '../tenant-widgets/outcome-view.ts';
import { callManagementApi } from '../tenant-widgets/tenant-http.ts';
import { explainOutcome, statusLine } from './call-outcome.ts';

export async function showCall(browserTenant: BrowserTenant, host: HTMLElement, token: string): Promise<void> {
  const result = host.querySelector<HTMLElement>('[data-call-result]');
  const line = host.querySelector('[data-call-status]');
  const body = host.querySelector('[data-call-body]');
  const why = host.querySelector('[data-call-why]');
  if (!result || !line || !body || !why) return;
  const { tenant } = browserTenant;
  const outcome = await callManagementApi(tenant.domain, 'GET', '/api/v2/clients', token, browserTenant.fetch);
  line.textContent = statusLine(outcome.status, tenant.legacyMode);
  result.dataset.ok = String(outcome.status === 200);
  why.textContent = explainOutcome(outcome, tenant.legacyMode);
  body.replaceChildren(outcomeView('GET /api/v2/clients', outcome));
}

/** Empties the result, e.g. when the token it was about has changed. */
export function clearCall(host: HTMLElement, message = ''): void {
  const result = host.querySelector<HTMLElement>('[data-call-result]');
  if (result) delete result.dataset.ok;
  host.querySelector('[data-call-body]')?.replaceChildren();
  const line = host.querySelector('[data-call-status]');
  const why = host.querySelector('[data-call-why]');
  if (line) line.textContent = message;
  if (why) why.textContent = '';
}
