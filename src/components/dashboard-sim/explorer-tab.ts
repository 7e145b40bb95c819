/**
 * The Dashboard's "API Explorer" tab: a test token for an authorized application from a real
 * POST /oauth/token, and the Token Expiration field, which sets the Management API's
 * token_lifetime in the tenant as it does on Auth0.
 */
import { decodeToken } from '../../playground/decode-jwt.ts';
import { el } from '../../playground/element-factory.ts';
import { TenantError } from '../../tenant/index.ts';
import { claimRows } from '../tenant-widgets/claim-rows.ts';
import { claimsTable } from '../tenant-widgets/claims-table.ts';
import { outcomeView } from '../tenant-widgets/outcome-view.ts';
import { accessTokenOf, requestToken } from '../tenant-widgets/tenant-http.ts';
import { m2mApps, type DashboardContext } from './dashboard-parts.ts';
import { checkTokenExpiration, DEFAULT_API_TOKEN_LIFETIME, describeLifetime, lifetimeRisk } from './expiration-field.ts';
import { readReaderApp } from './reader-app-choice.ts';

/** What the rest of the Dashboard asks of the tab. */
export interface ExplorerTab {
  /** The tab was selected (true) or left (false). */
  select(open: boolean): void;
  /** Follows the tenant: its token lifetime always, its applications while the tab is open. */
  render(): void;
}

export function wireExplorerTab({ ui, tenant, fetchTenant }: DashboardContext): ExplorerTab {
  let explorerOpen = false;

  const renderExplorerApps = () => {
    const authorized = m2mApps(tenant()).filter((app) => tenant().managementGrant(app.client_id) !== undefined);
    const previous = ui.explorerApp.value;
    const preferred = readReaderApp();
    ui.explorerApp.replaceChildren(...authorized.map((app) => el('option', { value: app.client_id }, app.name)));
    const keep = [previous, preferred].find((id) => id && authorized.some((app) => app.client_id === id));
    if (keep) ui.explorerApp.value = keep;
    ui.explorerEmpty.hidden = authorized.length > 0;
    ui.explorerBody.hidden = authorized.length === 0;
    ui.explorerApp.disabled = authorized.length === 0;
  };

  let lastTokenFor: string | undefined;
  let lastTokenLifetime = DEFAULT_API_TOKEN_LIFETIME;
  const currentLifetime = () => tenant().managementApi.token_lifetime;

  /** The warning follows what the field says: what the tenant applies, or what the reader is about to save. */
  const renderRisk = () => {
    const typed = checkTokenExpiration(ui.expiration.value);
    const value = typed.ok ? typed.seconds : currentLifetime();
    const risk = lifetimeRisk(value, value === currentLifetime());
    if (risk !== null && ui.riskText.textContent !== risk) ui.riskText.textContent = risk;
    ui.risk.hidden = risk === null;
  };
  ui.expiration.addEventListener('input', () => {
    ui.expiration.removeAttribute('aria-invalid');
    renderRisk();
  });

  /** Saves the field into the tenant (Token Expiration) when it changed; false when refused. */
  const saveExpiration = (): { ok: boolean; note: string } => {
    const check = checkTokenExpiration(ui.expiration.value);
    if (!check.ok) {
      ui.expiration.setAttribute('aria-invalid', 'true');
      return { ok: false, note: check.message };
    }
    ui.expiration.removeAttribute('aria-invalid');
    if (check.seconds === currentLifetime()) return { ok: true, note: '' };
    const saved = tenant().setTokenLifetime(check.seconds);
    if (saved instanceof TenantError) return { ok: false, note: `The tenant refused: ${saved.message}` };
    return { ok: true, note: `Token Expiration saved: ${describeLifetime(check.seconds)}. ` };
  };

  const showClaims = (token: string | undefined) => {
    const claims = token === undefined ? null : decodeToken(token)?.claims;
    const lifetime = typeof claims?.exp === 'number' && typeof claims.iat === 'number' ? claims.exp - claims.iat : undefined;
    ui.tokenLifetime.textContent = lifetime === undefined ? '' : `This token: exp − iat = ${describeLifetime(lifetime)}.`;
    ui.tokenClaims.replaceChildren(...(token === undefined ? [] : [claimsTable('Claims of the token', claimRows(token) ?? [])]));
    // A page with the long-lived banner picks this up, as it does for hand-signed tokens.
    if (lifetime !== undefined && lifetime > DEFAULT_API_TOKEN_LIFETIME) ui.tokenText.dataset.longLivedToken = 'long';
    else delete ui.tokenText.dataset.longLivedToken;
    lastTokenLifetime = lifetime ?? DEFAULT_API_TOKEN_LIFETIME;
  };

  const regenerate = async (checkField: boolean) => {
    const app = tenant().application(ui.explorerApp.value);
    if (!app) return;
    let note = '';
    if (checkField) {
      const saved = saveExpiration();
      if (!saved.ok) {
        ui.explorerStatus.textContent = saved.note;
        renderRisk();
        return;
      }
      note = saved.note;
    }
    ui.regenerate.disabled = true;
    ui.explorerStatus.textContent = `${note}Requesting a token…`;
    try {
      const outcome = await requestToken(tenant().domain, { clientId: app.client_id, clientSecret: app.client_secret, audience: tenant().managementAudience }, fetchTenant);
      const token = accessTokenOf(outcome);
      ui.tokenText.value = token ?? '';
      ui.copy.disabled = token === undefined;
      lastTokenFor = app.client_id;
      showClaims(token);
      const body = outcome.body as { expires_in?: number; scope?: string };
      ui.explorerStatus.textContent = token
        ? `${note}Token issued for ${app.name}, valid for ${(body.expires_in ?? 0).toLocaleString('en-US')} s.`
        : `${note}The tenant refused a token for ${app.name} (${outcome.status}).`;
      ui.tokenFacts.replaceChildren(outcomeView('POST /oauth/token', token ? { status: outcome.status, body: { ...body, access_token: `${token.slice(0, 24)}… (above)` } } : outcome));
    } finally {
      ui.regenerate.disabled = false;
    }
  };
  ui.regenerate.addEventListener('click', () => void regenerate(true));
  ui.explorerApp.addEventListener('change', () => void regenerate(false));
  ui.copy.addEventListener('click', () => {
    navigator.clipboard.writeText(ui.tokenText.value).then(
      () => (ui.explorerStatus.textContent = `Token copied. Treat it like a password: it opens the Management API for ${describeLifetime(lastTokenLifetime)}.`),
      () => {
        ui.tokenText.select();
        ui.explorerStatus.textContent = 'Copying was blocked; the token is selected, press Ctrl+C (⌘+C).';
      },
    );
  });

  /** Keeps the lifetime line and the field in step with the tenant (a reset, another widget). */
  let shownLifetime: number | undefined;
  const renderLifetime = () => {
    const lifetime = currentLifetime();
    if (lifetime === shownLifetime) return;
    shownLifetime = lifetime;
    ui.lifetimeText.textContent = lifetime.toLocaleString('en-US');
    ui.expiration.value = String(lifetime);
    ui.expiration.removeAttribute('aria-invalid');
    renderRisk();
  };

  return {
    select: (open) => {
      explorerOpen = open;
      if (explorerOpen) {
        renderExplorerApps();
        if (ui.explorerApp.value && lastTokenFor !== ui.explorerApp.value) void regenerate(false);
      }
    },
    render: () => {
      renderLifetime();
      if (explorerOpen) renderExplorerApps();
    },
  };
}
