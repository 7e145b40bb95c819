import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { scrollableTables, tableLabel } from './scrollable-tables.ts';

const TABLE = '| Minute | Block |\n| --- | --- |\n| 0 | Welcome |';
const render = (markdown: string) => markdownToHtml(markdown, { hastPlugins: [scrollableTables] }).html;

describe('scrollableTables', () => {
  it('wraps a table in a focusable region named after the heading above it, and keeps the table a table', () => {
    const html = render(`## The *90-minute* plan\n\nSome words.\n\n${TABLE}\n`);
    expect(html).toContain(
      '<div class="tl-scroll-region" role="region" tabindex="0" aria-label="Table under “The 90-minute plan”, scrolls sideways on narrow screens"><table>',
    );
    expect(html).toContain('</table></div>');
  });

  it('finds the heading from inside a list and names a table with no heading above it', () => {
    expect(render(`## Steps\n\n- first\n\n  ${TABLE.replaceAll('\n', '\n  ')}\n`)).toContain('aria-label="Table under “Steps”');
    expect(render(`${TABLE}\n`)).toContain('aria-label="Table, scrolls sideways on narrow screens"');
  });

  it('leaves Markdown without tables as it was', () => {
    const markdown = '## Intro\n\nNo table here.\n';
    expect(render(markdown)).toBe(markdownToHtml(markdown).html);
  });

  it('says where the table is and why it takes focus', () => {
    expect(tableLabel('Sandbox rules')).toBe('Table under “Sandbox rules”, scrolls sideways on narrow screens');
    expect(tableLabel(undefined)).toBe('Table, scrolls sideways on narrow screens');
  });
});
