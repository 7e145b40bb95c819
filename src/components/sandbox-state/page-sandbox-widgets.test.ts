import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SANDBOX_HOST, sandboxWidgetTags, type ReadSource } from './page-sandbox-widgets.ts';

/** The project's own files, as the build reads them. */
const project: ReadSource = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const files = (entries: Record<string, string>): ReadSource => (path) => entries[path];

describe('sandboxWidgetTags on this project', () => {
  it('finds the playground on lesson 4, the page that prints the token lifetime', () => {
    expect(sandboxWidgetTags('content/lessons/04-token-from-your-server/index.mdx', project)).toEqual(['token-lab-playground']);
  });

  it('finds the Dashboard and the playground on lesson 3', () => {
    expect(sandboxWidgetTags('content/lessons/03-machine-to-machine-app/index.mdx', project)).toEqual(['token-lab-dashboard', 'token-lab-playground']);
  });

  it('finds widgets that reach the tenant through a shared module (the legacy switch) or a lazy import', () => {
    expect(sandboxWidgetTags('content/lessons/07-non-expiring-tokens/index.mdx', project)).toContain('token-lab-token-signer');
    expect(sandboxWidgetTags('content/lessons/08-if-a-token-leaks/index.mdx', project)).toContain('token-lab-leak-drill');
  });

  it('finds a lab exercise\'s playground inside the Exercise component', () => {
    expect(sandboxWidgetTags('content/lab/01-get-a-token/index.mdx', project)).toContain('token-lab-playground');
  });

  it('leaves out pages whose widgets never touch the sandbox (the triage, the lesson 1 quiz)', () => {
    expect(sandboxWidgetTags('content/reference/03-token-triage/index.mdx', project)).toBeNull();
    expect(sandboxWidgetTags('content/lessons/01-what-changed/index.mdx', project)).toBeNull();
  });
});

describe('sandboxWidgetTags', () => {
  it('follows eager and dynamic imports to the host, and names the custom element of the component that does', () => {
    const read = files({
      'content/page.mdx': "import Clock from '../src/components/Clock.astro';\nimport Quiz from '../src/components/Quiz.astro';\n<Clock />",
      'src/components/Clock.astro': "<token-lab-clock><p>now</p></token-lab-clock>\n<script>import('./clock/mount.ts')</script>",
      'src/components/clock/mount.ts': "import { startBrowserTenant } from '../../tenant/hosts/browser.ts';",
      'src/components/Quiz.astro': '<token-lab-quiz></token-lab-quiz>',
      [SANDBOX_HOST]: '',
    });
    expect(sandboxWidgetTags('content/page.mdx', read)).toEqual(['token-lab-clock']);
  });

  it('does not count a type-only import of the host as using the tenant', () => {
    const read = files({
      'content/page.mdx': "import Box from '../src/components/Box.astro';",
      'src/components/Box.astro': "<token-lab-box></token-lab-box><script>import type { BrowserTenant } from '../tenant/hosts/browser.ts';\nconst x = 1;</script>",
    });
    expect(sandboxWidgetTags('content/page.mdx', read)).toBeNull();
  });

  it('says a page uses the sandbox even when the component doing so has no custom element', () => {
    const read = files({
      'content/page.mdx': "import Plain from '../src/components/Plain.astro';",
      'src/components/Plain.astro': "<script>import '../tenant/hosts/browser.ts';</script>",
    });
    expect(sandboxWidgetTags('content/page.mdx', read)).toEqual([]);
  });
});
