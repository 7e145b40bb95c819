import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { claimRows } from './claim-rows.ts';

const key = new TextEncoder().encode('a test key that is long enough for HS256');

describe('claimRows', () => {
  it('lists claims in order with explanations and times as UTC dates', async () => {
    const token = await new SignJWT({ scope: 'read:clients' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://acme.auth0.test/')
      .setIssuedAt(1_795_946_400)
      .setExpirationTime(1_796_032_800)
      .sign(key);
    const rows = claimRows(token)!;
    expect(rows.map((row) => row.name)).toEqual(['scope', 'iss', 'iat', 'exp']);
    expect(rows[3]).toMatchObject({ value: '1796032800 (2026-11-30T10:00:00Z)' });
    expect(rows[3]!.meaning).toMatch(/^Expires/);
    expect(rows[0]).toMatchObject({ value: 'read:clients' });
  });

  it('gives null for text that is not a token', () => {
    expect(claimRows('not a token')).toBeNull();
  });
});
