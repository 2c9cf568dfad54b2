// Starts the synthesis worker from its TypeScript source (dev and tests): registers tsx's loader in this worker
// thread first (a worker's entry module loads before `--import` hooks would apply), then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./synthesisWorker.ts');
