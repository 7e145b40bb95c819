import type { z } from 'astro/zod';

/**
 * Validates a lesson widget's props at build time; throws one readable error naming the
 * component, the lesson and every problem, so a typo fails the build instead of a reader's page.
 *
 * @param prefix Names the part of the site in the message's `[prefix]`, as the console does.
 */
export function parseWidgetProps<S extends z.ZodType>(schema: S, props: unknown, component: string, lessonPath: string, prefix = 'lesson'): z.output<S> {
  const result = schema.safeParse(props);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.') || 'props'}: ${issue.message}`);
  throw new Error(`[${prefix}] <${component}> in ${lessonPath} has invalid props:\n${problems.join('\n')}`);
}
