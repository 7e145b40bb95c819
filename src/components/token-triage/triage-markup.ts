/**
 * The parts of <TokenTriage>'s markup its live part fills. Shared by the eager script, which
 * checks them on arrival so a broken page (an old cached HTML against new scripts) says so at
 * once instead of on the first paste, and by the live part that uses them. Import-free: the
 * eager script must stay tiny.
 */
export const TRIAGE_PARTS = {
  input: '[data-triage-input]',
  summary: '[data-triage-summary]',
  notes: '[data-triage-notes]',
  findings: '[data-triage-findings]',
  copy: '[data-triage-copy]',
  copyStatus: '[data-triage-copy-status]',
  copyPreview: '[data-triage-copy-preview]',
  copyText: '[data-triage-copy-text]',
} as const;

/** The selectors of `TRIAGE_PARTS` that `root` lacks. */
export function missingTriageParts(root: ParentNode): string[] {
  return Object.values(TRIAGE_PARTS).filter((selector) => root.querySelector(selector) === null);
}
