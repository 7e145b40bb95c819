/**
 * How every widget in the kit says it could not start: a line where the reader looks (the widget's
 * status element) and the cause in the console for whoever debugs it. Import-free, so the eager
 * scripts that use it stay tiny.
 */

/** Where a widget speaks, and what it says when its live part cannot start. */
export interface FailureReport {
  /** Selects, inside the widget, the status line that gets `message`. */
  status: string;
  /** What the reader reads, e.g. "The replay could not load. Reload the page to try again." */
  message: string;
  /** Names the widget in the console, e.g. `token replay`. */
  name: string;
}

export function reportFailure(root: ParentNode, report: FailureReport, error: unknown): void {
  const line = root.querySelector(report.status);
  if (line) line.textContent = report.message;
  console.error(`[${report.name}] failed to start`, error);
}
