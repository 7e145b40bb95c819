/**
 * The eager script of <TokenTriage>: all a page downloads for the triage before anyone touches
 * it. The live part (jose, the route table, the triage itself) is fetched on the first sign the
 * reader is about to use the box (focus, a pointer, a key, a paste, a drag) and never merely
 * because the widget is on screen, as it is at the top of its own page. A paste that lands while
 * the code is on its way stays in the box and is triaged when it arrives; clicks on the buttons
 * before then are replayed (lazy-actions.ts). It must stay tiny: it imports only the kit's
 * import-light click router and failure line, and the list of the markup's parts.
 */
import { lazyActions } from '../widget-kit/lazy-actions.ts';
import { reportFailure } from '../widget-kit/report-failure.ts';
import { missingTriageParts } from './triage-markup.ts';

const TAG = 'token-lab-token-triage';
// focusin covers Tab and click into the box; paste, input and drop cover text arriving without a
// focus event this element sees (a drop, an extension filling the box).
const INTENT = ['focusin', 'pointerdown', 'keydown', 'paste', 'input', 'dragenter', 'drop'] as const;

const STATUS = '[data-triage-summary]';

class TokenTriageElement extends HTMLElement {
  connectedCallback() {
    const missing = missingTriageParts(this);
    if (missing.length > 0) {
      const error = new Error(`[token-triage] the widget markup lacks ${missing.join(', ')}`);
      reportFailure(this, { status: STATUS, message: 'The token triage could not start. Reload the page to try again.', name: 'token triage' }, error);
      return;
    }
    const start = lazyActions(
      this,
      async () => (await import('./mount-token-triage.ts')).mountTokenTriage(this),
      { status: STATUS, message: 'The token triage could not load. Reload the page to try again.', name: 'token triage' },
    );
    const begin = () => {
      for (const type of INTENT) this.removeEventListener(type, begin, true);
      void start();
    };
    // Capturing, so a handler inside that stops the event cannot keep the code from loading.
    for (const type of INTENT) this.addEventListener(type, begin, true);
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, TokenTriageElement);
