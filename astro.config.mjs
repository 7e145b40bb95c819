// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { lessonIdsIn } from './src/lesson-routes.ts';

// Lessons live in the top-level content/ folder (see src/content.config.ts); numbered
// folder names give the sidebar its order.
export default defineConfig({
  site: 'http://localhost:4321',
  server: { host: '127.0.0.1', port: 4321 },
  integrations: [
    starlight({
      title: 'Token Lab',
      description:
        'Learn how Auth0 Management API v2 tokens are issued, expire and leak, with live code against a mocked tenant in your browser.',
      lastUpdated: false,
      pagefind: true,
      components: {
        // Starlight's button names itself "Search" while showing "Search Ctrl K";
        // ours keeps the visible text and the accessible name in step, and loads
        // the search engine only when a reader opens search.
        Search: './src/components/SiteSearch.astro',
        // Adds each lab exercise's progress mark beside its link.
        Sidebar: './src/components/LabSidebar.astro',
      },
      sidebar: [
        { label: 'Lessons', items: lessonIdsIn('content', 'lessons') },
        { label: 'Onboarding lab', items: lessonIdsIn('content', 'lab') },
        { label: 'Reference', items: lessonIdsIn('content', 'reference') },
      ],
      customCss: ['./src/styles/token-lab.css'],
    }),
  ],
});
