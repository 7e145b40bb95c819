import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from './find-chromium.mjs';

describe('findChromium', () => {
  it('prefers the browser named by CHROMIUM_PATH', async () => {
    const fake = join(mkdtempSync(join(tmpdir(), 'chromium-')), 'chrome');
    writeFileSync(fake, '');
    await expect(findChromium({ CHROMIUM_PATH: fake })).resolves.toEqual({ path: fake, source: 'CHROMIUM_PATH' });
  });

  it('refuses a CHROMIUM_PATH that points at nothing and says how to get a browser', async () => {
    await expect(findChromium({ CHROMIUM_PATH: '/no/such/chrome' })).rejects.toThrow(
      /CHROMIUM_PATH is set to \/no\/such\/chrome[\s\S]*apt-get install -y chromium[\s\S]*npx playwright install chromium/,
    );
  });

  it('falls back to an installed browser when the variable is unset', async () => {
    const found = await findChromium({});
    // Either Playwright's own download or Debian's package; the suite needs one of them.
    expect(found?.source).toMatch(/^(playwright|debian)$/);
  });
});
