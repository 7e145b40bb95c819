import { expect, test, type Page } from '@playwright/test';

/*
 * The red long-lived bar and the yellow legacy bar sit above everything, full width, at every
 * width: no sidebar, column or content covers any part of their text. Checked with
 * elementFromPoint along every line of each bar's text, with both bars up at once.
 */
const PAGE = '/lessons/non-expiring-tokens/';
const LOAD = { timeout: 20_000 };

async function raiseBothBars(page: Page) {
  await page.goto(PAGE);
  const widget = page.getByRole('region', { name: 'Hand-sign a Management API token' });
  await widget.getByRole('checkbox', { name: /I understand that a token can do only what its scopes allow/ }).check();
  await widget.getByRole('button', { name: 'I understand: unlock the signer' }).click();
  await expect(widget.locator('[data-output]')).toHaveText(/^eyJ/, LOAD);
  await widget.getByRole('combobox', { name: /Lifetime/ }).selectOption({ label: 'Never (no exp)' });
  await widget.getByRole('switch', { name: /before the change/ }).click();
  await expect(page.locator('[data-long-lived-warning]')).toBeVisible();
  await expect(page.locator('[data-legacy-indicator]')).toBeVisible();
}

/** Points along each rendered line of an element's text that another element covers. */
async function coveredTextPoints(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((bar) => {
    const covered: string[] = [];
    const walker = document.createTreeWalker(bar, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const line of range.getClientRects()) {
        // A phone's collapsed bar cuts its line with an ellipsis: only the part inside the
        // window can be seen, so only that part must be uncovered.
        const right = Math.min(line.right, innerWidth);
        for (let step = 0; step <= 8; step++) {
          const x = line.left + ((right - line.left - 2) * step) / 8 + 1;
          const y = line.top + line.height / 2;
          const hit = document.elementFromPoint(x, y);
          if (!hit || !bar.contains(hit)) covered.push(`"${node.textContent.trim().slice(0, 30)}…" at ${Math.round(x)},${Math.round(y)} under ${hit?.tagName.toLowerCase()}.${hit?.className}`);
        }
      }
    }
    return covered;
  });
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 1024, height: 768 }, { width: 390, height: 844 }]) {
  test(`at ${viewport.width}×${viewport.height} both warning bars are whole, full width and uncovered`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await raiseBothBars(page);
    for (const y of [0, 1e6]) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      for (const bar of ['[data-long-lived-warning]', '[data-legacy-indicator]']) {
        const box = (await page.locator(bar).boundingBox())!;
        expect(box.x, bar).toBeLessThanOrEqual(0.5);
        expect(box.x + box.width, bar).toBeGreaterThanOrEqual(viewport.width - 0.5);
        expect(box.y + box.height, bar).toBeLessThanOrEqual(viewport.height + 0.5);
        expect(await coveredTextPoints(page, bar), bar).toEqual([]);
      }
    }
  });
}

test('with both bars up, the sidebar\'s last link scrolls clear of them', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await raiseBothBars(page);
  const last = page.getByRole('navigation', { name: 'Main' }).getByRole('link').last();
  await last.scrollIntoViewIfNeeded();
  await page.locator('.sidebar-pane').evaluate((pane) => pane.scrollTo(0, pane.scrollHeight));
  const box = (await last.boundingBox())!;
  const hit = await page.evaluate(([x, y]) => {
    const element = document.elementFromPoint(x!, y!);
    return element?.closest('[data-tl-dock]') ? 'the warning dock' : element?.closest('a')?.textContent?.trim() ?? element?.tagName;
  }, [box.x + 5, box.y + box.height / 2]);
  expect(hit).toBe((await last.textContent())?.trim());
});


test('on a phone both bars take one line each, and More shows the whole warning', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await raiseBothBars(page);
  const dock = (await page.locator('[data-tl-dock]').boundingBox())!;
  expect(dock.height).toBeLessThanOrEqual(844 * 0.15);
  const banner = page.locator('[data-long-lived-warning]');
  await expect(banner).toContainText('A token that never expires is on screen.');
  await expect(banner.getByText(/Whoever copies it keeps that access/)).toBeHidden();

  const more = banner.getByRole('button', { name: 'More' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(banner.getByRole('button', { name: 'Less' })).toHaveAttribute('aria-expanded', 'true');
  await expect(banner.getByText(/Whoever copies it keeps that access until the signing secret is rotated/)).toBeVisible();
  expect(await coveredTextPoints(page, '[data-long-lived-warning]')).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(banner.getByRole('button', { name: 'More' })).toHaveAttribute('aria-expanded', 'false');
});

test('on a wide screen the whole warning shows, with no More button', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await raiseBothBars(page);
  const banner = page.locator('[data-long-lived-warning]');
  await expect(banner.getByText(/Whoever copies it keeps that access/)).toBeVisible();
  await expect(banner.getByRole('button', { name: 'More' })).toBeHidden();
});
