/**
 * A Markdown (hast) step for the lessons' tables. Starlight lets a wide table scroll sideways
 * inside itself, but that scroll box takes no focus, so a keyboard reader cannot scroll it and axe
 * reports `scrollable-region-focusable` on a phone. This wraps each table in a focusable region
 * named after the section it sits in; `.tl-scroll-region` in token-lab.css makes the wrapper
 * scroll instead of the table, so the table keeps its table semantics.
 *
 * Astro's default Markdown processor is Sätteri, whose plugins are visitors rather than unified's
 * tree functions. Tables that a component renders never pass through here; those components wrap
 * their own.
 */
import { defineHastPlugin, type HastNode, type HastVisitorContext } from 'satteri';

const HEADING = /^h[1-6]$/;
/** Starlight wraps each heading with its anchor link in this element (its text adds "Section titled"). */
const HEADING_WRAPPER = 'sl-heading-wrapper';

export const scrollableTables = defineHastPlugin({
  name: 'token-lab-scrollable-tables',
  element: {
    filter: ['table'],
    visit(table, ctx) {
      ctx.wrapNode(table, {
        type: 'element',
        tagName: 'div',
        properties: { className: ['tl-scroll-region'], role: 'region', tabIndex: 0, ariaLabel: tableLabel(headingAbove(table, ctx)) },
        children: [],
      });
    },
  },
});

/** The region's name: where the table is, and why it is a stop for the Tab key. */
export function tableLabel(heading: string | undefined): string {
  return `${heading ? `Table under “${heading}”` : 'Table'}, scrolls sideways on narrow screens`;
}

/** The text of the nearest heading before `node`, looking back through its ancestors' siblings too. */
function headingAbove(node: Readonly<HastNode>, ctx: HastVisitorContext): string | undefined {
  let current = node;
  for (let parent = ctx.parent(current); parent; current = parent, parent = ctx.parent(current)) {
    const index = ctx.indexOf(current) ?? 0;
    for (let at = index - 1; at >= 0; at -= 1) {
      const sibling = parent.children[at];
      if (sibling?.type !== 'element') continue;
      if (HEADING.test(sibling.tagName)) return ctx.textContent(sibling).trim();
      const classes = sibling.properties?.className;
      const inner = sibling.children[0];
      if (Array.isArray(classes) && classes.includes(HEADING_WRAPPER) && inner?.type === 'element') return ctx.textContent(inner).trim();
    }
  }
  return undefined;
}
