import { describe, expect, it } from 'vitest';
import { feedbackFor, scoreLine } from './quiz-feedback.ts';
import { quizSchema } from './quiz-schema.ts';

describe('feedbackFor', () => {
  it('says right and names the flow when the choice matches', () => {
    expect(feedbackFor('old', 'old', 'The secret was in the page.')).toEqual({ correct: true, text: 'Right: old explorer flow. The secret was in the page.' });
  });

  it('says not quite, and still explains, when the choice is wrong', () => {
    expect(feedbackFor('old', 'new', 'A client grant limits it.')).toEqual({ correct: false, text: 'Not quite: client credentials flow. A client grant limits it.' });
  });

  it('ignores a value that is not one of the two flows', () => {
    expect(feedbackFor('maybe', 'new', 'x')).toBeUndefined();
  });
});

describe('scoreLine', () => {
  it('asks for answers before any is given', () => {
    expect(scoreLine([undefined, undefined])).toBe('Pick a flow for each statement.');
  });

  it('counts right answers so far and what is left', () => {
    expect(scoreLine([true, false, undefined])).toBe('1 of 2 right so far; 1 to go.');
  });

  it('congratulates when every answer is right and points at the notes otherwise', () => {
    expect(scoreLine([true, true])).toBe('All 2 right.');
    expect(scoreLine([true, false])).toBe('1 of 2 right. Read the notes under the ones you missed.');
  });
});

describe('quizSchema', () => {
  it('refuses an answer that is not old or new', () => {
    expect(quizSchema.safeParse({ id: 'q', questions: [{ statement: 's', answer: 'both', why: 'w' }] }).success).toBe(false);
  });
});
