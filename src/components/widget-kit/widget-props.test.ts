import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parseWidgetProps } from './widget-props.ts';

const schema = z.object({ title: z.string().min(1).default('Hello'), hours: z.number().int().positive().optional() });

describe('parseWidgetProps', () => {
  it('returns the props with defaults filled in', () => {
    expect(parseWidgetProps(schema, {}, 'Thing', 'content/lessons/x/index.mdx')).toEqual({ title: 'Hello' });
  });

  it('throws one error that names the component, the lesson and each bad prop', () => {
    expect(() => parseWidgetProps(schema, { title: '', hours: -1 }, 'Thing', 'content/lessons/x/index.mdx')).toThrow(
      /<Thing> in content\/lessons\/x\/index\.mdx has invalid props:\n {2}- title: .*\n {2}- hours: /,
    );
  });

  it('starts the message with the prefix it is given', () => {
    expect(() => parseWidgetProps(schema, { title: '' }, 'Playground', 'l.mdx', 'playground')).toThrow(/^\[playground\] <Playground> in l\.mdx has invalid props:/);
  });
});
