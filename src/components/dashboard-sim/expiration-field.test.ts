import { describe, expect, it } from 'vitest';
import { checkTokenExpiration, MAX_API_TOKEN_LIFETIME } from './expiration-field.ts';

describe('checkTokenExpiration', () => {
  it('accepts the sandbox lifetime and says it applies', () => {
    expect(checkTokenExpiration(' 86400 ', 86_400)).toEqual({ ok: true, seconds: 86_400, applied: true, message: 'New token issued, valid for 86,400 s.' });
  });

  it('accepts another lifetime but says honestly that the sandbox keeps 24 hours', () => {
    const check = checkTokenExpiration('3600', 86_400);
    expect(check).toMatchObject({ ok: true, seconds: 3600, applied: false });
    expect(check.message).toContain('keeps every Management API token at 86,400 s');
  });

  it('refuses text that is not a whole number of seconds', () => {
    for (const text of ['', 'abc', '1.5', '-5', '1e5']) expect(checkTokenExpiration(text, 86_400).ok).toBe(false);
  });

  it('refuses zero and anything over 30 days', () => {
    expect(checkTokenExpiration('0', 86_400).ok).toBe(false);
    expect(checkTokenExpiration(String(MAX_API_TOKEN_LIFETIME + 1), 86_400).ok).toBe(false);
    expect(checkTokenExpiration(String(MAX_API_TOKEN_LIFETIME), 86_400).ok).toBe(true);
  });
});
