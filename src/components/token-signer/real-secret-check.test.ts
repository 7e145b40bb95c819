import { describe, expect, it } from 'vitest';
import { SEEDED_CREDENTIALS, SEEDED_GLOBAL_CLIENT } from '../../tenant/index.ts';
import { findRealLookingInput } from './real-secret-check.ts';

const SANDBOX = [SEEDED_GLOBAL_CLIENT.client_secret];
// Shaped like a real secret, but made up for this test: 64 base64url characters.
const REALISTIC = 'q3VZ8xkP_7mYt2Lr9bWc-4NdHf6JsA1eKoGu0iTzRhXvBnMyQpCwEaSlDjFgUkO5';

describe('findRealLookingInput', () => {
  it('lets the sandbox through: the mock domain, the seeded global secret and the seeded app secrets', () => {
    expect(findRealLookingInput({
      payload: '{"iss":"https://acme.auth0.test/","aud":"sbxGlobalClient00000000000000000"}',
      secret: SEEDED_GLOBAL_CLIENT.client_secret,
      note: SEEDED_CREDENTIALS.reporting.client_secret,
    }, SANDBOX)).toBeNull();
  });

  it.each(['mytenant.auth0.com', 'dev-abc123.us.auth0.com', 'shop.eu.auth0.com', 'x.au.auth0.com', 'acme-prod.jp.auth0.com'])(
    'refuses the Auth0 tenant domain %s and names it',
    (domain) => {
      const refusal = findRealLookingInput({ payload: `{"iss":"https://${domain}/"}` }, SANDBOX);
      expect(refusal).toMatchObject({ field: 'payload', kind: 'domain', excerpt: domain });
      expect(refusal!.message).toContain('looks like a real Auth0 tenant');
    },
  );

  it('does not mistake Auth0\'s own website or a look-alike for a tenant', () => {
    expect(findRealLookingInput({ note: 'see https://auth0.com/docs and www.auth0.com, not notauth0.com or a.auth0.community' }, SANDBOX)).toBeNull();
  });

  it('refuses a 64-character base64url secret that is not the sandbox one, without echoing it', () => {
    const refusal = findRealLookingInput({ secret: REALISTIC }, SANDBOX);
    expect(refusal).toMatchObject({ field: 'secret', kind: 'secret', excerpt: 'q3VZ…(64 characters)' });
    expect(refusal!.message).not.toContain(REALISTIC);
  });

  it('refuses a long standard-base64 secret hidden inside the payload', () => {
    const secret = 'Zm9vYmFy'.repeat(8) + 'YmF6cXV4==';
    expect(findRealLookingInput({ payload: `{"note":"${secret}"}` }, SANDBOX)?.kind).toBe('secret');
  });

  it('leaves shorter strings alone', () => {
    expect(findRealLookingInput({ secret: REALISTIC.slice(0, 63) }, SANDBOX)).toBeNull();
  });

  it('accepts a secret the caller vouches for, such as the tenant\'s rotated global secret', () => {
    expect(findRealLookingInput({ secret: REALISTIC }, [...SANDBOX, REALISTIC])).toBeNull();
  });
});
