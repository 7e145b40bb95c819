import { describe, expect, it } from 'vitest';
import { bannerMessage, kindForLifetime } from './banner-message.ts';

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
