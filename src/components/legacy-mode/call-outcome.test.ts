import { describe, expect, it } from 'vitest';
import { explainOutcome, reasonPhrase, statusLine } from './call-outcome.ts';

const invalidSignature = {
  statusCode: 401,
  error: 'Unauthorized',
  message: 'Invalid signature received for JSON Web Token validation',
  attributes: { error: 'Invalid signature received for JSON Web Token validation' },
};

describe('reasonPhrase', () => {
  it('knows the statuses the tenant sends and gives nothing for others', () => {
    expect([200, 401, 403, 429].map(reasonPhrase)).toEqual(['OK', 'Unauthorized', 'Forbidden', 'Too Many Requests']);
    expect(reasonPhrase(418)).toBe('');
  });
});

describe('statusLine', () => {
  it('says which tenant answered', () => {
    expect(statusLine(401, false)).toBe('HTTP 401 Unauthorized (today\'s tenant)');
    expect(statusLine(200, true)).toBe('HTTP 200 OK (tenant before the change)');
    expect(statusLine(418, true)).toBe('HTTP 418 (tenant before the change)');
  });
});

describe('explainOutcome', () => {
  it('credits the old rules when legacy mode lets the token in', () => {
    expect(explainOutcome({ status: 200, body: [] }, true)).toMatch(/old rules/);
  });

  it('blames the signature check when today\'s tenant refuses it, as the sandbox\'s rule rather than Auth0\'s', () => {
    const sentence = explainOutcome({ status: 401, body: invalidSignature }, false);
    expect(sentence).toMatch(/only RS256 tokens/);
    expect(sentence).toMatch(/^Refused: the sandbox, standing in for today's tenant/);
    expect(sentence).toMatch(/Whether a real tenant still refuses such tokens is not documented\.$/);
  });

  it('quotes the tenant\'s message for a 401 in legacy mode, e.g. after the secret was rotated', () => {
    expect(explainOutcome({ status: 401, body: invalidSignature }, true)).toBe('Refused even in legacy mode: Invalid signature received for JSON Web Token validation.');
  });

  it('points at the missing read scope on a 403', () => {
    expect(explainOutcome({ status: 403, body: {} }, true)).toMatch(/needs read:clients/);
  });

  it('falls back to the status and message for anything else', () => {
    expect(explainOutcome({ status: 429, body: { message: 'Global limit has been reached' } }, false)).toBe('The tenant answered 429: Global limit has been reached.');
    expect(explainOutcome({ status: 500, body: null }, false)).toBe('The tenant answered 500.');
  });
});
