import type { Application, SecretSwitch } from './model.ts';
import type { TenantRecords } from './tenant-state.ts';

/*
 * A new client secret takes a while to take effect on Auth0: "New secrets may be delayed up to
 * thirty seconds while rotating" (Auth0, "Rotate Client Secrets"). The sandbox makes that delay
 * exact, on its own clock, so a rotation drill is reproducible: for SECRET_SWITCH_SECONDS after a
 * change the secret that worked before keeps working and the new one is refused; then the other
 * way round. A service that tries the old secret and then the new one never fails; one that only
 * knows the new secret fails for those seconds (assumption `secret-rotation-window`).
 */

/** Seconds of sandbox time a new client secret takes to replace the one before it. */
export const SECRET_SWITCH_SECONDS = 30;

/** How a lesson may change a secret. */
export interface SecretChangeOptions {
  /** Switch at once: the old secret is refused and the new one accepted from now on. */
  readonly immediate?: boolean;
}

/** The secret switch of an application still under way at `now` (tenant ms), if any. */
export function pendingSecretSwitch(records: Pick<TenantRecords, 'secretSwitches'>, clientId: string, now: number): SecretSwitch | undefined {
  return records.secretSwitches.find((entry) => entry.client_id === clientId && now < entry.switch_at);
}

/** The secret `/oauth/token` accepts for `app` at `now`: the one before a change until the switch, then the app's own. */
export function acceptedSecret(records: Pick<TenantRecords, 'secretSwitches'>, app: Application, now: number): string {
  return pendingSecretSwitch(records, app.client_id, now)?.previous_secret ?? app.client_secret;
}

/**
 * Gives `app` (a live record) `secret`. The secret accepted until now stays accepted for
 * SECRET_SWITCH_SECONDS unless `immediate`. A second change within the window keeps the secret
 * that works now and restarts the wait, since the secret in between never took effect.
 */
export function changeClientSecret(records: TenantRecords, app: Application, secret: string, now: number, options: SecretChangeOptions = {}): void {
  const working = acceptedSecret(records, app, now);
  // Finished switches are only history; drop them with this application's own.
  records.secretSwitches = records.secretSwitches.filter((entry) => entry.client_id !== app.client_id && now < entry.switch_at);
  app.client_secret = secret;
  if (options.immediate !== true && secret !== working) {
    records.secretSwitches.push({ client_id: app.client_id, previous_secret: working, switch_at: now + SECRET_SWITCH_SECONDS * 1000 });
  }
}
