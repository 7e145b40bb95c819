/**
 * The simulated Dashboard's DOM side. Every action is carried out on the page's one sandbox
 * tenant (so playgrounds and other widgets see it at once); every list is redrawn from the
 * tenant whenever it changes, including after a reset.
 */
import { startBrowserTenant, type BrowserTenant } from '../../tenant/hosts/browser.ts';
import { el } from '../../playground/element-factory.ts';
import { decodeToken } from '../../playground/decode-jwt.ts';
import { SEEDED_CREDENTIALS, type Application, type Tenant } from '../../tenant/index.ts';
import { claimRows } from '../tenant-widgets/claim-rows.ts';
import { claimsTable } from '../tenant-widgets/claims-table.ts';
import { outcomeView } from '../tenant-widgets/outcome-view.ts';
import { accessTokenOf, requestToken } from '../tenant-widgets/tenant-http.ts';
import { checkTokenExpiration, DEFAULT_API_TOKEN_LIFETIME, describeLifetime, lifetimeRisk } from './expiration-field.ts';
import { chooseReaderApp, readReaderApp } from './reader-app-choice.ts';
import { filterScopes } from './scope-filter.ts';
import { wireTabs } from './tabs.ts';

const APP_TYPE_LABELS: Record<string, string> = {
  non_interactive: 'Machine to Machine',
  regular_web: 'Regular Web',
  spa: 'Single Page',
  native: 'Native',
};

