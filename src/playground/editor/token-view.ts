/**
 * The decoded view a token chip opens: header and claims, each with a plain-language line,
 * `exp` as a date and a countdown on the tenant's clock (so a lesson's fast-forward shows).
 */
import { claimAsDate, decodeToken, describeLifetime, explainFields, type ExplainedField } from '../decode-jwt.ts';
import { el } from '../element-factory.ts';

const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf']);

/**
 * Builds the panel; `now` reads the tenant clock in ms. The countdown stops by itself once the
 * panel leaves the document.
 */
export function tokenView(raw: string, now: () => number, panelId: string): HTMLElement {
  const decoded = decodeToken(raw);
  if (!decoded) {
    return el('div', { class: 'tl-token-view', id: panelId }, 'This text looks like a token but cannot be decoded.');
  }
  const countdown = el('p', { class: 'tl-token-countdown', 'aria-live': 'off' }, describeLifetime(decoded.claims, now()));
  const panel = el(
    'div',
    { class: 'tl-token-view', id: panelId, role: 'group', 'aria-label': 'Decoded token' },
    countdown,
    el('p', { class: 'tl-token-note' }, 'Decoding needs no key: anyone holding a token can read it. Only the signature stops them changing it.'),
    fieldTable('Header', explainFields(decoded.header)),
    fieldTable('Claims', explainFields(decoded.claims)),
    el('details', {}, el('summary', {}, 'Raw token'), el('code', { class: 'tl-token-raw' }, raw)),
  );
  const timer = setInterval(() => {
    if (!panel.isConnected) {
      clearInterval(timer);
      return;
    }
    countdown.textContent = describeLifetime(decoded.claims, now());
  }, 1000);
  return panel;
}

function fieldTable(caption: string, fields: ExplainedField[]): HTMLTableElement {
  return el(
    'table',
    { class: 'tl-token-table' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, 'Value'), el('th', { scope: 'col' }, 'Meaning'))),
    el(
      'tbody',
      {},
      ...fields.map((field) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, el('code', {}, field.name)),
          el('td', {}, el('code', {}, display(field))),
          el('td', {}, field.explanation ?? ''),
        ),
      ),
    ),
  );
}

function display(field: ExplainedField): string {
  const value = typeof field.value === 'string' ? field.value : JSON.stringify(field.value);
  if (TIME_CLAIMS.has(field.name) && typeof field.value === 'number') {
    const date = claimAsDate({ [field.name]: field.value }, field.name as 'exp');
    return date ? `${value} (${date.toISOString().replace('.000Z', 'Z')})` : value;
  }
  return value;
}
