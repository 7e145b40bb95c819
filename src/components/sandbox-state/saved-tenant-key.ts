/**
 * The localStorage key the page's sandbox tenant is saved under (`TENANT_STORAGE_KEY` in
 * src/tenant/hosts/browser.ts; saved-tenant-key.test.ts holds the two equal). Repeated here
 * because the sandbox notice's eager script reads it on every page that shows the tenant, and
 * importing the host would ship the whole tenant with that script.
 */
export const SAVED_TENANT_KEY = 'token-lab:tenant';
