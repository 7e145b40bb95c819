/**
 * The live part of <OldExplorer>: mints an old-style token with the sandbox tenant's Global
 * Client Secret, shows it decoded, and calls GET /api/v2/clients with it. Loaded on demand.
 */
import { startBrowserTenant } from '../../tenant/hosts/browser.ts';
import { decodeToken, explainFields } from '../../playground/decode-jwt.ts';
import { el } from '../../playground/element-factory.ts';
import type { ActionTarget } from '../widget-kit/lazy-actions.ts';
import { mintLegacyExplorerToken } from '../../tenant/index.ts';
import { clearCall, showCall } from '../legacy-mode/show-call.ts';
import { wireLegacySwitch } from '../legacy-mode/legacy-switch.ts';
import { explorerPageSource, overreachSentence, readableSecret } from './explorer-model.ts';

export async function mountOldExplorer(host: HTMLElement): Promise<ActionTarget> {
  const find = <T extends HTMLElement = HTMLElement>(name: string) => host.querySelector<T>(`[data-${name}]`);
  const browserTenant = await startBrowserTenant();
  let token: string | undefined;

  const showSource = () => {
    const { tenant } = browserTenant;
    const { client_id, client_secret } = tenant.globalClient;
    const source = find('source');
    if (source) source.textContent = explorerPageSource(tenant.domain, client_id, client_secret);
    const decoded = find('secret-decoded');
    if (decoded) {
      const text = readableSecret(client_secret);
      decoded.textContent = text === undefined
        ? 'This tenant\'s Global Client Secret has been rotated to random bytes (lesson 8 does that); old tokens signed with the previous one no longer verify.'
        : `Base64-decoded, this sandbox secret reads: “${text}”. A real one is random bytes, and was just as readable to anyone who opened developer tools.`;
    }
  };
  wireLegacySwitch(browserTenant, find<HTMLButtonElement>('legacy-switch'), find('legacy-status'));
  browserTenant.subscribe(showSource);
  showSource();
  const ready = find('ready');
  if (ready) ready.textContent = 'Explorer ready.';

  const actions: Record<string, () => Promise<void>> = {
    mint: async () => {
      const ticked = [...host.querySelectorAll<HTMLInputElement>('[data-scope]:checked')].map((box) => box.value);
      const status = find('mint-status');
      if (ticked.length === 0) {
        if (status) status.textContent = 'Tick at least one scope first.';
        return;
      }
      token = await mintLegacyExplorerToken(browserTenant.tenant, { scope: ticked });
      showToken(host, token, ticked);
      if (status) status.textContent = `Token minted in your browser with ${ticked.length} scope${ticked.length === 1 ? '' : 's'} and no expiry.`;
      clearCall(host);
    },
    call: async () => {
      if (token === undefined) {
        clearCall(host, 'Get a token first (step 1).');
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

function showToken(host: HTMLElement, token: string, ticked: readonly string[]): void {
  const panel = host.querySelector<HTMLElement>('[data-token-panel]');
  const raw = host.querySelector('[data-token]');
  const overreach = host.querySelector('[data-overreach]');
  const rows = host.querySelector('[data-claims]');
  if (!panel || !raw || !overreach || !rows) return;
  raw.textContent = token;
  overreach.textContent = overreachSentence(ticked);
  const decoded = decodeToken(token);
  const row = (field: { name: string; value: unknown }) =>
    el('tr', {}, el('th', { scope: 'row' }, el('code', {}, field.name)), el('td', {}, el('code', {}, typeof field.value === 'string' ? field.value : JSON.stringify(field.value))));
  const group = (title: string) => el('tr', { class: 'tl-oe-group' }, el('th', { scope: 'colgroup', colspan: '2' }, title));
  rows.replaceChildren(
    group('Header'),
    ...(decoded === null ? [] : explainFields(decoded.header).map(row)),
    group('Payload'),
    ...(decoded === null ? [] : explainFields(decoded.claims).map(row)),
    el('tr', { class: 'tl-oe-missing' }, el('th', { scope: 'row' }, el('code', {}, 'exp')), el('td', {}, 'missing: this token never expires')),
  );
  panel.hidden = false;
}
