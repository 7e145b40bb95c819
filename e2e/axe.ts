import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** What a reader would notice: the rules that block, each with the elements it names. */
export interface Blocking {
  rule: string;
  targets: string[];
}

/**
 * Runs axe once the page has stopped moving, and returns the violations that block: serious and
 * critical ones, plus heading-order (only "moderate" to axe, but a skipped level breaks the outline
 * screen-reader users navigate by, and Lighthouse scores it).
 *
 * `include` narrows the check to one widget; without it the whole page is checked.
 */
export async function blockingAxeViolations(page: Page, include?: string): Promise<Blocking[]> {
  await settled(page);
  let builder = new AxeBuilder({ page })
    // Experimental in axe, so off by default; Starlight's stock search button fails it.
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical' || violation.id === 'heading-order')
    .map((violation) => ({ rule: violation.id, targets: violation.nodes.map((node) => node.target.join(' ')) }));
}

/**
 * Waits for the layout that axe will judge. Web fonts change text widths after load, and
 * Expressive Code decides whether a code block scrolls (and so whether it takes focus) in a
 * ResizeObserver callback debounced by 250 ms: axe run before that sees a scrolling block with no
 * tabindex, which is how `scrollable-region-focusable` failed once and passed on retry.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          [...document.querySelectorAll('.expressive-code pre')].filter(
            // A block inside a closed <details> is laid out but not shown: axe skips it, and so
            // does Expressive Code's observer.
            (pre) => pre.checkVisibility() && (pre.scrollWidth > pre.clientWidth) !== pre.hasAttribute('tabindex'),
          ).length,
        ),
      { message: 'every Expressive Code block that scrolls takes focus, and none that does not' },
    )
    .toBe(0);
}
