/** One scope as the Dashboard lists it. */
export interface ListedScope {
  readonly value: string;
  readonly description: string;
}

/**
 * The scopes a filter text keeps: every word of the query must appear in the scope's value or
 * description, case-insensitively ("read client" finds read:clients and read:client_keys).
 * `_` and `:` count as word breaks, so "client keys" finds read:client_keys.
 */
export function filterScopes<T extends ListedScope>(scopes: readonly T[], query: string): T[] {
  const words = normalise(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...scopes];
  return scopes.filter((scope) => {
    const haystack = `${normalise(scope.value)} ${normalise(scope.description)}`;
    return words.every((word) => haystack.includes(word));
  });
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[_:]+/g, ' ').replace(/\s+/g, ' ').trim();
}
