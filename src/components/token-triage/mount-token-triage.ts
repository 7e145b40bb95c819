/**
 * The live part of <TokenTriage>, loaded when the reader first reaches for the box (see
 * start-token-triage.ts): reads the box, runs the pure triage, renders the findings with
 * textContent only (a pasted token's claims are untrusted text), copies a token-free summary on
 * request, and forgets everything when the reader leaves. It makes no request and touches no
 * storage, the URL or the history.
 */
import type { ActionTarget } from '../widget-kit/lazy-actions.ts';
import type { RouteLike } from '../leak-drill/token-reach.ts';
import { instantText } from './describe-instant.ts';
import { inventorySummary } from './inventory-summary.ts';
import { TRIAGE_PARTS } from './triage-markup.ts';
import { triage, type Finding, type NextStep, type ReferenceFinding, type TriageReport } from './triage.ts';

/** Long enough to let a paste or a burst of typing finish, short enough to feel live. */
const DEBOUNCE_MS = 250;
/** Claims beyond this many characters are cut in the raw view; the findings above read them all. */
const MAX_RAW_CHARS = 4_000;

const STEP_NAMES: Readonly<Record<NextStep['step'], string>> = {
  inventory: 'Inventory',
  replace: 'Replace',
  verify: 'Verify',
  decommission: 'Decommission',
  watch: 'Watch',
};

/**
 * Wires the widget inside `host` (which carries the route table in `data-routes`) and triages at
 * once whatever is already in the box: text pasted while this code was on its way is not lost.
 * Its buttons reach it through the returned `act` (the eager script routes their clicks).
 */
export function mountTokenTriage(host: HTMLElement): ActionTarget {
  const input = host.querySelector<HTMLTextAreaElement>(TRIAGE_PARTS.input);
  const summary = host.querySelector<HTMLElement>(TRIAGE_PARTS.summary);
  const notes = host.querySelector<HTMLElement>(TRIAGE_PARTS.notes);
  const list = host.querySelector<HTMLElement>(TRIAGE_PARTS.findings);
  const copy = host.querySelector<HTMLElement>(TRIAGE_PARTS.copy);
  const copyStatus = host.querySelector<HTMLElement>(TRIAGE_PARTS.copyStatus);
  const copyPreview = host.querySelector<HTMLDetailsElement>(TRIAGE_PARTS.copyPreview);
  const copyText = host.querySelector<HTMLElement>(TRIAGE_PARTS.copyText);
  if (!input || !summary || !notes || !list || !copy || !copyStatus || !copyPreview || !copyText) {
    throw new Error('[token-triage] the widget markup is incomplete');
  }
  const routes = parseRoutes(host.dataset.routes ?? '[]');
  const base = host.dataset.base ?? 'tt';
  // Each finding's heading sits one level under "Findings", whatever level the page gave the widget.
  const findingTag = host.dataset.findingLevel === '4' ? 'h4' : 'h5';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let board: string | undefined;

  const run = () => {
    clearTimeout(timer);
    const now = Date.now();
    render(triage(input.value, routes, now), now);
  };
  const render = (report: TriageReport, now: number) => {
    summary.textContent = report.summary;
    notes.replaceChildren(...report.notes.map((note) => element('li', {}, note)));
    notes.hidden = report.notes.length === 0;
    list.replaceChildren(
      ...report.findings.map((finding) => renderFinding(finding, base, findingTag)),
      ...report.references.map((reference) => renderReference(reference, base, findingTag)),
    );
    board = inventorySummary(report, { now, origin: location.origin });
    copy.hidden = board === undefined;
    showBoard();
    copyStatus.textContent = '';
  };
  const forget = () => {
    clearTimeout(timer);
    input.value = '';
    summary.textContent = '';
    notes.replaceChildren();
    list.replaceChildren();
    board = undefined;
    copy.hidden = true;
    copyText.textContent = '';
    copyStatus.textContent = '';
    copyPreview.open = false;
  };
  // The text fills the preview only while it is open, so the page never holds the findings twice
  // (a find-in-page or a screen reader's search would meet every sentence two times).
  const showBoard = () => {
    copyText.textContent = copyPreview.open ? (board ?? '') : '';
  };
  const copyBoard = async () => {
    // Findings may be a debounce behind the box: copy what the box holds now.
    if (timer !== undefined) run();
    if (board === undefined) return;
    try {
      await navigator.clipboard.writeText(board);
      copyStatus.textContent = `Summary copied: ${board.split('\n').length} lines of plain text, no token in it.`;
    } catch {
      // Clipboard refused (permissions, an old browser, a page without focus): the text is one click away.
      copyPreview.open = true;
      copyStatus.textContent = 'Your browser did not allow copying: the summary is shown below, select it and copy it by hand.';
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  copyPreview.addEventListener('toggle', showBoard);
  // Leaving the page clears the box, so neither the back button's page cache nor the browser's
  // form restoring brings a pasted token back.
  window.addEventListener('pagehide', forget);
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) forget();
  });
  if (input.value !== '') run();

  return {
    async act(action) {
      if (action === 'check') run();
      if (action === 'clear') {
        forget();
        input.focus();
      }
      if (action === 'copy') await copyBoard();
    },
  };
}

