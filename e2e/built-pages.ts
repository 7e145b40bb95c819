import { builtPagePaths } from '../scripts/built-page-paths.mjs';

/** Every HTML page in the build, as a URL path (`/lessons/what-changed/`, `/404.html`). */
export function builtPages(): string[] {
  return builtPagePaths('dist');
}
