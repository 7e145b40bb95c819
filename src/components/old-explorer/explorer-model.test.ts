import { describe, expect, it } from 'vitest';
import { SEEDED_GLOBAL_CLIENT } from '../../tenant/index.ts';
import { explorerPageSource, overreachSentence, readableSecret, scopesBeyondRole } from './explorer-model.ts';

describe('scopesBeyondRole', () => {
  it('lists the ticked scopes the read-only role does not allow', () => {
    expect(scopesBeyondRole(['read:clients', 'delete:clients', 'update:client_grants'])).toEqual(['delete:clients', 'update:client_grants']);
  });

  it('is empty when every ticked scope is allowed', () => {
    expect(scopesBeyondRole(['read:users'])).toEqual([]);
  });
});

describe('overreachSentence', () => {
  it('names the scopes the token grants beyond the role', () => {
    expect(overreachSentence(['read:clients', 'delete:clients'])).toBe(
      'Your role allows only read:clients and read:users, yet this token grants delete:clients. The explorer never checked.',
    );
  });

  it('invites the reader to tick an admin scope when nothing went beyond the role', () => {
    expect(overreachSentence(['read:clients'])).toMatch(/tick an admin scope/);
  });
});

describe('explorerPageSource', () => {
  it('carries the Global Client Secret verbatim, as the old page had to', () => {
    const source = explorerPageSource('acme.auth0.test', 'gid', 'c2VjcmV0');
    expect(source).toContain("globalClientSecret: 'c2VjcmV0'");
    expect(source).toContain("domain: 'acme.auth0.test'");
  });
});

describe('readableSecret', () => {
  it('shows that the seeded sandbox secret says it is not real', () => {
    expect(readableSecret(SEEDED_GLOBAL_CLIENT.client_secret)).toMatch(/^NOT-A-REAL-SECRET: /);
  });

  it('gives nothing for random bytes or text that is not base64', () => {
    expect(readableSecret(btoa(String.fromCharCode(0, 1, 2, 250)))).toBeUndefined();
    expect(readableSecret('***')).toBeUndefined();
  });
});
