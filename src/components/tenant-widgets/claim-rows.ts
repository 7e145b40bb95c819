/**
 * A token's claims as table rows for the lesson widgets: each value readable (times as UTC dates
 * next to their numbers) with the plain-language meaning from the playground's decoder.
 */
import { decodeToken, explainFields } from '../../playground/decode-jwt.ts';

export interface ClaimRow {
  readonly name: string;
  readonly value: string;
  readonly meaning: string;
}

const TIME_CLAIMS = new Set(['iat', 'exp', 'nbf']);

/** Rows for every claim in the token's order; `null` when the text is not a readable JWT. */
export function claimRows(token: string): ClaimRow[] | null {
  const decoded = decodeToken(token);
  if (decoded === null) return null;
  return explainFields(decoded.claims).map((field) => ({
    name: field.name,
    value: readable(field.name, field.value),
    meaning: field.explanation ?? '',
  }));
}

function readable(name: string, value: unknown): string {
  if (TIME_CLAIMS.has(name) && typeof value === 'number') {
    return `${value} (${new Date(value * 1000).toISOString().replace('.000Z', 'Z')})`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
