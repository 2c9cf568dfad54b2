/// <reference lib="webworker" />
/**
 * The dialog worker: the reference dialog engine and the dev synthesiser off the page's main thread.
 * Started by `LocalTransport` with `new Worker(new URL('./dialog.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { type DialogScope, serveDialog } from './serveDialog';

serveDialog(self as unknown as DialogScope);
