import { z } from 'astro/zod';
import { parseWidgetProps } from '../widget-kit/widget-props.ts';

/** Props of `<ScopePicker>`, checked at build time. */
export const scopePickerPropsSchema = z.object({
  /** Heading of the widget. */
  title: z.string().min(1).max(80).default('Least-privilege scope picker'),
  /** Ticked when the page loads, by label, e.g. ["GET /api/v2/clients"]. */
  preselect: z.array(z.string()).default([]),
});

export type ScopePickerProps = z.input<typeof scopePickerPropsSchema>;

/** Validates props; throws one readable error naming the lesson and the problem. */
export function parseScopePickerProps(props: unknown, lessonPath: string, knownLabels: readonly string[]): z.output<typeof scopePickerPropsSchema> {
  const parsed = parseWidgetProps(scopePickerPropsSchema, props, 'ScopePicker', lessonPath, 'scope-picker');
  const unknown = parsed.preselect.filter((label) => !knownLabels.includes(label));
  if (unknown.length > 0) {
    throw new Error(`[scope-picker] <ScopePicker> in ${lessonPath}: preselect names unknown endpoints ${unknown.map((label) => `"${label}"`).join(', ')}. Known: ${knownLabels.join(', ')}.`);
  }
  return parsed;
}
