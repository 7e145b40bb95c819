import { el } from '../../playground/element-factory.ts';
import type { ClaimRow } from './claim-rows.ts';

/** The decoded claims as a table with a caption. */
export function claimsTable(caption: string, rows: readonly ClaimRow[]): HTMLTableElement {
  return el(
    'table',
    { class: 'tl-claims' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Claim'), el('th', { scope: 'col' }, 'Value'), el('th', { scope: 'col' }, 'Meaning'))),
    el('tbody', {}, ...rows.map((row) => el('tr', {}, el('th', { scope: 'row' }, el('code', {}, row.name)), el('td', {}, el('code', {}, row.value)), el('td', {}, row.meaning)))),
  );
}
