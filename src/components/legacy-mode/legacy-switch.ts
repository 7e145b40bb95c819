/**
 * Wires a "before the change" switch (a `role="switch"` button) and the page's legacy-mode
 * indicator (in LongLivedBanner's dock) to the shared browser tenant. Legacy mode is switched off
 * again when the reader leaves the page, so it never lingers unseen in the saved tenant.
 */
import type { BrowserTenant } from '../../tenant/hosts/browser.ts';

/** Keeps `control` and the dock's indicator in step with `tenant.legacyMode`. */
export function wireLegacySwitch(browserTenant: BrowserTenant, control: HTMLButtonElement | null, status: HTMLElement | null): void {
  const indicator = document.querySelector<HTMLElement>('[data-tl-dock] [data-legacy-indicator]');
  const render = () => {
    const on = browserTenant.tenant.legacyMode;
    control?.setAttribute('aria-checked', String(on));
    if (indicator) indicator.hidden = !on;
  };
  control?.addEventListener('click', () => {
    const on = !browserTenant.tenant.legacyMode;
    browserTenant.tenant.setLegacyMode(on);
    if (status) status.textContent = on ? 'Legacy mode on: the tenant now behaves as before the change.' : 'Legacy mode off: the tenant follows today\'s rules.';
  });
  if (indicator && indicator.dataset.wired !== 'true') {
    indicator.dataset.wired = 'true';
    indicator.querySelector('[data-legacy-off]')?.addEventListener('click', () => {
      browserTenant.tenant.setLegacyMode(false);
      if (status) status.textContent = 'Legacy mode off: the tenant follows today\'s rules.';
    });
    addEventListener('pagehide', () => {
      if (browserTenant.tenant.legacyMode) browserTenant.tenant.setLegacyMode(false);
    });
  }
  browserTenant.subscribe(render);
  render();
}
