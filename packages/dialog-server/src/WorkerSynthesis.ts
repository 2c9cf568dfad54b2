import { Worker } from 'node:worker_threads';
import type { SayRequest } from '@digital-human/dialog';
import type { SpeechSynthesis, SpokenUtterance } from '@digital-human/dialog/local';
import { DialogServerError } from './DialogServerError';

/** A request to the synthesis worker. */
export interface SynthesisRequest {
  readonly id: number;
  readonly say: SayRequest;
}

/** The worker's answer to request `id`. */
export type SynthesisReply =
  | { readonly id: number; readonly utterance: SpokenUtterance }
  | { readonly id: number; readonly error: string };

interface Pending {
  resolve(utterance: SpokenUtterance): void;
  reject(error: Error): void;
}

/** Running from source (.ts, dev and tests) the worker starts through tsx's loader; built, it is plain .js. */
const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(
  fromSource ? './synthesisWorkerFromSource.mjs' : './synthesisWorker.js',
  import.meta.url,
);

/**
 * The dev synthesiser (espeak-ng) in a worker thread, shared by every session of a service: synthesis no longer
 * blocks the thread that sends acks, answers RPCs and streams audio. Requests are served one at a time, in order.
 */
export class WorkerSynthesis implements SpeechSynthesis {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor() {
    this.worker = new Worker(workerUrl);
    this.worker.on('message', (reply: SynthesisReply) => this.settle(reply));
    this.worker.on('error', (cause) =>
      this.fail(DialogServerError.speechFailed('the synthesis worker failed', cause)),
    );
    this.worker.on('exit', () => this.fail(DialogServerError.disposed('the synthesis worker')));
    this.worker.unref();
  }

  /** True once the worker failed to start or died: callers may fall back to synthesising in their thread. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Synthesises `say` on the worker thread. */
  synthesize(say: SayRequest): Promise<SpokenUtterance> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    this.worker.ref(); // keep the process alive while a request is out
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, say } satisfies SynthesisRequest);
    });
  }

  /** Stops the worker; pending requests reject. */
  dispose(): void {
    void this.worker.terminate();
  }

  private settle(reply: SynthesisReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if ('utterance' in reply) pending.resolve(reply.utterance);
    else pending.reject(DialogServerError.speechFailed(`synthesis failed: ${reply.error}`));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
