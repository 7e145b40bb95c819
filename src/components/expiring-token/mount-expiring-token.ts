/**
 * The expiring-token widget's DOM side: gets a real token for the seeded Reporting Service, shows
 * its claims and a countdown on the shared tenant clock, and calls `GET /api/v2/clients` with it
 * on demand, so a clock jump elsewhere on the page turns the next call into the real 401.
 */
import { startBrowserTenant } from '../../tenant/hosts/browser.ts';
import { decodeToken, describeLifetime, secondsLeft } from '../../playground/decode-jwt.ts';
import { SEEDED_CREDENTIALS } from '../../tenant/index.ts';
import { claimRows } from '../tenant-widgets/claim-rows.ts';
import { claimsTable } from '../tenant-widgets/claims-table.ts';
import { outcomeView } from '../tenant-widgets/outcome-view.ts';
import { accessTokenOf, callManagementApi, requestToken } from '../tenant-widgets/tenant-http.ts';
import { DEFAULT_LIFETIME, lifetimeOf, lifetimeSentence } from './lifetime-sentence.ts';

const CALL_PATH = '/api/v2/clients';

export async function mountExpiringToken(root: HTMLElement): Promise<void> {
  const q = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const countdown = q('[data-countdown]');
  const claims = q('[data-claims]');
  const tokenText = q<HTMLTextAreaElement>('[data-token]');
  const status = q('[data-token-status]');
  const result = q('[data-call-result]');
  const newToken = q<HTMLButtonElement>('[data-new-token]');
  const call = q<HTMLButtonElement>('[data-call]');
  const copy = q<HTMLButtonElement>('[data-copy]');

  const browser = await startBrowserTenant();
  let token: string | undefined;

  const tick = () => {
    const decoded = token === undefined ? null : decodeToken(token);
    if (decoded === null) return;
    const now = browser.tenant.clock.now();
    countdown.textContent = describeLifetime(decoded.claims, now);
    countdown.toggleAttribute('data-expired', (secondsLeft(decoded.claims, now) ?? 1) <= 0);
  };

  const issue = async () => {
    newToken.disabled = true;
    status.textContent = 'Requesting a token…';
    const tenant = browser.tenant;
    // The current secret, not the seeded one: the leak drill on another page may have rotated it.
    const app = tenant.application(SEEDED_CREDENTIALS.reporting.client_id);
    const clientSecret = app?.client_secret ?? SEEDED_CREDENTIALS.reporting.client_secret;
    const outcome = await requestToken(tenant.domain, { clientId: SEEDED_CREDENTIALS.reporting.client_id, clientSecret, audience: tenant.managementAudience }, browser.fetch);
    newToken.disabled = false;
    token = accessTokenOf(outcome);
    if (token === undefined) {
      status.textContent = `The tenant refused a token (${outcome.status}); reset the sandbox from the tenant reference page if you changed the Reporting Service.`;
      result.replaceChildren(outcomeView('POST /oauth/token', outcome));
      return;
    }
    tokenText.value = token;
    copy.disabled = false;
    call.disabled = false;
    claims.replaceChildren(claimsTable('Claims of the token', claimRows(token) ?? []));
    result.replaceChildren();
    const lifetime = lifetimeOf(token);
    status.textContent = `New token issued for the Reporting Service. ${lifetimeSentence(lifetime)}`;
    // Someone raised the Token Expiration (lesson 3): the page-wide red bar shows while it is on screen.
    if (lifetime !== undefined && lifetime > DEFAULT_LIFETIME) claims.dataset.longLivedToken = 'long';
    else delete claims.dataset.longLivedToken;
    tick();
  };

  call.addEventListener('click', async () => {
    if (token === undefined) return;
    call.disabled = true;
    const outcome = await callManagementApi(browser.tenant.domain, 'GET', CALL_PATH, token, browser.fetch);
    call.disabled = false;
    result.replaceChildren(outcomeView(`GET ${CALL_PATH}`, outcome));
    status.textContent = outcome.status === 200 ? 'Called GET /api/v2/clients: 200, the token works.' : `Called GET /api/v2/clients: ${outcome.status}, refused.`;
  });
  newToken.addEventListener('click', () => void issue());
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(tokenText.value).then(
      () => (status.textContent = 'Token copied.'),
      () => {
        tokenText.select();
        status.textContent = 'Copying was blocked; the token is selected, press Ctrl+C (⌘+C).';
      },
    );
  });

  browser.subscribe(tick);
  const timer = setInterval(() => (root.isConnected ? tick() : clearInterval(timer)), 1000);
  await issue();
}

