import { describe, expect, it } from 'vitest';
import { findTokens, looksBinary } from './find-tokens.ts';

describe('findTokens', () => {
  it('does not take an eyJ inside a longer base64 blob for a token', () => {
    expect(findTokens('data=QUJDeyJhIjoxfQ.eyJiIjoyfQ.c2ln').tokens).toEqual([]);
  });

  it('sorts what it finds by shape: signed, encrypted, cut off, malformed', () => {
    const shapes = findTokens('eyJh.eyJi.c eyJh.a.b.c.d eyJh.eyJi eyJh.a.b.c.d.e.f').tokens.map((token) => token.shape);
    expect(shapes).toEqual(['jws', 'jwe', 'truncated', 'malformed']);
  });

  it('reads two megabytes of one repeated token-shaped word in one pass, each line listed once', () => {
    // A pass that rescans its list per sighting takes minutes here, past the test's time limit.
    const { tokens } = findTokens('eyJ\n'.repeat(500_000));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.lines).toHaveLength(500_000);
    expect(tokens[0]!.sightings).toHaveLength(20);
  });

  it('keeps the empty signature of an unsigned token', () => {
    expect(findTokens('eyJh.eyJi.').tokens[0]).toMatchObject({ text: 'eyJh.eyJi.', shape: 'jws' });
  });
});

describe('looksBinary', () => {
  it('tells control characters from ordinary text', () => {
    expect(looksBinary('\u0000\u0001\u0002PNG\u0003\u0004')).toBe(true);
    expect(looksBinary('KEY=value\n\tindented\r\n')).toBe(false);
  });
});
