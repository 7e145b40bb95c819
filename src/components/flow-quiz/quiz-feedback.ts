/*
 * "Which flow is this?": the reader sorts statements into the old explorer flow or the
 * client-credentials flow. Runs in the browser, so it imports nothing (the props schema is in
 * quiz-schema.ts, used at build time only).
 */

/** The two flows a statement can belong to. */
export const FLOWS = { old: 'Old explorer', new: 'Client credentials' } as const;
export type Flow = keyof typeof FLOWS;

/** What the reader sees after choosing. */
export interface Feedback {
  correct: boolean;
  text: string;
}

/** Feedback for one choice; `undefined` for a choice that is not one of the two flows. */
export function feedbackFor(choice: string, answer: Flow, why: string): Feedback | undefined {
  if (choice !== 'old' && choice !== 'new') return undefined;
  const correct = choice === answer;
  return { correct, text: `${correct ? 'Right' : 'Not quite'}: ${FLOWS[answer].toLowerCase()} flow. ${why}` };
}

/** "3 of 5 right so far", from the reader's answers (one entry per question, `undefined` when unanswered). */
export function scoreLine(results: ReadonlyArray<boolean | undefined>): string {
  const answered = results.filter((result) => result !== undefined).length;
  const right = results.filter((result) => result === true).length;
  if (answered === 0) return 'Pick a flow for each statement.';
  if (answered < results.length) return `${right} of ${answered} right so far; ${results.length - answered} to go.`;
  return right === results.length ? `All ${right} right.` : `${right} of ${results.length} right. Read the notes under the ones you missed.`;
}
