/**
 * The leak drill's DOM side: leaks a token of the seeded Reporting Service, shows what it opens
 * and until when (on the shared tenant clock), and lays each remedy's effect out side by side.
 */
import { startBrowserTenant } from '../../tenant/hosts/browser.ts';
import { claimAsDate, decodeToken, describeLifetime, secondsLeft } from '../../playground/decode-jwt.ts';
import { el } from '../../playground/element-factory.ts';
import { MANAGEMENT_ROUTES, SEEDED_CREDENTIALS } from '../../tenant/index.ts';
import { outcomeView } from '../tenant-widgets/outcome-view.ts';
import { applyRemedy, leakToken, resetDrill, type Attempt, type Leak, type RemedyId, type RemedyResult } from './drill-steps.ts';
import { routeReach } from './token-reach.ts';

const APP = SEEDED_CREDENTIALS.reporting;

export async function mountLeakDrill(root: HTMLElement): Promise<void> {
  const q = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const ui = {
    token: q('[data-leak-token]'),
    scopes: q('[data-leak-scopes]'),
    exp: q<HTMLTimeElement>('[data-leak-exp]'),
    countdown: q('[data-leak-countdown]'),
    reach: q('[data-reach]'),
    status: q('[data-drill-status]'),
    log: q('[data-drill-log]'),
    reset: q<HTMLButtonElement>('[data-reset]'),
  };
  const remedyButtons = [...root.querySelectorAll<HTMLButtonElement>('button[data-remedy]')];
  const browser = await startBrowserTenant();
  let leak: Leak | undefined;

  const tick = () => {
    const decoded = leak ? decodeToken(leak.token) : null;
    if (!decoded) return;
    const now = browser.tenant.clock.now();
    ui.countdown.textContent = describeLifetime(decoded.claims, now);
    ui.countdown.toggleAttribute('data-expired', (secondsLeft(decoded.claims, now) ?? 1) <= 0);
  };

  const startLeak = async () => {
    ui.status.textContent = 'Leaking a fresh token…';
    const leaked = await leakToken(browser.tenant, APP.client_id, browser.fetch);
    if (!('token' in leaked)) {
      leak = undefined;
      ui.status.textContent = `The tenant would not issue a token for ${APP.name} (${leaked.status}). Press Reset drill.`;
      setButtons(false);
      return;
    }
    leak = leaked;
    const decoded = decodeToken(leaked.token)!;
    const scopes = String(decoded.claims.scope ?? '').split(' ').filter(Boolean);
    ui.token.textContent = `${leaked.token.slice(0, 40)}…`;
    // A raised Token Expiration (lesson 3) makes the leaked token long-lived: the page-wide red bar says so.
    const { exp: expClaim, iat } = decoded.claims;
    if (typeof expClaim === 'number' && typeof iat === 'number' && expClaim - iat > 86_400) ui.token.dataset.longLivedToken = 'long';
    else delete ui.token.dataset.longLivedToken;
    ui.scopes.replaceChildren(...scopes.flatMap((scope, index) => [index > 0 ? ' ' : '', el('code', {}, scope)]));
    const exp = claimAsDate(decoded.claims, 'exp');
    ui.exp.textContent = exp ? exp.toISOString().replace('.000Z', 'Z').replace('T', ' ') : 'never';
    if (exp) ui.exp.dateTime = exp.toISOString();
    ui.reach.replaceChildren(
      ...routeReach(MANAGEMENT_ROUTES, scopes).map((route) =>
        el(
          'li',
          { class: route.openedBy.length > 0 ? 'tl-drill-open' : 'tl-drill-closed' },
          el('span', { class: 'tl-drill-mark', 'aria-hidden': 'true' }, route.openedBy.length > 0 ? '✓' : '✗'),
          el('code', {}, route.label),
          ' ',
          el('span', { class: 'tl-muted' }, route.openedBy.length > 0 ? `open (it holds ${route.openedBy.join(', ')})` : `closed (needs ${route.accepts.join(' or ')})`),
        ),
      ),
    );
    ui.status.textContent = `A token of ${APP.name} has leaked. It is valid until its exp.`;
    setButtons(true);
    tick();
  };

  const setButtons = (enabled: boolean) => {
    for (const button of remedyButtons) button.disabled = !enabled;
    ui.reset.disabled = false;
  };

  for (const button of remedyButtons) {
    button.addEventListener('click', async () => {
      if (!leak) return;
      setButtons(false);
      ui.status.textContent = 'Carrying out the remedy…';
      const result = await applyRemedy(browser.tenant, button.dataset.remedy as RemedyId, leak, browser.fetch);
      ui.log.append(resultView(button.textContent?.trim() ?? '', result));
      ui.status.textContent = `${result.done} Leaked token: ${result.oldToken.outcome.status}. New token request: ${result.newRequests.map((attempt) => attempt.outcome.status).join(' / ')}.`;
      setButtons(true);
    });
  }

  ui.reset.addEventListener('click', async () => {
    ui.reset.disabled = true;
    const refused = resetDrill(browser.tenant, APP.client_id, APP.scopes, Date.now());
    ui.log.replaceChildren();
    if (refused) {
      leak = undefined;
      ui.status.textContent = `Could not put ${APP.name} back: ${refused.message}`;
      setButtons(false);
      return;
    }
    await startLeak();
  });

  browser.subscribe(tick);
  const timer = setInterval(() => (root.isConnected ? tick() : clearInterval(timer)), 1000);
  await startLeak();
}

function resultView(title: string, result: RemedyResult): HTMLElement {
  const column = (heading: string, attempts: readonly Attempt[]) =>
    el('div', { class: 'tl-drill-column' }, el('h6', {}, heading), ...attempts.map((attempt) => el('div', {}, el('p', { class: 'tl-muted' }, attempt.label), outcomeView(attempt.request, attempt.outcome))));
  return el(
    'li',
    { class: 'tl-drill-result' },
    el('h5', {}, title),
    el('p', {}, result.done),
    el('div', { class: 'tl-drill-columns' }, column('The leaked (old) token', [result.oldToken]), column('New token requests', result.newRequests)),
  );
}
