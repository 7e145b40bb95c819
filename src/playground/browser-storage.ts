/**
 * The page's localStorage, or `null` where the browser blocks it (some private modes, cookies
 * disabled): there even reading `window.localStorage` throws a SecurityError, so every store in
 * the site takes `Storage | null` and falls back to what lasts for this page view.
 *
 * It lives in the playground, the lowest layer with a page, because the playground needs it too:
 * components and the lab's page code may import it from here, the playground may not import them.
 */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
