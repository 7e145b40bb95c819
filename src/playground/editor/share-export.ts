/**
 * A playground's Share and Export buttons: a link that reopens the page with the reader's code,
 * and the code as a Node script and a curl command for their own server. Both show their result
 * in the playground's export box.
 */
import { el } from '../element-factory.ts';
import { toCurlCommand, toNodeScript } from '../export-code.ts';
import type { RunContext } from '../protocol.ts';
import { createShareUrl } from '../share-link.ts';
import { withoutPrefix, type PlaygroundParts } from './playground-parts.ts';

/** What Share and Export need from the playground around them. */
export interface ShareExportHost {
  ui: PlaygroundParts;
  id: string;
  getCode: () => string;
  setStatus: (text: string) => void;
  /** The reader's app, whose credentials an export names (as environment variables). */
  readerContext: () => Promise<RunContext>;
}

export async function shareCode({ ui, id, getCode, setStatus }: ShareExportHost): Promise<void> {
  try {
    const url = await createShareUrl(location.href, id, getCode());
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // No clipboard permission: the field below still lets the reader copy it.
    }
    const field = el('input', { type: 'text', readonly: '', value: url, 'aria-label': 'Share link', class: 'tl-pg-share-url' });
    ui.exportBox.replaceChildren(el('p', {}, copied ? 'Link copied. It reopens this page with your code in this playground:' : 'Copy this link; it reopens this page with your code in this playground:'), field);
    ui.exportBox.hidden = false;
    field.select();
    setStatus(copied ? 'Share link copied.' : 'Share link ready.');
  } catch (error) {
    setStatus(error instanceof Error ? withoutPrefix(error.message) : 'Could not make a share link.');
  }
}

export async function exportCode({ ui, getCode, setStatus, readerContext }: ShareExportHost): Promise<void> {
  const context = await readerContext();
  const node = toNodeScript(getCode(), context);
  const curl = toCurlCommand();
  const block = (label: string, text: string): HTMLElement => {
    const copy = el('button', { type: 'button' }, `Copy ${label.split(' ')[0]}`);
    copy.addEventListener('click', () => {
      navigator.clipboard?.writeText(text).then(
        () => setStatus('Copied.'),
        () => setStatus('Copy failed: select the text and copy it by hand.'),
      );
    });
    return el('div', { class: 'tl-pg-export-block' }, el('h4', {}, label), el('pre', { tabindex: '0' }, el('code', {}, text)), copy);
  };
  ui.exportBox.replaceChildren(
    el('p', {}, 'Real client secrets belong on a server, in environment variables, never in a browser or a repository. Set AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET and AUTH0_AUDIENCE first.'),
    block('Node script (save as get-token.mjs, run with node get-token.mjs)', node),
    block('curl', curl),
  );
  ui.exportBox.hidden = false;
  setStatus('Export ready below.');
}
