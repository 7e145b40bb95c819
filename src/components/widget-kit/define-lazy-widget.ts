/**
 * The eager script of a widget whose live part is heavy (the sandbox tenant, jose): it defines the
 * widget's custom element, which starts the live part only when the reader is about to use it
 * (see load-on-need.ts) and tells the reader, in the widget, if it could not start. Imported by
 * eager scripts, so it must stay tiny: it imports only its two import-free neighbours.
 */
import { reportFailure } from './report-failure.ts';
import { loadOnNeed } from './load-on-need.ts';

/** What one widget's eager script says about it. */
export interface LazyWidget {
  /** The custom element's tag, e.g. `token-lab-tenant-clock`. */
  tag: string;
  /** Selects the widget's root inside the element, e.g. `[data-tenant-clock]`. */
  root: string;
  /** Selects, inside the root, where to say that the widget could not start. */
  status: string;
  /** Names the widget in the console, e.g. `tenant-clock`. */
  name: string;
  /** Imports and mounts the live part; a dynamic import, so it is bundled apart from the page. */
  mount: (root: HTMLElement, host: HTMLElement) => Promise<unknown>;
  /**
   * Runs at once, before anything loads, for a widget that must catch what the reader does
   * before it is live; what it returns runs once the live part has mounted.
   */
  prepare?: (root: HTMLElement) => () => void;
}

/** Defines the widget's custom element. */
export function defineLazyWidget(widget: LazyWidget): void {
  class LazyWidgetElement extends HTMLElement {
    connectedCallback() {
      const root = this.querySelector<HTMLElement>(widget.root);
      if (!root) return;
      const mounted = widget.prepare?.(root);
      loadOnNeed(root, () => {
        widget
          .mount(root, this)
          .then(() => mounted?.())
          .catch((error: unknown) => {
            reportFailure(root, { status: widget.status, message: 'The sandbox tenant could not start. Reload the page to try again.', name: widget.name }, error);
          });
      });
    }
  }
  customElements.define(widget.tag, LazyWidgetElement);
}
