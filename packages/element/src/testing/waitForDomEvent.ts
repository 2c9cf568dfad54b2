/** Resolves with the next `type` event on `target`, or rejects after `timeoutMs`. */
export function waitForDomEvent<E extends Event = CustomEvent>(
  target: EventTarget,
  type: string,
  timeoutMs = 20_000,
): Promise<E> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      target.removeEventListener(type, on);
      reject(new Error(`no ${type} event within ${timeoutMs} ms`));
    }, timeoutMs);
    function on(event: Event): void {
      clearTimeout(timer);
      target.removeEventListener(type, on);
      resolve(event as E);
    }
    target.addEventListener(type, on);
  });
}
