import { describe, expect, it } from 'vitest';
import { checkClientId, checkDomain, fillPlaceholders } from './check-input.ts';

describe('checkDomain', () => {
  it('accepts a tenant domain and keeps an empty field as "no value"', () => {
    expect(checkDomain('dev-abc123.us.auth0.com')).toEqual({ ok: true, value: 'dev-abc123.us.auth0.com' });
    expect(checkDomain('   ')).toEqual({ ok: true, value: undefined });
  });

  it('forgives https:// and a trailing slash, and lower-cases', () => {
    expect(checkDomain('https://Login.Example.com/')).toEqual({ ok: true, value: 'login.example.com' });
  });

  it('accepts the HTTPS sandbox\'s localhost:N, and no other host with a port', () => {
    expect(checkDomain('https://localhost:4380/')).toEqual({ ok: true, value: 'localhost:4380' });
    for (const input of ['localhost:0', 'localhost:70000', 'dev.auth0.com:443', 'localhost:4380/api']) expect(checkDomain(input).ok).toBe(false);
  });

  it('refuses a path, spaces or a bare word', () => {
    for (const input of ['dev.auth0.com/api/v2', 'my tenant.auth0.com', 'localhost']) {
      expect(checkDomain(input).ok).toBe(false);
    }
  });

  it('refuses a token or a secret with a message that says why', () => {
    const token = checkDomain('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln');
    expect(token).toMatchObject({ ok: false, message: expect.stringMatching(/access token/) });
    const secret = checkDomain('Xk3_9fQ-2mPz7LwV8rT1yB4nC6hD0sJ5aE9uG2iK');
    expect(secret).toMatchObject({ ok: false, message: expect.stringMatching(/client secret/) });
  });
});

describe('checkClientId', () => {
  it('accepts 32 letters and digits', () => {
    expect(checkClientId('sbxReportingService0000000000001')).toEqual({ ok: true, value: 'sbxReportingService0000000000001' });
  });

  it('refuses anything shaped like a client secret', () => {
    for (const input of [
      'sandbox-NOT-A-REAL-SECRET-reporting-service-00000000000000000001',
      'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5hJ7kL9nP1rS3tV5wX7zA9cE1gI3', // 64 characters
      'abc_def123456789012345',
    ]) {
      expect(checkClientId(input)).toMatchObject({ ok: false, message: expect.stringMatching(/client secret/) });
    }
  });

  it('refuses a token', () => {
    expect(checkClientId('eyJhbGciOiJIUzI1NiJ9')).toMatchObject({ ok: false, message: expect.stringMatching(/access token/) });
  });

  it('refuses something too short to be a client ID', () => {
    expect(checkClientId('abc').ok).toBe(false);
  });
});

describe('fillPlaceholders', () => {
  it('replaces every placeholder that has a value', () => {
    const text = 'https://YOUR_DOMAIN/oauth/token YOUR_CLIENT_ID https://YOUR_DOMAIN/api/v2/';
    expect(fillPlaceholders(text, { domain: 'a.auth0.com', clientId: 'ID123' })).toBe('https://a.auth0.com/oauth/token ID123 https://a.auth0.com/api/v2/');
  });

  it('leaves a placeholder without a value as it is', () => {
    expect(fillPlaceholders('YOUR_DOMAIN YOUR_CLIENT_ID', { domain: 'a.auth0.com' })).toBe('a.auth0.com YOUR_CLIENT_ID');
  });
});
