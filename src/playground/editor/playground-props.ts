import { z } from 'astro/zod';

/**
 * Props a lesson passes to `<Playground>`. The component checks them at build time with the
 * widget kit's parseWidgetProps, so a typo in a lesson fails the build with a message that names
 * the lesson and the prop, not at run time in a reader's browser.
 */
export const playgroundPropsSchema = z.object({
  /** Unique on its page; keys the saved edits and share links, so keep it stable. */
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case words joined by dashes, e.g. "get-token"'),
  /** The starter code, relative to the lesson file, e.g. "./get-token.ts". */
  file: z.string().regex(/^\.\.?\/[^]*\.ts$/, 'give a relative path to a .ts file, e.g. "./get-token.ts"'),
  /** Heading shown above the editor. */
  title: z.string().min(1).max(80).default('Try it'),
  /** Wall-clock limit for one run, in seconds. */
  timeLimit: z.number().min(1).max(60).default(5),
});

export type PlaygroundProps = z.input<typeof playgroundPropsSchema>;

/** Resolves `file` against the lesson's own path (both relative to the project root). */
export function resolveStarterPath(lessonPath: string, file: string): string {
  const folder = lessonPath.split('/').slice(0, -1);
  for (const part of file.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..') folder.pop();
    else folder.push(part);
  }
  return '/' + folder.join('/');
}
