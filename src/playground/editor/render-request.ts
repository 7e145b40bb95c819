/**
 * One row of the Requests panel: method, URL, status and time at a glance, headers and bodies
 * on expansion, with client secrets and credentials visibly marked as secrets.
 */
import type { RecordedBody, RecordedHeader, RecordedRequest } from '../protocol.ts';
import { el } from '../element-factory.ts';

export function renderRequest(request: RecordedRequest, index: number): HTMLLIElement {
  const outcome = request.error ? 'refused' : String(request.status);
  const tone = request.error || request.status >= 400 ? 'bad' : 'good';
  const summary = el(
    'summary',
    {},
    el('span', { class: 'tl-req-index' }, `${index}.`),
    el('strong', {}, request.method),
    ' ',
    el('span', { class: 'tl-req-url' }, request.url),
    ' ',
    el('span', { class: `tl-req-status tl-${tone}` }, outcome),
    ' ',
    el('span', { class: 'tl-req-time' }, `${Math.round(request.durationMs)} ms`),
  );
  return el(
    'li',
    {},
    el(
      'details',
      {},
      summary,
      request.error ? el('p', { class: 'tl-req-error' }, request.error) : null,
      section('Request headers', headers(request.requestHeaders)),
      request.requestBody ? section('Request body', body(request.requestBody)) : null,
      request.error ? null : section('Response headers', headers(request.responseHeaders)),
      request.responseBody ? section('Response body', body(request.responseBody)) : null,
    ),
  );
}

function section(title: string, content: Node): HTMLElement {
  return el('div', { class: 'tl-req-section' }, el('h5', {}, title), content);
}

function headers(list: RecordedHeader[]): Node {
  if (list.length === 0) return el('p', { class: 'tl-pg-placeholder' }, '(none)');
  return el(
    'dl',
    { class: 'tl-req-headers' },
    ...list.flatMap((header) => [el('dt', {}, header.name), el('dd', {}, header.secret ? secret(header.value, header.name) : header.value)]),
  );
}

function body(recorded: RecordedBody): Node {
  const pre = el('pre', { class: 'tl-req-body' });
  let cursor = 0;
  for (const span of [...recorded.secrets].sort((a, b) => a.start - b.start)) {
    if (span.start < cursor) continue;
    pre.append(recorded.text.slice(cursor, span.start), secret(recorded.text.slice(span.start, span.end), span.field));
    cursor = span.end;
  }
  pre.append(recorded.text.slice(cursor));
  if (recorded.truncated) pre.append(`\n… (${recorded.size - recorded.text.length} more characters not shown)`);
  return pre;
}

/** A credential, labelled so nobody pastes a screenshot of it without noticing. */
function secret(value: string, field: string): HTMLElement {
  return el('span', { class: 'tl-secret', title: `${field}: a secret` }, el('span', { class: 'tl-secret-label' }, 'secret'), value);
}
