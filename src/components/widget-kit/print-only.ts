/**
 * Prints one section of a page alone: marks it, opens the print dialog, unmarks it afterwards.
 * The rules in `src/styles/print.css` keep, while `<html data-tl-print-only>` is set, only the
 * marked section and the elements that hold it (display, not visibility, so no blank sheets
 * follow). Used by the workshop take-away and by the runbook's checklist.
 */
export function printSectionAlone(section: HTMLElement, status?: Element | null, message?: string): void {
  const root = document.documentElement;
  section.dataset.printing = '';
  root.dataset.tlPrintOnly = '';
  addEventListener(
    'afterprint',
    () => {
      delete section.dataset.printing;
      delete root.dataset.tlPrintOnly;
    },
    { once: true },
  );
  if (status && message) status.textContent = message;
  window.print();
}
