/**
 * The scope picker's DOM side: reads the ticked endpoints and detail levels, asks
 * `minimalScopes` for the answer, and shows it. All data comes from the server-rendered markup.
 */
import { minimalScopes, scopeParameter, type EndpointNeed } from './minimal-scopes.ts';

/** Wires one `[data-scope-picker]` element; returns a function that recomputes (for tests). */
export function mountScopePicker(root: HTMLElement): () => void {
  const power = JSON.parse(root.querySelector('[data-power]')?.textContent ?? '{}') as Record<string, number>;
  const result = root.querySelector<HTMLElement>('[data-result]')!;
  const scopeText = root.querySelector<HTMLElement>('[data-scope-text]')!;
  const coverList = root.querySelector<HTMLElement>('[data-cover]')!;
  const copy = root.querySelector<HTMLButtonElement>('[data-copy]')!;
  const copyStatus = root.querySelector<HTMLElement>('[data-copy-status]')!;

  const update = () => {
    const needs: EndpointNeed[] = [];
    for (const box of root.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-scopes]')) {
      const level = root.querySelector<HTMLSelectElement>(`select[data-level-for="${box.id}"]`);
      const option = level?.selectedOptions[0];
      if (level) level.disabled = !box.checked;
      if (!box.checked) continue;
      const scopes = (option?.dataset.scopes ?? box.dataset.scopes ?? '').split(' ').filter(Boolean);
      needs.push({ label: box.dataset.label ?? box.id, scopes });
    }
    const choice = minimalScopes(needs, (scope) => power[scope] ?? 3);
    copyStatus.textContent = '';
    coverList.replaceChildren();
    if (choice.scopes.length === 0) {
      scopeText.textContent = '(tick at least one endpoint)';
      copy.disabled = true;
      result.dataset.empty = 'true';
      return;
    }
    delete result.dataset.empty;
    scopeText.textContent = scopeParameter(choice);
    copy.disabled = false;
    for (const entry of choice.cover) {
      const item = document.createElement('li');
      const label = document.createElement('code');
      label.textContent = entry.label;
      const scope = document.createElement('code');
      scope.textContent = entry.scope;
      item.append(label, ' needs ', scope);
      coverList.append(item);
    }
  };

  root.addEventListener('change', update);
  copy.addEventListener('click', () => {
    const text = scopeText.textContent ?? '';
    navigator.clipboard.writeText(text).then(
      () => (copyStatus.textContent = 'Copied.'),
      () => (copyStatus.textContent = 'Copy failed: select the scopes and copy them by hand.'),
    );
  });
  update();
  return update;
}
