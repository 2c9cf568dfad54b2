import { DigitalHumanError } from './DigitalHumanError';
import type { Emitter } from './Emitter';

/**
 * Resolves with the payload of the next `type` event of `emitter`, or rejects with a `DigitalHumanError` of code
 * `'timeout'` after `timeoutMs`. Meant for tests and setup code: `await waitForEvent(mixer, 'ownerchange')` instead
 * of sleeping.
 *
 * @param timeoutMs - how long to wait (default 2000 ms).
 */
export function waitForEvent<Events extends object, K extends keyof Events>(
  emitter: Emitter<Events>,
  type: K,
  timeoutMs = 2000,
): Promise<Events[K]> {
  return new Promise<Events[K]>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(DigitalHumanError.timeout(`no "${String(type)}" event within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = emitter.once(type, (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}
