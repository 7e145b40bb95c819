/**
 * Renders a serialized value (what the worker logged or returned) as DOM: primitives inline,
 * objects and arrays as <details> a reader can expand, tokens as chips that open a decoded view.
 * Learner data only ever becomes text nodes, never HTML.
 */
import type { SerializedValue } from '../serialized-value.ts';
import { el } from '../element-factory.ts';

/** Opens the decoded view of a token (supplied by the caller, who knows the tenant's clock). */
export type OpenToken = (raw: string, chip: HTMLButtonElement) => void;

const PREVIEW_ITEMS = 4;

export function renderValue(value: SerializedValue, openToken: OpenToken, top = true): Node {
  switch (value.kind) {
    case 'string':
      // At the top level a logged string reads as plain text, as in a console.
      return top ? text(value.value + truncatedNote(value)) : el('span', { class: 'tl-v-string' }, JSON.stringify(value.value) + truncatedNote(value));
    case 'jwt':
      return tokenChip(value.raw, openToken);
    case 'number':
      return el('span', { class: 'tl-v-number' }, Object.is(value.value, -0) ? '-0' : String(value.value));
    case 'bigint':
      return el('span', { class: 'tl-v-number' }, `${value.value}n`);
    case 'boolean':
      return el('span', { class: 'tl-v-keyword' }, String(value.value));
    case 'undefined':
    case 'null':
      return el('span', { class: 'tl-v-keyword' }, value.kind);
    case 'symbol':
      return el('span', { class: 'tl-v-keyword' }, `Symbol(${value.description})`);
    case 'function':
      return el('span', { class: 'tl-v-fn' }, `${value.flavour === 'class' ? 'class' : 'ƒ'} ${value.name || '(anonymous)'}`);
    case 'date':
      return el('span', { class: 'tl-v-date' }, value.iso ?? 'Invalid Date');
    case 'regexp':
      return el('span', { class: 'tl-v-string' }, `/${value.source}/${value.flags}`);
    case 'promise':
      return el('span', { class: 'tl-v-keyword' }, 'Promise {…} (not awaited)');
    case 'circular':
      return el('span', { class: 'tl-v-keyword' }, '[circular reference]');
    case 'unreadable':
      return el('span', { class: 'tl-v-error' }, `[unreadable: ${value.message}]`);
    case 'cut':
      return el('span', { class: 'tl-v-keyword' }, value.reason === 'depth' ? '[…nested too deep]' : '[…too large]');
    case 'error':
      return expandable(
        `${value.name}: ${value.message}`,
        [
          ...(value.stack ? [el('pre', { class: 'tl-v-stack' }, value.stack)] : []),
          ...value.entries.map((entry) => row(entry.key, renderValue(entry.value, openToken, false))),
        ],
        'tl-v-error',
      );
    case 'array':
    case 'set': {
      const items = value.items;
      const size = value.kind === 'array' ? value.length : value.size;
      const label = value.kind === 'array' ? `${value.name === 'Array' ? '' : value.name}(${size})` : `Set(${size})`;
      const rows = items.map((item, index) => row(value.kind === 'array' ? String(index) : '•', renderValue(item, openToken, false)));
      if (size > items.length) rows.push(el('div', { class: 'tl-v-more' }, `… ${size - items.length} more`));
      return expandable(`${label} [${preview(items)}]`, rows);
    }
    case 'map': {
      const rows = value.entries.map((entry) => row(plain(entry.key), renderValue(entry.value, openToken, false)));
      if (value.size > value.entries.length) rows.push(el('div', { class: 'tl-v-more' }, `… ${value.size - value.entries.length} more`));
      return expandable(`Map(${value.size})`, rows);
    }
    case 'object': {
      // Tokens inside objects (e.g. the /oauth/token response) stay clickable.
      const rows = value.entries.map((entry) => row(entry.key, renderValue(entry.value, openToken, false)));
      if (value.total > value.entries.length) rows.push(el('div', { class: 'tl-v-more' }, `… ${value.total - value.entries.length} more`));
      const name = value.name && value.name !== 'Object' ? `${value.name} ` : '';
      const keys = value.entries.slice(0, PREVIEW_ITEMS).map((entry) => `${entry.key}: ${plain(entry.value)}`);
      return expandable(`${name}{ ${keys.join(', ')}${value.total > PREVIEW_ITEMS ? ', …' : ''} }`, rows);
    }
  }
}

function text(content: string): Text {
  return document.createTextNode(content);
}

function truncatedNote(value: { value: string; length?: number }): string {
  return value.length !== undefined && value.length > value.value.length ? ` … (${value.length - value.value.length} more characters)` : '';
}

function tokenChip(raw: string, openToken: OpenToken): HTMLButtonElement {
  const chip = el('button', { type: 'button', class: 'tl-token-chip', 'aria-expanded': 'false' }, `JWT ${raw.slice(0, 12)}… (decode)`);
  chip.setAttribute('aria-label', `Token ${raw.slice(0, 12)}…: open the decoded view`);
  chip.addEventListener('click', () => openToken(raw, chip));
  return chip;
}

function expandable(summary: string, rows: Node[], className = ''): HTMLDetailsElement {
  const short = summary.length > 160 ? summary.slice(0, 157) + '…' : summary;
  return el('details', { class: `tl-v-tree ${className}`.trim() }, el('summary', {}, short), el('div', { class: 'tl-v-rows' }, ...rows));
}

function row(key: string, value: Node): HTMLDivElement {
  return el('div', { class: 'tl-v-row' }, el('span', { class: 'tl-v-key' }, `${key}: `), value);
}

function preview(items: SerializedValue[]): string {
  const shown = items.slice(0, PREVIEW_ITEMS).map(plain).join(', ');
  return items.length > PREVIEW_ITEMS ? `${shown}, …` : shown;
}

/** A one-line text form of a value, for summaries and map keys. */
export function plain(value: SerializedValue): string {
  switch (value.kind) {
    case 'string': return JSON.stringify(value.value.length > 40 ? value.value.slice(0, 40) + '…' : value.value);
    case 'jwt': return `"${value.raw.slice(0, 16)}…"`;
    case 'number': case 'boolean': return String(value.value);
    case 'bigint': return `${value.value}n`;
    case 'undefined': case 'null': return value.kind;
    case 'array': return `Array(${value.length})`;
    case 'object': return value.name && value.name !== 'Object' ? `${value.name} {…}` : '{…}';
    case 'map': return `Map(${value.size})`;
    case 'set': return `Set(${value.size})`;
    case 'error': return `${value.name}: ${value.message}`;
    case 'date': return value.iso ?? 'Invalid Date';
    case 'function': return `ƒ ${value.name}`;
    default: return `[${value.kind}]`;
  }
}
