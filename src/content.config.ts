import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { lessonIdFromPath } from './lesson-routes.ts';

// Starlight's docsLoader is fixed to src/content/docs; lessons sit in content/ so that a
// lesson's page, starter and solution files share one folder.
export const collections = {
  docs: defineCollection({
    loader: glob({
      // The guide's programs install their SDKs beside them (node_modules, .venv, Maven's target):
      // the Markdown inside those is not a lesson.
      pattern: ['**/[^_]*.{md,mdx}', '!**/node_modules/**', '!**/.venv/**', '!**/target/**'],
      base: './content',
      generateId: ({ entry }) => lessonIdFromPath(entry),
    }),
    schema: docsSchema(),
  }),
  // Starlight reads its UI strings from this collection; English needs none of its own, but an
  // absent collection made every build warn that "i18n" does not exist.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