function parseRoutes(json: string): RouteLike[] {
  const raw = JSON.parse(json) as Array<{ method: string; pattern: string; scopes: string[] }>;
  return raw.map((route) => ({ method: route.method, pattern: new RegExp(route.pattern), scopes: route.scopes }));
}

function renderFinding(finding: Finding, base: string, headingTag: 'h4' | 'h5'): HTMLElement {
  const headingId = `${base}-finding-${finding.number}`;
  const where = finding.lines.length === 1 ? `line ${finding.lines[0]}` : `lines ${finding.lines.join(', ')}`;
  const expired = finding.expiry?.state === 'expired';
  // An expired token's card is not green, whatever its kind: it opens nothing any more. A client
  // assertion is the exception: it lives minutes by design, so expired is its normal, quiet state
  // and its card keeps the plain informational tone of a token that is not an access token.
  const flagged = expired && finding.kind !== 'client-assertion';
  const classes = `tl-triage-finding tl-triage-${finding.kind ?? finding.state}${flagged ? ' tl-triage-expired' : ''}`;
  const article = element('article', { class: classes, 'aria-labelledby': headingId });
  article.append(
    element(headingTag, { id: headingId, class: 'tl-triage-finding-title' }, `Token ${finding.number} (${where}): ${finding.title}`),
    paragraph(['Starts ', element('code', {}, finding.preview), ' (the signature is never shown).']),
    paragraph([element('strong', {}, 'Found: '), `${finding.places.join('; ')}.`]),
  );
  if (finding.rejoined) article.append(paragraph([element('strong', {}, 'Rejoined: '), finding.rejoined]));
  if (finding.malformed.length > 0) article.append(labelled('Malformed claims', list(finding.malformed)));
  if (finding.problem) article.append(element('p', {}, finding.problem));
  if (finding.reasons.length > 0) article.append(labelled('Why', list(finding.reasons)));
  if (finding.uncertain.length > 0) article.append(labelled('Not certain', list(finding.uncertain)));
  if (finding.sources && finding.sources.length > 0) {
    const links = finding.sources.map((source) => element('a', { href: source.href }, source.label));
    article.append(paragraph([element('strong', {}, finding.sources.length === 1 ? 'Source: ' : 'Sources: '), ...joined(links), '.']));
  }
  if (finding.clientId) {
    article.append(paragraph([element('strong', {}, 'Client id: '), element('code', {}, finding.clientId), ': the application that signed it (Dashboard > Applications).']));
  }
  if (finding.issued && finding.issued.state !== 'absent') {
    article.append(paragraph([element('strong', {}, 'Issued: '), finding.issued.state === 'at' ? `${instantText(finding.issued)}.` : finding.issued.why]));
  }
  if (finding.expiry) article.append(paragraph([element('strong', {}, finding.expiry.state === 'expired' ? 'Expired: ' : 'Expires: '), expiryText(finding.expiry)]));
  if (finding.state === 'decoded') {
    article.append(
      paragraph([
        element('strong', {}, 'Scopes: '),
        ...(finding.scopes.length === 0 ? ['none'] : joined(finding.scopes.map((scope) => element('code', {}, scope)))),
      ]),
    );
  }
  if (finding.reach) {
    const { risks, opens, unmapped } = finding.reach;
    if (risks.length > 0) {
      const items = risks.map((risk) => {
        const item = element('li', {}, element('strong', {}, risk.scope), `: ${risk.danger}`);
        if (risk.source) item.append(' (', element('a', { href: risk.source.href }, risk.source.label), ')');
        return item;
      });
      article.append(labelled('Dangerous scopes', element('ul', { class: 'tl-triage-risks' }, ...items)));
    }
    if (opens.length > 0) {
      const items = opens.map((route) => element('li', {}, element('code', {}, route.label), ` (${route.openedBy.join(', ')})`));
      const label = expired ? "What it opened until it expired, from this site's route table" : "What it opens, from this site's route table";
      article.append(labelled(label, element('ul', { class: 'tl-triage-routes' }, ...items)));
    }
    if (unmapped.length > 0) {
      article.append(
        paragraph([
          "Not in this site's route table (a real tenant has many more endpoints; they open those too): ",
          ...joined(unmapped.map((scope) => element('code', {}, scope))),
          '.',
        ]),
      );
    }
  }
  if (finding.kind === 'client-assertion') {
    article.append(
      paragraph(
        finding.jti
          ? [element('strong', {}, 'jti: '), element('code', {}, truncate(finding.jti, 80)), ': Auth0 takes an assertion with this jti once, and only until its exp.']
          : [element('strong', {}, 'jti: '), 'none, and Auth0 refuses an assertion without one.'],
      ),
    );
  } else if (finding.state === 'decoded' && finding.kind !== 'not-management') {
    article.append(
      paragraph(
        finding.jti
          ? [element('strong', {}, 'jti: '), element('code', {}, truncate(finding.jti, 80)), ': a denylist entry could name it, but whether Auth0 honours one is unconfirmed.']
          : [element('strong', {}, 'jti: '), 'none, so the denylist cannot name it.'],
      ),
    );
  }
  if (finding.nextSteps.length > 0) {
    const steps = finding.nextSteps.map((step) =>
      element('li', {}, `${step.text} `, element('a', { href: step.href }, `Runbook: ${STEP_NAMES[step.step]}`)),
    );
    article.append(labelled('What to do next', element('ol', {}, ...steps)));
  }
  if (finding.header || finding.claims) {
    const raw = JSON.stringify({ header: finding.header, claims: finding.claims }, null, 2);
    article.append(
      element('details', {}, element('summary', {}, 'Header and claims, decoded'), element('pre', { class: 'tl-triage-raw' }, truncate(raw, MAX_RAW_CHARS))),
    );
  }
  return article;
}

