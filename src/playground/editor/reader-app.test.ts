import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, SEEDED_CREDENTIALS, TenantError, type Tenant } from '../../tenant/index.ts';
import { READER_APP_STORAGE_KEY, readerApp, type ReaderAppStorage } from './reader-app.ts';

function memoryStorage(value?: string): ReaderAppStorage & { items: Map<string, string> } {
  const items = new Map(value === undefined ? [] : [[READER_APP_STORAGE_KEY, value]]);
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    removeItem: (key) => void items.delete(key),
  };
}

const brokenStorage: ReaderAppStorage = {
  getItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  removeItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
};

let tenant: Tenant;
let ownApp: { client_id: string; client_secret: string };

beforeAll(async () => {
  tenant = await createTenant({ now: new Date('2026-11-29T10:00:00Z') });
  const created = tenant.createApplication({ name: 'My backend', app_type: 'non_interactive' });
  if (created instanceof TenantError) throw new Error(created.message);
  ownApp = created;
});

describe('reader app', () => {
  it('uses the seeded Reporting Service when the reader has not chosen an app', () => {
    const { context, notice } = readerApp(tenant, memoryStorage());
    expect(context).toEqual({
      domain: tenant.domain,
      clientId: SEEDED_CREDENTIALS.reporting.client_id,
      clientSecret: SEEDED_CREDENTIALS.reporting.client_secret,
      audience: tenant.managementAudience,
    });
    expect(notice).toBeUndefined();
  });

  it("uses the reader's own app and keeps the choice", () => {
    const storage = memoryStorage(ownApp.client_id);
    const { context, notice } = readerApp(tenant, storage);
    expect(context.clientId).toBe(ownApp.client_id);
    expect(context.clientSecret).toBe(ownApp.client_secret);
    expect(notice).toBeUndefined();
    expect(storage.items.get(READER_APP_STORAGE_KEY)).toBe(ownApp.client_id);
  });

  it.each([
    ['an empty string', ''],
    ['JSON instead of an id', '{"client_id":"abc"}'],
    ['markup', '<img src=x onerror=alert(1)>'],
    ['an id with spaces around it', ` ${SEEDED_CREDENTIALS.noGrant.client_id} `],
    ['a very long value', 'A'.repeat(100_000)],
  ])('drops %s, falls back to the seeded app and says the choice was damaged', (_, value) => {
    const storage = memoryStorage(value);
    const { context, notice } = readerApp(tenant, storage);
    expect(context.clientId).toBe(SEEDED_CREDENTIALS.reporting.client_id);
    expect(notice).toMatch(/damaged, so they use the seeded Reporting Service again/);
    expect(storage.items.has(READER_APP_STORAGE_KEY)).toBe(false);
  });

  it('never repeats a damaged value back to the reader', () => {
    expect(readerApp(tenant, memoryStorage('<img src=x onerror=alert(1)>')).notice).not.toContain('onerror');
  });

  it('drops a well-formed id the tenant does not know and names it in the notice', () => {
    const missing = 'Zz9'.repeat(10) + 'Q1';
    const storage = memoryStorage(missing);
    const { context, notice } = readerApp(tenant, storage);
    expect(context.clientId).toBe(SEEDED_CREDENTIALS.reporting.client_id);
    expect(notice).toBe(`The app your playgrounds used (client ID ${missing}) is no longer in the sandbox tenant, so they use the seeded Reporting Service again.`);
    expect(storage.items.has(READER_APP_STORAGE_KEY)).toBe(false);
  });

  it('gives the same answer again once the bad choice is gone', () => {
    const storage = memoryStorage('garbage');
    expect(readerApp(tenant, storage).notice).toBe(
      'The saved choice of app for your playgrounds was damaged, so they use the seeded Reporting Service again. Lesson 3 shows how to make your own app.',
    );
    expect(readerApp(tenant, storage)).toEqual({ context: readerApp(tenant, memoryStorage()).context });
  });

  it('treats blocked or missing storage as no choice, without a notice', () => {
    expect(readerApp(tenant, brokenStorage)).toEqual(readerApp(tenant, memoryStorage()));
    expect(readerApp(tenant, null)).toEqual(readerApp(tenant, memoryStorage()));
  });
});
