// @ts-check
// A bare Starlight site, built by the bench with the repo's own node_modules, so every figure of
// Token Lab has a framework baseline of the same versions next to it. Defaults on purpose:
// whatever Starlight ships on its own is what a Token Lab page is compared with.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'http://localhost:4321',
  integrations: [
    starlight({
      title: 'Starlight baseline',
    }),
  ],
});