export async function mountDashboard(root: HTMLElement): Promise<void> {
  const q = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const ui = {
    readerText: q('[data-reader-text]'),
    readerReset: q<HTMLButtonElement>('[data-reader-reset]'),
    createForm: q<HTMLFormElement>('[data-create-form]'),
    createStatus: q('[data-create-status]'),
    appRows: q('[data-app-rows]'),
    m2mList: q('[data-m2m-list]'),
    editor: q('[data-scope-editor]'),
    editorTitle: q('[data-scope-title]'),
    filter: q<HTMLInputElement>('[data-scope-filter]'),
    scopeCount: q('[data-scope-count]'),
    noMatch: q('[data-no-match]'),
    update: q<HTMLButtonElement>('[data-update]'),
    cancel: q<HTMLButtonElement>('[data-cancel]'),
    grantStatus: q('[data-grant-status]'),
    grantJson: q('[data-grant-json]'),
    grantText: q('[data-grant-text]'),
    explorerApp: q<HTMLSelectElement>('[data-explorer-app]'),
    explorerEmpty: q('[data-explorer-empty]'),
    explorerBody: q('[data-explorer-body]'),
    tokenText: q<HTMLTextAreaElement>('[data-token-text]'),
    copy: q<HTMLButtonElement>('[data-copy]'),
    expiration: q<HTMLInputElement>('[data-expiration]'),
    regenerate: q<HTMLButtonElement>('[data-regenerate]'),
    explorerStatus: q('[data-explorer-status]'),
    tokenFacts: q('[data-token-facts]'),
    tokenLifetime: q('[data-token-lifetime]'),
    tokenClaims: q('[data-token-claims]'),
    lifetimeText: q('[data-lifetime-text]'),
    risk: q('[data-expiration-risk]'),
    riskText: q('[data-risk-text]'),
  };
  const scopeBoxes = [...root.querySelectorAll<HTMLInputElement>('input[data-scope]')];

  const browser: BrowserTenant = await startBrowserTenant();
  const tenant = (): Tenant => browser.tenant;
  if (browser.notice) ui.createStatus.textContent = browser.notice;

  /** The application whose scopes the editor shows, if it is open. */
  let editing: string | undefined;
  let explorerOpen = false;

  // ---- who the playgrounds act as ----
  const renderReader = () => {
    const chosen = readReaderApp();
    const app = chosen === null ? undefined : tenant().application(chosen);
    ui.readerText.replaceChildren();
    if (app === undefined) {
      ui.readerText.append('Your playgrounds act as ', el('strong', {}, SEEDED_CREDENTIALS.reporting.name), ' (the seeded app).');
      ui.readerReset.hidden = true;
      return;
    }
    const authorized = grantOf(app.client_id) !== undefined;
    ui.readerText.append(
      'Your playgrounds now act as ',
      el('strong', {}, app.name),
      ' (',
      el('code', {}, app.client_id),
      ').',
      authorized ? '' : ' It is not authorized for the Management API yet, so its token requests get 403 until you authorize it below.',
    );
    ui.readerReset.hidden = false;
  };
  ui.readerReset.addEventListener('click', () => {
    chooseReaderApp(null);
    renderReader();
  });

  const grantOf = (clientId: string) =>
    tenant().clientGrants.find((grant) => grant.client_id === clientId && grant.audience === tenant().managementAudience);
  const m2mApps = (): Application[] => tenant().applications.filter((app) => app.app_type === 'non_interactive');

  // ---- 1. Create Application ----
  ui.createForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(ui.createForm);
    const name = String(data.get('name') ?? '').trim();
    const type = String(data.get('app_type') ?? '');
    if (name === '') {
      ui.createStatus.textContent = 'Give the application a name first.';
      return;
    }
    if (type !== 'non_interactive') {
      ui.createStatus.textContent =
        'For a backend that calls the Management API with its own credentials, pick Machine to Machine Applications: the other types are for apps where a person logs in.';
      return;
    }
    const result = tenant().createApplication({ name, app_type: 'non_interactive', description: 'Created in the simulated Dashboard (lesson 3).' });
    if (!result.ok) {
      ui.createStatus.textContent = `The tenant refused: ${result.error.message}`;
      return;
    }
    chooseReaderApp(result.value.client_id);
    ui.createStatus.textContent = `Created ${result.value.name} (client ID ${result.value.client_id}). Next: authorize it for the Management API below.`;
    openEditor(result.value.client_id);
    refresh();
  });

  const renderApps = () => {
    ui.appRows.replaceChildren(
      ...tenant().applications.map((app) =>
        el('tr', {}, el('td', {}, app.name), el('td', {}, APP_TYPE_LABELS[app.app_type] ?? app.app_type), el('td', {}, el('code', {}, app.client_id))),
      ),
    );
  };

  // ---- 2. Machine to Machine Applications tab ----
  const renderM2m = () => {
    ui.m2mList.replaceChildren(
      ...m2mApps().map((app) => {
        const grant = grantOf(app.client_id);
        const on = grant !== undefined || editing === app.client_id;
        const toggle = el('button', { type: 'button', role: 'switch', 'aria-checked': String(on), 'aria-label': `${app.name}: authorized` }, on ? 'Authorized' : 'Unauthorized');
        toggle.addEventListener('click', () => (grant ? revoke(app) : on ? closeEditor() : openEditor(app.client_id)));
        const edit = grant
          ? el('button', { type: 'button', class: 'tl-widget-button', 'aria-expanded': String(editing === app.client_id), 'aria-label': `Edit scopes of ${app.name}` }, 'Edit scopes')
          : null;
        edit?.addEventListener('click', () => (editing === app.client_id ? closeEditor() : openEditor(app.client_id)));
        return el(
          'li',
          {},
          el('span', { class: 'tl-dash-app-name' }, el('strong', {}, app.name), ' ', el('span', { class: 'tl-muted' }, grant ? `${grant.scope.length} scopes` : 'no grant')),
          toggle,
          edit,
        );
      }),
    );
  };

  const openEditor = (clientId: string) => {
    const app = tenant().application(clientId);
    if (!app) return;
    editing = clientId;
    const granted = new Set(grantOf(clientId)?.scope ?? []);
    for (const box of scopeBoxes) box.checked = granted.has(box.value);
    ui.editorTitle.textContent = `Scopes for ${app.name}`;
    ui.filter.value = '';
    applyFilter();
    ui.editor.hidden = false;
    renderM2m();
  };
  const closeEditor = () => {
    editing = undefined;
    ui.editor.hidden = true;
    renderM2m();
  };

  const applyFilter = () => {
    const shown = new Set(filterScopes(scopeBoxes.map((box) => ({ value: box.value, description: box.parentElement?.textContent ?? '' })), ui.filter.value).map((scope) => scope.value));
    for (const box of scopeBoxes) box.closest<HTMLElement>('[data-scope-item]')!.hidden = !shown.has(box.value);
    ui.noMatch.hidden = shown.size > 0;
    countScopes();
  };
  const countScopes = () => {
    const ticked = scopeBoxes.filter((box) => box.checked).length;
    ui.scopeCount.textContent = `${ticked} of ${scopeBoxes.length} selected`;
  };
  ui.filter.addEventListener('input', applyFilter);
  ui.editor.addEventListener('change', countScopes);
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-select]')) {
    button.addEventListener('click', () => {
      const all = button.dataset.select === 'all';
      for (const box of scopeBoxes) {
        if (!box.closest<HTMLElement>('[data-scope-item]')!.hidden) box.checked = all;
      }
      countScopes();
    });
  }
  ui.cancel.addEventListener('click', closeEditor);

  ui.update.addEventListener('click', () => {
    if (editing === undefined) return;
    const scopes = scopeBoxes.filter((box) => box.checked).map((box) => box.value);
    const app = tenant().application(editing);
    if (!app) return closeEditor();
    if (scopes.length === 0) {
      ui.grantStatus.textContent = 'Tick at least one scope: a token without scopes opens no endpoint. To take access away, switch the application to Unauthorized.';
      return;
    }
    const existing = grantOf(app.client_id);
    const result = existing ? tenant().updateGrant(existing.id, scopes) : tenant().authorize(app.client_id, scopes);
    if (!result.ok) {
      ui.grantStatus.textContent = `The tenant refused: ${result.error.message}`;
      return;
    }
    ui.grantStatus.textContent = `${existing ? 'Client grant updated' : 'Client grant created'}: ${app.name} may now get Management API tokens with ${scopes.length} scope${scopes.length === 1 ? '' : 's'}.`;
    showGrant(result.value);
    editing = undefined;
    ui.editor.hidden = true;
    refresh();
  });

  const revoke = (app: Application) => {
    const grant = grantOf(app.client_id);
    if (!grant) return;
    const result = tenant().revokeGrant(grant.id);
    if (!result.ok) return;
    if (editing === app.client_id) editing = undefined;
    ui.editor.hidden = editing === undefined;
    ui.grantStatus.textContent = `Grant deleted: ${app.name} gets no new Management API tokens. Tokens it already holds keep working until they expire.`;
    ui.grantJson.hidden = true;
    refresh();
  };

  const showGrant = (grant: object) => {
    ui.grantText.textContent = JSON.stringify(grant, null, 2);
    ui.grantJson.hidden = false;
  };

  // ---- 3. API Explorer tab ----
  const renderExplorerApps = () => {
    const authorized = m2mApps().filter((app) => grantOf(app.client_id) !== undefined);
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
    const result = tenant().setTokenLifetime(check.seconds);
    if (!result.ok) return { ok: false, note: `The tenant refused: ${result.error.message}` };
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
      const outcome = await requestToken(tenant().domain, { clientId: app.client_id, clientSecret: app.client_secret, audience: tenant().managementAudience });
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

  wireTabs(root.querySelector<HTMLElement>('[data-tablist]')!, (name) => {
    explorerOpen = name === 'explorer';
    if (explorerOpen) {
      renderExplorerApps();
      if (ui.explorerApp.value && lastTokenFor !== ui.explorerApp.value) void regenerate(false);
    }
  });

  // ---- keep everything in step with the tenant ----
  const refresh = () => {
    if (editing !== undefined && tenant().application(editing) === undefined) {
      editing = undefined;
      ui.editor.hidden = true;
    }
    renderReader();
    renderApps();
    renderM2m();
    renderLifetime();
    if (explorerOpen) renderExplorerApps();
  };
  browser.subscribe(refresh);
  refresh();
}