function renderReference(reference: ReferenceFinding, base: string, headingTag: 'h4' | 'h5'): HTMLElement {
  const headingId = `${base}-secret-${reference.number}`;
  const where = reference.lines.length === 1 ? `line ${reference.lines[0]}` : `lines ${reference.lines.join(', ')}`;
  return element(
    'article',
    { class: 'tl-triage-finding tl-triage-reference', 'aria-labelledby': headingId },
    element(headingTag, { id: headingId, class: 'tl-triage-finding-title' }, `Secret ${reference.number} (${where}): ${reference.headline}`),
    paragraph([element('strong', {}, 'Named: '), `${reference.short}.`]),
    paragraph(withCode(reference.look)),
  );
}

function expiryText(expiry: NonNullable<Finding['expiry']>): string {
  switch (expiry.state) {
    case 'never':
      return 'never: it has no exp claim, so it works until its signing secret changes.';
    case 'unreadable':
      return expiry.why;
    case 'valid':
      return `${instantText(expiry)}.`;
    case 'expired':
      return `${instantText(expiry)}: it no longer works.`;
  }
}

type Child = Node | string;

function element(tag: string, attributes: Record<string, string>, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function paragraph(children: Child[]): HTMLElement {
  return element('p', {}, ...children);
}

function list(items: readonly string[]): HTMLElement {
  return element('ul', {}, ...items.map((item) => element('li', {}, item)));
}

function labelled(label: string, content: HTMLElement): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(element('p', { class: 'tl-triage-label' }, label), content);
  return fragment;
}

/** `run \`kubectl …\` there` → text with the backquoted parts as code. */
function withCode(text: string): Child[] {
  return text.split('`').map((part, index) => (index % 2 === 1 ? element('code', {}, part) : part));
}

function joined(nodes: Child[]): Child[] {
  return nodes.flatMap((node, index) => (index === 0 ? [node] : [', ', node]));
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${(text.length - max).toLocaleString('en')} more characters not shown)`;
}
