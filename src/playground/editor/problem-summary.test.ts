import { describe, expect, it } from 'vitest';
import { describeProblems } from './problem-summary.ts';

const error = (line: number, message: string) => ({ startLineNumber: line, message, severity: 8 });

describe('describeProblems', () => {
  it('says there are none when TypeScript marked nothing, or only hints', () => {
    expect(describeProblems([])).toBe('No problems found by TypeScript.');
    expect(describeProblems([{ startLineNumber: 2, message: "'x' is declared but never read.", severity: 1 }])).toBe('No problems found by TypeScript.');
  });

  it('names the line and the first line of the message of a single error', () => {
    const text = describeProblems([error(6, "Property 'clientid' does not exist on type '{…}'. Did you mean 'clientId'?\n  details")]);
    expect(text).toBe("TypeScript found 1 problem. Line 6: Property 'clientid' does not exist on type '{…}'. Did you mean 'clientId'? F8 in the editor goes to the next one.");
  });

  it('lists errors in line order, three at most, and counts the rest', () => {
    const text = describeProblems([error(9, 'D.'), error(1, 'A'), error(4, 'C.'), error(2, 'B?')]);
    expect(text).toBe('TypeScript found 4 problems. Line 1: A. Line 2: B? Line 4: C. And 1 more. F8 in the editor goes to the next one.');
  });
});
