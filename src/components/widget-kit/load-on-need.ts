/**
 * Starts a widget's heavy part (the tenant, jose) only when the reader is about to use it: when it
 * comes within a screen of the viewport, or on the first pointer, focus or key event inside it.
 * Imported by eager scripts, so it must stay tiny and import nothing.
 */
export function loadOnNeed(host: HTMLElement, start: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    start();
  };
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) once();
  }, { rootMargin: '300px 0px' });
  observer.observe(host);
  for (const type of ['pointerdown', 'focusin', 'keydown']) host.addEventListener(type, once, { once: true });
}
