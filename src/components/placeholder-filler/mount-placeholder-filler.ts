/**
 * Fills the reader's domain and client ID into every code block inside the filler, as they
 * type: the text on screen and what each copy button copies. Values stay in this page's memory
 * (never stored, never sent anywhere); the originals come back when a field is emptied.
 */
import { checkClientId, checkDomain, fillPlaceholders, type Fill, type InputCheck } from './check-input.ts';

/** Wires one `[data-placeholder-filler]` element. */
export function mountPlaceholderFiller(root: HTMLElement): void {
  const domainInput = root.querySelector<HTMLInputElement>('input[name="domain"]')!;
  const clientInput = root.querySelector<HTMLInputElement>('input[name="client-id"]')!;
  const status = root.querySelector<HTMLElement>('[data-fill-status]')!;
  const snippets = root.querySelector<HTMLElement>('[data-snippets]')!;

  // The untouched text of every code node and copy button, captured once.
  const textNodes: Array<{ node: Text; original: string }> = [];
  const walker = document.createTreeWalker(snippets, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (/YOUR_(DOMAIN|CLIENT_ID)/.test(text.data) && text.parentElement?.closest('pre')) textNodes.push({ node: text, original: text.data });
  }
  const buttons = [...snippets.querySelectorAll<HTMLElement>('button[data-code]')].map((button) => ({ button, original: button.dataset.code ?? '' }));

  // A refused value is wiped from its field at once (it should not linger on screen); its
  // message stays until the reader types in that field again.
  const refusals = new Map<HTMLInputElement, string>();
  const show = (input: HTMLInputElement, check: InputCheck) => {
    if (!check.ok) {
      refusals.set(input, check.message);
      input.value = '';
    }
    const refusal = refusals.get(input);
    const message = root.querySelector<HTMLElement>(`#${input.getAttribute('aria-describedby')?.split(' ')[0]}`);
    input.setAttribute('aria-invalid', String(refusal !== undefined));
    if (message) message.textContent = refusal ?? '';
  };

  const update = () => {
    const domain = checkDomain(domainInput.value);
    const clientId = checkClientId(clientInput.value);
    show(domainInput, domain);
    show(clientInput, clientId);
    const fill: Fill = { domain: domain.ok ? domain.value : undefined, clientId: clientId.ok ? clientId.value : undefined };
    for (const { node, original } of textNodes) node.data = fillPlaceholders(original, fill);
    for (const { button, original } of buttons) button.dataset.code = fillPlaceholders(original, fill);
    const filled = [fill.domain && `domain ${fill.domain}`, fill.clientId && `client ID ${fill.clientId}`].filter(Boolean);
    status.textContent = filled.length > 0 ? `Snippets now use your ${filled.join(' and ')}.` : 'Snippets show the placeholders.';
  };

  domainInput.addEventListener('change', update);
  clientInput.addEventListener('change', update);
  // Live while typing, but only for values that pass; a refusal waits for the field to be left.
  for (const input of [domainInput, clientInput]) {
    input.addEventListener('input', () => {
      refusals.delete(input);
      const check = input === domainInput ? checkDomain(input.value) : checkClientId(input.value);
      if (check.ok) update();
    });
  }
  root.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
}
