/**
 * The eager script of a widget whose live part is small enough to ship with the page (the triage,
 * the scope picker, the placeholder filler): defines its custom element and mounts at once. If
 * mounting throws, the widget says so where the reader looks, instead of sitting there dead.
 * Widgets that load a heavy part later use define-lazy-widget.ts.
 */
import { reportFailure } from './report-failure.ts';

/** What one widget's eager script says about it. */
export interface Widget {
  /** The custom element's tag, e.g. `token-lab-scope-picker`. */
  tag: string;
  /** Selects the widget's root inside the element; without it, the element itself is the root. */
  root?: string;
  /** Selects, inside the root, where to say that the widget could not start. */
  status: string;
  /** Names the widget to the reader and in the console, e.g. `scope picker`. */
  name: string;
  mount: (root: HTMLElement) => unknown;
}

/** Defines the widget's custom element. */
export function defineWidget(widget: Widget): void {
  class WidgetElement extends HTMLElement {
    connectedCallback() {
      const root = widget.root === undefined ? this : this.querySelector<HTMLElement>(widget.root);
      if (!root) return;
      try {
        widget.mount(root);
      } catch (error) {
        reportFailure(root, { status: widget.status, message: `The ${widget.name} could not start. Reload the page to try again.`, name: widget.name }, error);
      }
    }
  }
  customElements.define(widget.tag, WidgetElement);
}

