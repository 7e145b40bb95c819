import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_CREDENTIALS } from '../index.ts';
import { startTenantServer } from './node-http.ts';

type Running = Awaited<ReturnType<typeof startTenantServer>>;

describe('npm run tenant (a real HTTP server on loopback)', () => {
  let running: Running;
  beforeAll(async () => {
    running = await startTenantServer({ port: 0 });
  });
  afterAll(() => running.close());

  const tokenRequest = (secret: string) =>
    fetch(`${running.origin}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: SEEDED_CREDENTIALS.reporting.client_id,
        client_secret: secret,
        audience: running.tenant.managementAudience,
      }),
    });

  it('issues a token over real HTTP that the same server then accepts on /api/v2/clients', async () => {
    const issued = await tokenRequest(SEEDED_CREDENTIALS.reporting.client_secret);
    expect(issued.status).toBe(200);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    const body = (await issued.json()) as { access_token: string; expires_in: number; scope: string };
    expect(body).toMatchObject({ expires_in: 86400, scope: 'read:clients read:client_keys', token_type: 'Bearer' });

    const listed = await fetch(`${running.origin}/api/v2/clients?per_page=2&include_totals=true`, {
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(listed.status).toBe(200);
    const page = (await listed.json()) as { start: number; limit: number; total: number; clients: unknown[] };
    expect(page).toMatchObject({ start: 0, limit: 2 });
    expect(page.clients).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(4);
  });

  it('names the tenant domain as issuer even though it is reached at 127.0.0.1', async () => {
    const issued = await tokenRequest(SEEDED_CREDENTIALS.reporting.client_secret);
    const { access_token } = (await issued.json()) as { access_token: string };
    const claims = JSON.parse(Buffer.from(access_token.split('.')[1]!, 'base64url').toString('utf8'));
    expect(claims.iss).toBe(`https://${running.tenant.domain}/`);
  });

  it('answers a wrong secret with the same 401 body as the in-browser tenant', async () => {
    const refused = await tokenRequest('wrong');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });
  });

  it('refuses to listen anywhere but the loopback interface', async () => {
    await expect(startTenantServer({ port: 0, host: '0.0.0.0' })).rejects.toThrow(/only serves this machine/);
  });
});
