import { DigitalHumanElement } from './DigitalHumanElement';

/** The tag the element is defined under by default. */
export const DIGITAL_HUMAN_TAG = 'digital-human';

/**
 * Defines the custom element (once) and returns its class. Call it before or after the page's `<digital-human>`
 * tags are parsed: existing tags upgrade. Another tag name defines a subclass (one class per name).
 *
 * ```js
 * import { defineDigitalHumanElement } from './sdk/element.js';
 * defineDigitalHumanElement();
 * ```
 */
export function defineDigitalHumanElement(tag: string = DIGITAL_HUMAN_TAG): typeof DigitalHumanElement {
  const existing = customElements.get(tag);
  if (existing) return existing as typeof DigitalHumanElement;
  const ctor = tag === DIGITAL_HUMAN_TAG ? DigitalHumanElement : class extends DigitalHumanElement {};
  customElements.define(tag, ctor);
  return ctor;
}

declare global {
  interface HTMLElementTagNameMap {
    'digital-human': DigitalHumanElement;
  }
}
