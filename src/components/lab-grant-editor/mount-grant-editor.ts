/**
 * The grant editor's live side: reads the lab app's grant from the page's sandbox tenant, saves
 * the ticked scopes back, and follows changes made elsewhere (a tenant reset, another tab's save
 * arrives with the next page load).
 */
import { LAB_APPS, ensureLabApp } from '../../lab/lab-apps.ts';
import { startBrowserTenant } from '../../tenant/hosts/browser.ts';
import { TenantError } from '../../tenant/index.ts';

export async function mountGrantEditor(root: HTMLElement, appKey: string): Promise<void> {
  if (!Object.hasOwn(LAB_APPS, appKey)) throw new Error(`[grant-editor] no lab app "${appKey}"`);
  const spec = LAB_APPS[appKey as keyof typeof LAB_APPS];
  const browserTenant = await startBrowserTenant();
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const save = root.querySelector<HTMLButtonElement>('[data-save]')!;
  const restore = root.querySelector<HTMLButtonElement>('[data-restore-grant]')!;
  const status = root.querySelector<HTMLElement>('[data-grant-status]')!;

  const show = () => {
    const { app } = ensureLabApp(browserTenant.tenant, spec);
    const granted = browserTenant.tenant.managementGrant(app.client_id)?.scope ?? [];
    for (const box of boxes) {
      box.checked = granted.includes(box.value);
      box.disabled = false;
    }
    save.disabled = false;
    restore.disabled = false;
  };
  const write = (scopes: string[], said: string) => {
    const { grant } = ensureLabApp(browserTenant.tenant, spec);
    const updated = browserTenant.tenant.updateGrant(grant.id, scopes);
    status.textContent = updated instanceof TenantError ? `Not saved: ${updated.message}` : said;
  };

  show();
  browserTenant.subscribe(show);
  save.addEventListener('click', () => {
    const scopes = boxes.filter((box) => box.checked).map((box) => box.value);
    write(scopes, `Saved. ${spec.name} is granted: ${scopes.join(' ') || 'no scopes at all'}. New tokens carry exactly these.`);
  });
  restore.addEventListener('click', () => write([...spec.scopes], `Back to the starting grant: ${spec.scopes.join(' ')}.`));
}
