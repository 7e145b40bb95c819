/**
 * Where presenter mode's on/off state lives between page loads.
 *
 * Two places, on purpose:
 * - the `?present` URL parameter, so a facilitator can bookmark or share the projector view and
 *   a reload keeps it;
 * - sessionStorage, so links that do not carry the parameter (a link in the page text, Starlight's
 *   own previous/next links, coming back from a lesson shown mid-session) keep the mode on. It is
 *   per tab, so the facilitator's other tabs stay normal, and it ends with the tab.
 */

/** The URL parameter that opens presenter mode: `?present`, `?present=1`; `?present=0` closes it. */
export const PRESENT_PARAM = 'present';

/** sessionStorage key holding "1" while presenter mode is on in this tab. */
export const PRESENTER_STORAGE_KEY = 'token-lab:presenter';

/** sessionStorage key naming what to focus after a presenter navigation (see {@link FocusTarget}). */
export const FOCUS_STORAGE_KEY = 'token-lab:presenter-focus';

/** What gets focus on the page a presenter navigation lands on. */
export type FocusTarget = 'title' | 'previous' | 'next';

const OFF_VALUES = new Set(['0', 'false', 'off', 'no']);

/**
 * What a query string says about presenter mode: `true` (on), `false` (explicitly off) or
 * `null` (nothing, so the tab's remembered state decides).
 *
 * @example presentParam('?present') === true
 * @example presentParam('?present=0') === false
 */
export function presentParam(search: string): boolean | null {
  const params = new URLSearchParams(search);
  if (!params.has(PRESENT_PARAM)) return null;
  return !OFF_VALUES.has((params.get(PRESENT_PARAM) ?? '').trim().toLowerCase());
}

/** Whether presenter mode should be on, given the URL's query and the tab's remembered state. */
export function presenterWanted(search: string, remembered: string | null): boolean {
  return presentParam(search) ?? remembered === '1';
}

/**
 * The same address with the presenter parameter added (`on`) or removed, other parameters and
 * the hash kept. The parameter is written bare (`?present`, not `?present=`) because that is
 * the form people type and bookmark.
 */
export function withPresentParam(href: string, on: boolean): string {
  const url = new URL(href, 'http://x.invalid');
  const params = new URLSearchParams(url.search);
  params.delete(PRESENT_PARAM);
  const rest = params.toString();
  const search = on ? (rest ? `${rest}&${PRESENT_PARAM}` : PRESENT_PARAM) : rest;
  const path = `${url.pathname}${search ? `?${search}` : ''}${url.hash}`;
  // Keep relative input relative: only an absolute href gets its origin back.
  return /^[a-z][a-z0-9+.-]*:/i.test(href) ? `${url.origin}${path}` : path;
}

/** Reads a remembered focus target, accepting only the values this module writes. */
export function parseFocusTarget(value: string | null): FocusTarget | null {
  return value === 'title' || value === 'previous' || value === 'next' ? value : null;
}
