// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { lessonIdsIn } from './src/lesson-routes.ts';
import { inlineScriptHashesIn } from './src/inline-script-hashes.ts';
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
  // - connect-src is the site alone. Nothing on any page talks to the mocked tenant over the
  //   network: widgets call it in the page, and a playground's run worker sends its requests to
  //   the page over a MessagePort (src/playground/serve-tenant-port.ts).
  // - style-src has 'unsafe-inline': Monaco writes <style> elements and style attributes as it
  //   runs, Expressive Code colours code through style attributes, and Astro leaves the styles of
  //   components inside MDX unhashed. CSS runs no code, and default-src 'self' keeps it from
  //   fetching anything from elsewhere.
  // - This policy is also the run worker's, and that is the sandbox's second wall: the worker is
  //   made from a blob: URL (src/playground/create-run-worker.ts), and a blob: worker inherits
  //   the page's policy, meta tag included (measured in Chromium), where a worker loaded from a
  //   script URL would be ruled by that script's response headers, which a static host does not
  //   send. So learner code that got past the worker's own guard still cannot connect to another
  //   origin, import a data: module or eval a string. worker-src and script-src allow blob: for
  //   that worker and for the learner's module and jose, which it imports from blob: URLs.
  // - No 'wasm-unsafe-eval': Pagefind's WebAssembly runs in a worker loaded from the site's own
  //   script URL, which this tag does not rule.
  // - frame-ancestors (and reporting) cannot be set from a meta tag; framing protection needs a
  //   response header from whatever host serves the site.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-src 'none'",
      ],
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
      scriptDirective: {
        resources: ["'self'", 'blob:'],
        hashes: inlineScriptHashesIn([
          ...['components', 'user-components'].map((folder) => fileURLToPath(new URL(`./node_modules/@astrojs/starlight/dist/${folder}/`, import.meta.url))),
          // Ours, from every folder of .astro files (the list reads one folder deep): today the one
          // inline script is the presenter mode's before-first-paint script, in starlight/.
          ...['', 'starlight/'].map((folder) => fileURLToPath(new URL(`./src/components/${folder}`, import.meta.url))),
        ]),
      },
    },
  },
  vite: {
    build: {
      // Monaco's editor chunk is over Vite's 500 kB note by design (it loads only when a reader
      // opens an editor); the bench holds its real size budget (monacoBrotli), so the note is noise.
      chunkSizeWarningLimit: 4_096,
      rollupOptions: {
        onwarn(warning, warn) {
          // Astro marks MDX pages with a "use astro:head-inject" directive that the bundler notes it
          // may drop; Astro reads it before bundling, so the note says nothing about our pages.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
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
