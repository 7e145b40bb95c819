/**
 * A number of seconds in the unit a reader thinks in. Its own module because lifetimes and
 * distances in time are worded by several parts of the triage that must not import each other.
 */

/** 86400 → "24 hours", 2592000 → "30 days", 90 → "90 seconds". */
export function describeSeconds(seconds: number): string {
  const units: Array<[number, string]> = [
    [365 * 86_400, 'year'],
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, name] of units) {
    if (seconds >= size * 2 || (name !== 'day' && name !== 'year' && seconds >= size && seconds % size === 0)) {
      const count = Math.round(seconds / size);
      return `${count.toLocaleString('en')} ${name}${count === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
