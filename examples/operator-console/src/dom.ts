/** Creates an element with a class and plain-text content (wire text is always set as text, never as HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A button with a test id and a click handler. */
export function button(
  label: string,
  testId: string,
  onClick: () => void,
  className = '',
): HTMLButtonElement {
  const b = h('button', className, label);
  b.type = 'button';
  b.dataset.testid = testId;
  b.addEventListener('click', onClick);
  return b;
}
