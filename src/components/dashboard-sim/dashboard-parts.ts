/**
 * What the Dashboard's tabs share: the elements of its server-rendered markup, found once, and the
 * page's sandbox tenant with the questions every tab asks of it.
 */
import type { Application, Tenant } from '../../tenant/index.ts';

/** The Dashboard's elements; the markup is DashboardSim.astro's, so each one is there. */
export function dashboardParts(root: HTMLElement) {
  const q = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  return {
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
}

export type DashboardParts = ReturnType<typeof dashboardParts>;

/** What each tab is given: the elements, the tenant, and a way to redraw everything. */
export interface DashboardContext {
  root: HTMLElement;
  ui: DashboardParts;
  /** The page's tenant now (a reset replaces it). */
  tenant: () => Tenant;
  /** The page's in-page fetch to the tenant (`BrowserTenant.fetch`): never the network. */
  fetchTenant: typeof fetch;
  /** Redraws every list from the tenant. */
  refresh: () => void;
}

/** The machine-to-machine applications, the only ones a client grant is for. */
export function m2mApps(tenant: Tenant): Application[] {
  return tenant.applications.filter((app) => app.app_type === 'non_interactive');
}
