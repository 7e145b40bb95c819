/**
 * The sentence under a playground's editor that says what TypeScript marked. Squiggles are easy
 * to miss (and invisible to a screen reader); this line is not, and a test can read it.
 */

/** The part of a Monaco marker the summary needs. */
export interface MarkerLike {
  startLineNumber: number;
  message: string;
  /** Monaco's MarkerSeverity: 8 error, 4 warning, 2 info, 1 hint. */
  severity: number;
}

const ERROR = 8;
const LISTED = 3;

/** "No problems found by TypeScript." or the error count with the first few lines and messages. */
export function describeProblems(markers: readonly MarkerLike[]): string {
  const errors = markers.filter((marker) => marker.severity >= ERROR).sort((a, b) => a.startLineNumber - b.startLineNumber);
  if (errors.length === 0) return 'No problems found by TypeScript.';
  const listed = errors.slice(0, LISTED).map((marker) => `Line ${marker.startLineNumber}: ${firstLine(marker.message)}`);
  if (errors.length > LISTED) listed.push(`And ${errors.length - LISTED} more.`);
  const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
  return `TypeScript found ${count}. ${listed.join(' ')} F8 in the editor goes to the next one.`;
}

// TypeScript chains details on later lines; the first says what is wrong.
function firstLine(message: string): string {
  const line = message.split('\n')[0]!.trim();
  return /[.?!]$/.test(line) ? line : `${line}.`;
}
