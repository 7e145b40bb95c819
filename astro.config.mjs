// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { lessonIdsIn } from './src/lesson-routes.ts';
import { inlineScriptHashesIn } from './src/inline-script-hashes.ts';
import { DEFAULT_DOMAIN } from './src/tenant/domain-name.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { scrollableTables } from './src/scrollable-tables.ts';

// Lessons live in the top-level content/ folder (see src/content.config.ts); numbered
// folder names give the sidebar its order.
export default defineConfig({
  site: 'http://localhost:4321',
  server: { host: '127.0.0.1', port: 4321 },
  // Lessons' Markdown tables scroll inside a focusable, named region on narrow screens.
  markdown: { processor: satteri({ hastPlugins: [scrollableTables] }) },
  // A strict Content Security Policy, which Astro writes into every page as a <meta http-equiv>
  // (a static site has no headers of its own). Astro hashes the scripts it bundles; Starlight's
  // few `is:inline` scripts (theme, sidebar state, tabs) are hashed from its installed sources.
  // - The one origin besides the site is the mocked tenant, a reserved .test name: widgets fetch
  //   it from the page, and the browser checks connect-src before MSW's service worker answers.
  // - style-src has 'unsafe-inline': Monaco writes <style> elements and style attributes as it
  //   runs, Expressive Code colours code through style attributes, and Astro leaves the styles of
  //   components inside MDX unhashed. CSS runs no code, and default-src 'self' keeps it from
  //   fetching anything from elsewhere.
  // - No 'wasm-unsafe-eval' and no blob:: a worker is ruled by its own response headers, not by
  //   this tag, so Pagefind's WebAssembly (in its worker) and the run worker's blob: imports of
  //   learner code and jose need nothing here. The run worker's fetch guard and the service
  //   worker's catch-all are what keep learner code from other origins.
  // - frame-ancestors (and reporting) cannot be set from a meta tag; framing protection needs a
  //   response header from whatever host serves the site.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        `connect-src 'self' https://${DEFAULT_DOMAIN}`,
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-src 'none'",
      ],
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
      scriptDirective: {
        resources: ["'self'"],
        hashes: inlineScriptHashesIn([
          ...['components', 'user-components'].map((folder) => fileURLToPath(new URL(`./node_modules/@astrojs/starlight/dist/${folder}/`, import.meta.url))),
          // Ours, from every folder of .astro files (the list reads one folder deep): today the one
          // inline script is the presenter mode's before-first-paint script, in starlight/.
          ...['', 'starlight/'].map((folder) => fileURLToPath(new URL(`./src/components/${folder}`, import.meta.url))),
        ]),
      },
    },
  },
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
        Search: './src/components/starlight/SiteSearch.astro',
        // Adds each lab exercise's progress mark beside its link.
        Sidebar: './src/components/starlight/LabSidebar.astro',
        // Adds the presenter-mode toggle and step bar to lab pages.
        PageTitle: './src/components/starlight/LabPageTitle.astro',
      },
      sidebar: [
        // The runbook leads: most readers arrive with services to migrate, not to take the course.
        { label: 'Start here', items: lessonIdsIn('content', 'guides') },
        { label: 'Lessons', items: lessonIdsIn('content', 'lessons') },
        { label: 'Onboarding lab', items: lessonIdsIn('content', 'lab') },
        { label: 'Reference', items: lessonIdsIn('content', 'reference') },
      ],
      customCss: ['./src/styles/token-lab.css', './src/styles/print.css'],
    }),
  ],
});
