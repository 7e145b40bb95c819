import { describe, expect, it } from 'vitest';
import { bannerMessage, headlineAndRest, kindForLifetime } from './banner-message.ts';

describe('bannerMessage', () => {
  it('says nothing when no risky token is on screen', () => {
    expect(bannerMessage([])).toBeNull();
  });

  it('speaks of the worst token on screen', () => {
    expect(bannerMessage(['hand-signed', 'never'])).toMatch(/^A token that never expires/);
    expect(bannerMessage(['hand-signed', 'long'])).toMatch(/longer than 24 hours/);
    // A raised Token Expiration makes such tokens too, not only hand-signing.
    expect(bannerMessage(['long'])).toMatch(/raised the Token Expiration/);
    expect(bannerMessage(['hand-signed'])).toMatch(/^A hand-signed token/);
  });

  it('treats an unknown kind as the worst rather than staying silent', () => {
    expect(bannerMessage(['something-new'])).toMatch(/never expires/);
  });
});

describe('kindForLifetime', () => {
  it('calls a token without exp never-expiring, over a day long-lived, otherwise hand-signed', () => {
    expect(kindForLifetime(null)).toBe('never');
    expect(kindForLifetime(86_401)).toBe('long');
    expect(kindForLifetime(86_400)).toBe('hand-signed');
    expect(kindForLifetime(3_600)).toBe('hand-signed');
  });
});

describe('headlineAndRest', () => {
  it('cuts after the first sentence, keeping every word of the message', () => {
    for (const kinds of [['never'], ['long'], ['hand-signed']]) {
      const message = bannerMessage(kinds)!;
      const { headline, rest } = headlineAndRest(message);
      expect(headline).toMatch(/^A .* is on screen\b.*\.$/);
      expect(headline + rest).toBe(message);
      expect(rest.startsWith(' ')).toBe(true);
    }
  });

  it('keeps a message of one sentence whole', () => {
    expect(headlineAndRest('Only this.')).toEqual({ headline: 'Only this.', rest: '' });
  });
});

