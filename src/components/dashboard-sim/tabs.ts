/**
 * Wires a `role="tablist"` to its panels: click or arrow keys select a tab (automatic activation),
 * only the selected tab is in the Tab order, and the other panels are hidden.
 */
import { nextTabIndex } from './tab-keys.ts';

/** Returns a function that selects a tab by its `data-tab` name. */
export function wireTabs(tablist: HTMLElement, onSelect: (name: string) => void): (name: string) => void {
  const tabs = [...tablist.querySelectorAll<HTMLElement>('[role="tab"]')];
  const select = (index: number, focus: boolean) => {
    tabs.forEach((tab, position) => {
      const selected = position === index;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !selected;
    });
    if (focus) tabs[index]?.focus();
    onSelect(tabs[index]?.dataset.tab ?? '');
  };
  tabs.forEach((tab, index) => tab.addEventListener('click', () => select(index, false)));
  tablist.addEventListener('keydown', (event) => {
    const current = tabs.indexOf(document.activeElement as HTMLElement);
    if (current < 0) return;
    const next = nextTabIndex(current, event.key, tabs.length);
    if (next === undefined) return;
    event.preventDefault();
    select(next, true);
  });
  return (name) => {
    const index = tabs.findIndex((tab) => tab.dataset.tab === name);
    if (index >= 0) select(index, false);
  };
}
