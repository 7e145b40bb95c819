/*
 * Reading the signer's header and payload textareas: JSON objects only, with an error a reader
 * can act on (which box, what went wrong, where).
 */

export type JsonFieldResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; message: string };

/** Parses `text` as a JSON object; `label` names the box in the error ("Header", "Payload"). */
export function parseJsonObject(text: string, label: string): JsonFieldResult {
  if (text.trim() === '') return { ok: false, message: `${label} is empty. Write a JSON object, e.g. {"alg":"HS256"}.` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${label} is not valid JSON: ${where(text, error)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    return { ok: false, message: `${label} must be a JSON object in braces { … }, not ${what}.` };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** The parser's complaint, plus a line and column when it gave only a character position. */
function where(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (position === null || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

/** Pretty JSON for the textareas. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
