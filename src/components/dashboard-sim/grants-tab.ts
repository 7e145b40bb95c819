/**
 * The Dashboard's "Machine to Machine Applications" tab: switch an application to Authorized,
 * tick its scopes, Update. That pair, application plus scopes, is a client grant in the tenant.
 */
import { el } from '../../playground/element-factory.ts';
import { TenantError, type Application } from '../../tenant/index.ts';
import { m2mApps, type DashboardContext } from './dashboard-parts.ts';
import { filterScopes } from './scope-filter.ts';

/** What the rest of the Dashboard asks of the tab. */
export interface GrantsTab {
  render(): void;
  /** Opens the scope editor for an application (a newly created one, say). */
  open(clientId: string): void;
  /** Closes the editor if its application is gone (a tenant reset). */
  closeIfGone(): void;
}

export function wireGrantsTab({ root, ui, tenant, refresh }: DashboardContext): GrantsTab {
  const scopeBoxes = [...root.querySelectorAll<HTMLInputElement>('input[data-scope]')];
  const grantOf = (clientId: string) => tenant().managementGrant(clientId);
  /** The application whose scopes the editor shows, if it is open. */
  let editing: string | undefined;

  const renderM2m = () => {
    ui.m2mList.replaceChildren(
      ...m2mApps(tenant()).map((app) => {
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
    const grant = existing ? tenant().updateGrant(existing.id, scopes) : tenant().authorize(app.client_id, scopes);
    if (grant instanceof TenantError) {
      ui.grantStatus.textContent = `The tenant refused: ${grant.message}`;
      return;
    }
    ui.grantStatus.textContent = `${existing ? 'Client grant updated' : 'Client grant created'}: ${app.name} may now get Management API tokens with ${scopes.length} scope${scopes.length === 1 ? '' : 's'}.`;
    showGrant(grant);
    editing = undefined;
    ui.editor.hidden = true;
    refresh();
  });

  const revoke = (app: Application) => {
    const grant = grantOf(app.client_id);
    if (!grant) return;
    if (tenant().revokeGrant(grant.id) instanceof TenantError) return;
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

  return {
    render: renderM2m,
    open: openEditor,
    closeIfGone: () => {
      if (editing !== undefined && tenant().application(editing) === undefined) {
        editing = undefined;
        ui.editor.hidden = true;
      }
    },
  };
}
