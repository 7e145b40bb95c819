/**
 * The live part of <TokenSigner>, loaded once the reader has opted in: re-signs on every edit,
 * refuses real-looking domains and secrets, lists the token's risks, marks the token for the
 * page-wide warning, and tries it on the sandbox tenant.
 *
 * Every edit is handled at once, with no debounce, so the new token is on screen in the frame
 * after the keystroke (as on jwt.io): the checks, JSON errors and refusals are written in the
 * input event's own task, and the token with its risk list as soon as WebCrypto hands back the
 * signature, which with the key kept per secret is one short hop (sign-token.ts).
 */
import { startBrowserTenant } from '../../tenant/hosts/browser.ts';
import { el } from '../../playground/element-factory.ts';
import type { ActionTarget } from '../widget-kit/lazy-actions.ts';
import { SEEDED_GLOBAL_CLIENT } from '../../tenant/index.ts';
import { kindForLifetime } from '../long-lived-banner/banner-message.ts';
import { wireLegacySwitch } from '../legacy-mode/legacy-switch.ts';
import { clearCall, showCall } from '../legacy-mode/show-call.ts';
import { formatJson, parseJsonObject } from './json-field.ts';
import { applyLifetime, lifetimeOf, lifetimeSeconds } from './lifetime.ts';
import { findRealLookingInput } from './real-secret-check.ts';
import { assessRisks, sameRisks, type Risk } from './risk-list.ts';
import { createHs256Signer } from './sign-token.ts';

export async function mountTokenSigner(host: HTMLElement): Promise<ActionTarget> {
  const q = <T extends HTMLElement>(name: string) => host.querySelector<T>(`[data-${name}]`)!;
  const header = q<HTMLTextAreaElement>('header');
  const payload = q<HTMLTextAreaElement>('payload');
  const lifetime = q<HTMLSelectElement>('lifetime');
  const secret = q<HTMLInputElement>('secret');
  const output = q<HTMLElement>('output');
  const refusalBox = q<HTMLElement>('refusal');
  const signStatus = q<HTMLElement>('sign-status');
  const risks = q<HTMLUListElement>('risks');

  const browserTenant = await startBrowserTenant();
  const now = () => browserTenant.tenant.clock.nowSeconds();
  const start = JSON.parse(host.dataset.start ?? '{}') as { header: object; payload: Record<string, unknown> };
  header.value = formatJson(start.header);
  payload.value = formatJson(applyLifetime(start.payload, lifetimeSeconds(lifetime.value) ?? null, now()));
  wireLegacySwitch(browserTenant, q<HTMLButtonElement>('legacy-switch'), q<HTMLElement>('legacy-status'));

  const sign = createHs256Signer();
  let token: string | undefined;
  // Signatures come back from WebCrypto in their own time; only the newest edit's may be shown.
  let generation = 0;
  let shownRisks: readonly Risk[] = [];

  // Writes only what changed: the status and the risk list are live regions, and every keystroke
  // now re-renders, so rewriting the same words would have a screen reader repeat them.
  const say = (node: HTMLElement, text: string) => {
    if (node.textContent !== text) node.textContent = text;
  };
  const showRisks = (list: readonly Risk[]) => {
    if (sameRisks(list, shownRisks)) return;
    shownRisks = list;
    risks.replaceChildren(...list.map((risk) => el('li', { 'data-risk': risk.id }, el('strong', {}, risk.title), ': ', risk.detail)));
  };
  const showToken = (value: string | undefined, kind?: string) => {
    token = value;
    if (output.textContent !== (value ?? '')) output.textContent = value ?? '';
    if (value === undefined || kind === undefined) delete output.dataset.longLivedToken;
    else if (output.dataset.longLivedToken !== kind) output.dataset.longLivedToken = kind;
  };

  const update = async () => {
    const mine = ++generation;
    clearCall(host);
    const sandbox = [SEEDED_GLOBAL_CLIENT.client_secret, browserTenant.tenant.globalClient.client_secret];
    const refusal = findRealLookingInput({ header: header.value, payload: payload.value, secret: secret.value }, sandbox);
    const fieldOf = { header, payload, secret } as const;
    for (const [name, field] of Object.entries(fieldOf)) field.setAttribute('aria-invalid', String(refusal?.field === name));
    refusalBox.hidden = refusal === null;
    say(refusalBox, refusal === null ? '' : `Refused. ${refusal.message}`);
    const parsedHeader = parseJsonObject(header.value, 'Header');
    const parsedPayload = parseJsonObject(payload.value, 'Payload');
    say(q<HTMLElement>('header-error'), parsedHeader.ok ? '' : parsedHeader.message);
    say(q<HTMLElement>('payload-error'), parsedPayload.ok ? '' : parsedPayload.message);
    if (!parsedHeader.ok) header.setAttribute('aria-invalid', 'true');
    if (!parsedPayload.ok) payload.setAttribute('aria-invalid', 'true');
    if (refusal !== null || !parsedHeader.ok || !parsedPayload.ok) {
      showToken(undefined);
      showRisks([]);
      say(signStatus, refusal !== null ? 'Nothing signed: the input was refused.' : 'Nothing signed until the JSON is fixed.');
      return;
    }
    const signed = await sign(parsedHeader.value, parsedPayload.value, secret.value);
    if (mine !== generation) return; // a newer edit has taken over
    if (!signed.ok) {
      showToken(undefined);
      showRisks([]);
      say(signStatus, signed.message);
      return;
    }
    // Written together with the token, in one task, so the list on screen is always this token's.
    const kind = kindForLifetime(lifetimeOf(parsedPayload.value, now()));
    showToken(signed.token, kind);
    say(signStatus, kind === 'never' ? 'Signed. This token never expires.' : kind === 'long' ? 'Signed. This token outlives 24 hours.' : 'Signed.');
    showRisks(assessRisks(parsedHeader.value, parsedPayload.value, now()));
  };

  const onEdit = () => void update();
  header.addEventListener('input', onEdit);
  payload.addEventListener('input', onEdit);
  secret.addEventListener('input', onEdit);
  lifetime.addEventListener('change', () => {
    const parsed = parseJsonObject(payload.value, 'Payload');
    if (parsed.ok) payload.value = formatJson(applyLifetime(parsed.value, lifetimeSeconds(lifetime.value) ?? null, now()));
    void update();
  });

  const actions: Record<string, () => Promise<void>> = {
    unlock: async () => {
      q<HTMLElement>('optin').hidden = true;
      q<HTMLElement>('signer').hidden = false;
      await update();
      header.focus();
    },
    call: async () => {
      // Re-signs rather than reading `token`, which may still be waiting for its signature.
      await update();
      if (token === undefined) {
        clearCall(host, 'There is no token to try: fix the input first.');
        return;
      }
      await showCall(browserTenant, host, token);
    },
  };
  return {
    async act(action) {
      await actions[action]?.();
    },
  };
}
