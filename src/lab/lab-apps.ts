/**
 * The applications some exercises act as. They are made in the reader's sandbox tenant the first
 * time an exercise needs them (and again if a reset removed them), found again by name, so the
 * reader's own edits to them (the grant editor) survive reloads like the rest of the tenant.
 *
 * @module
 */
import { TenantError, type Application, type ClientGrant, type Tenant } from '../tenant/index.ts';

export interface LabAppSpec {
  name: string;
  /** Scopes of the app's Management API grant when it is first made. */
  scopes: readonly string[];
}

export const LAB_APPS = {
  grantAuditor: { name: 'Lab: Grant Auditor', scopes: ['read:clients'] },
  leakyService: { name: 'Lab: Leaky Service', scopes: ['read:clients'] },
  incidentResponder: { name: 'Lab: Incident Responder', scopes: ['read:clients', 'update:client_keys'] },
  billingWorker: { name: 'Lab: Billing Worker', scopes: ['read:clients'] },
  secretsOperator: { name: 'Lab: Secrets Operator', scopes: ['read:clients', 'update:clients', 'update:client_keys'] },
} as const satisfies Record<string, LabAppSpec>;

export interface LabApp {
  app: Application;
  grant: ClientGrant;
}

/** The lab app named in `spec`, made (with its grant) if the tenant has none yet. */
export function ensureLabApp(tenant: Tenant, spec: LabAppSpec): LabApp {
  let app = tenant.applications.find((candidate) => candidate.name === spec.name);
  if (app === undefined) {
    const created = tenant.createApplication({ name: spec.name, app_type: 'non_interactive' });
    if (created instanceof TenantError) throw new Error(`[lab] could not create ${spec.name}: ${created.message}`);
    app = created;
  }
  let grant = tenant.managementGrant(app.client_id);
  if (grant === undefined) {
    const authorized = tenant.authorize(app.client_id, spec.scopes);
    if (authorized instanceof TenantError) throw new Error(`[lab] could not authorize ${spec.name}: ${authorized.message}`);
    grant = authorized;
  }
  return { app, grant };
}
