/**
 * The simulated Dashboard's DOM side. Every action is carried out on the page's one sandbox
 * tenant (so playgrounds and other widgets see it at once); every list is redrawn from the
 * tenant whenever it changes, including after a reset. The two tabs of the Management API
 * screen are grants-tab.ts and explorer-tab.ts; the banner and the Create Application screen
 * are here.
 */
import { startBrowserTenant, type BrowserTenant } from '../../tenant/hosts/browser.ts';
import { el } from '../../playground/element-factory.ts';
import { SEEDED_CREDENTIALS, TenantError, type Tenant } from '../../tenant/index.ts';
import { dashboardParts, type DashboardContext } from './dashboard-parts.ts';
import { wireExplorerTab } from './explorer-tab.ts';
import { wireGrantsTab } from './grants-tab.ts';
import { chooseReaderApp, readReaderApp } from './reader-app-choice.ts';
import { wireTabs } from './tabs.ts';

const APP_TYPE_LABELS: Record<string, string> = {
  non_interactive: 'Machine to Machine',
  regular_web: 'Regular Web',
  spa: 'Single Page',
  native: 'Native',
};

export async function mountDashboard(root: HTMLElement): Promise<void> {
  const ui = dashboardParts(root);
  const browser: BrowserTenant = await startBrowserTenant();
  const tenant = (): Tenant => browser.tenant;
  if (browser.notice) ui.createStatus.textContent = browser.notice;

  const context: DashboardContext = { root, ui, tenant, fetchTenant: browser.fetch, refresh: () => refresh() };
  const grants = wireGrantsTab(context);
  const explorer = wireExplorerTab(context);

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
    const authorized = tenant().managementGrant(app.client_id) !== undefined;
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
    const created = tenant().createApplication({ name, app_type: 'non_interactive', description: 'Created in the simulated Dashboard (lesson 3).' });
    if (created instanceof TenantError) {
      ui.createStatus.textContent = `The tenant refused: ${created.message}`;
      return;
    }
    chooseReaderApp(created.client_id);
    ui.createStatus.textContent = `Created ${created.name} (client ID ${created.client_id}). Next: authorize it for the Management API below.`;
    grants.open(created.client_id);
    refresh();
  });

  const renderApps = () => {
    ui.appRows.replaceChildren(
      ...tenant().applications.map((app) =>
        el('tr', {}, el('td', {}, app.name), el('td', {}, APP_TYPE_LABELS[app.app_type] ?? app.app_type), el('td', {}, el('code', {}, app.client_id))),
      ),
    );
  };

  // ---- 2. the Management API's tabs ----
  wireTabs(root.querySelector<HTMLElement>('[data-tablist]')!, (name) => explorer.select(name === 'explorer'));

  // ---- keep everything in step with the tenant ----
  const refresh = () => {
    grants.closeIfGone();
    renderReader();
    renderApps();
    grants.render();
    explorer.render();
  };
  browser.subscribe(refresh);
  refresh();
}
