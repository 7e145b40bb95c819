/**
 * How the lesson widgets show one HTTP answer: the request line, the status, and the exact JSON
 * body the tenant sent, so a reader can compare it with what a real tenant answers.
 */
import { el } from '../../playground/element-factory.ts';
import type { HttpOutcome } from './tenant-http.ts';

/** `request` is the request line, e.g. `GET /api/v2/clients`. */
export function outcomeView(request: string, outcome: HttpOutcome): HTMLElement {
  const good = outcome.status >= 200 && outcome.status < 300;
  return el(
    'div',
    { class: `tl-outcome ${good ? 'tl-outcome-good' : 'tl-outcome-bad'}` },
    el('p', { class: 'tl-outcome-line' }, el('code', {}, request), ' → ', el('strong', {}, `${outcome.status} ${good ? '✓' : '✗'}`)),
    outcome.body === null ? el('p', { class: 'tl-outcome-empty' }, '(no body)') : el('pre', { class: 'tl-outcome-body', tabindex: '0', 'aria-label': `Response body of ${request}` }, bodyText(outcome.body)),
  );
}

/** The body as the reader should read it; long arrays are cut to their first items. */
export function bodyText(body: unknown): string {
  if (Array.isArray(body) && body.length > 3) {
    return `${JSON.stringify(body.slice(0, 3), null, 2).replace(/\n]$/, '')},\n  … ${body.length - 3} more\n]`;
  }
  return typeof body === 'string' ? body : JSON.stringify(body, null, 2);
}
