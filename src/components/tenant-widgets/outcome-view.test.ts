import { describe, expect, it } from 'vitest';
import { bodyText } from './outcome-view.ts';

describe('bodyText', () => {
  it('pretty-prints an error body in full', () => {
    expect(bodyText({ statusCode: 401, error: 'Unauthorized' })).toBe('{\n  "statusCode": 401,\n  "error": "Unauthorized"\n}');
  });

  it('cuts a long list to three items and says how many more there are', () => {
    const text = bodyText([1, 2, 3, 4, 5]);
    expect(text).toBe('[\n  1,\n  2,\n  3,\n  … 2 more\n]');
  });

  it('leaves a plain text body as it is', () => {
    expect(bodyText('Not JSON')).toBe('Not JSON');
  });
});
