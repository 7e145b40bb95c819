import { describe, expect, it } from 'vitest';
import { findSecrets, looksRandom } from './secret-scan.mjs';

// Built at run time so this file itself holds nothing a scanner would flag.
const randomSecret = () => Array.from(crypto.getRandomValues(new Uint8Array(48)), (b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[b % 64]).join('');

describe('findSecrets', () => {
  it('flags a client-secret-shaped random string', () => {
    let secret = randomSecret();
    while (!looksRandom(secret)) secret = randomSecret();
    expect(findSecrets(`const config = { clientSecret: "${secret}" };`)).toEqual([
      expect.objectContaining({ kind: 'high-entropy string', value: secret }),
    ]);
  });

  it('flags a complete JWT and a PEM private key body', () => {
    const jwt = ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiJ4In0', 'c2lnbmF0dXJlLWJ5dGVzLWhlcmU'].join('.');
    const pem = `-----BEGIN PRIVATE KEY-----\n${'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'.repeat(2)}`;
    expect(findSecrets(jwt).map((hit) => hit.kind)).toContain('JWT');
    expect(findSecrets(pem).map((hit) => hit.kind)).toContain('private key');
  });

  it('lets the sandbox values and ordinary code through', () => {
    expect(findSecrets('sandbox-NOT-A-REAL-SECRET-reporting-service-00000000000000000001')).toEqual([]);
    expect(findSecrets('A_rest_parameter_or_binding_pattern_may_not_have_a_trailing_comma_1013')).toEqual([]);
    expect(findSecrets('getPositionOfChildWindowRelativeToAncestorWindow')).toEqual([]);
    expect(findSecrets('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')).toEqual([]);
    expect(findSecrets("'-----BEGIN PRIVATE KEY-----'")).toEqual([]);
  });
});
