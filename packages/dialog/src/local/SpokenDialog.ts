import type { JsonMessage, Message } from '@digital-human/protocol';
import { DialogEngine, type DialogEngineOptions, type DialogInput } from '../DialogEngine';
import { createBusinessFlows } from '../flows/businessFlows';
import type { DialogLanguage } from '../language';
import type { DialogOutput, SayRequest } from '../TurnWriter';
import { EspeakSynthesizer } from '../tts/EspeakSynthesizer';
import { type SpokenUtterance, synthesizeUtterance } from './synthesizeSpeech';

/** Turns say requests into speech. {@link espeakSynthesis} is the dev default (espeak-ng, GPL). */
export interface SpeechSynthesis {
  /** Synthesises one say request (espeak-ng does it synchronously; a worker-backed one returns a promise). */
  synthesize(say: SayRequest): SpokenUtterance | Promise<SpokenUtterance>;
  /** Releases the synthesiser. */
  dispose(): void;
}

/** Where a {@link SpokenDialog} puts what the engine produces, in order. */
export interface SpokenDialogSink {
  /** A validated protocol message from the engine (captions, dialog state, ui.*, acks...). */
  message(message: JsonMessage): void;
  /** Speech for one say request, after its caption. */
  speech(utterance: SpokenUtterance): void;
  /** A say request that could not be synthesised here (no synthesiser, or it failed): speak it elsewhere. */
  unspoken(say: SayRequest): void;
  /** A recoverable problem (engine warning, synthesiser did not load or failed). */
  warning(message: string): void;
}

/** Options of a {@link SpokenDialog}. */
export interface SpokenDialogOptions {
  /** The language before the customer's hello (default zh-CN). */
  readonly language?: DialogLanguage;
  /** Registers the three business flows (`createBusinessFlows()`). Default false. */
  readonly businessFlows?: boolean;
  /** More engine options (an LLM, escalation thresholds, clocks...). */
  readonly engine?: DialogEngineOptions;
  /** Loads the synthesiser. Default: {@link espeakSynthesis}. Resolve null to leave speech to the sink. */
  readonly synthesis?: () => Promise<SpeechSynthesis | null>;
}

/** The dev synthesiser: espeak-ng with the local voices (`data`: URL of `espeak-ng.data` in bundled pages). */
export async function espeakSynthesis(data?: string): Promise<SpeechSynthesis> {
  const tts = await EspeakSynthesizer.create(data === undefined ? {} : { data });
  return { synthesize: (say) => synthesizeUtterance(tts, say), dispose: () => tts.dispose() };
}

/**
 * The reference dialog engine with a voice, independent of any transport: messages go in, and out come protocol
 * messages plus one synthesised utterance per say request, in order (speech waits for the synthesiser to load).
 * The local transport runs it behind a worker; the dialog service runs it per LiveKit room.
 */
export class SpokenDialog {
  /** The engine (its flows, its session state). */
  readonly engine: DialogEngine;
  private readonly synth: Promise<SpeechSynthesis | null>;
  private speechQueue: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly sink: SpokenDialogSink,
    options: SpokenDialogOptions = {},
  ) {
    const flows = options.businessFlows ? { flows: createBusinessFlows() } : {};
    const language = options.language === undefined ? {} : { language: options.language };
    this.engine = new DialogEngine({ ...options.engine, ...flows, ...language });
    this.engine.on('output', (o) => this.output(o));
    this.engine.on('warning', (e) => sink.warning(e.message));
    const load = options.synthesis ?? (() => espeakSynthesis());
    this.synth = load().catch((e: unknown) => {
      sink.warning(`espeak-ng did not load here: ${String(e)}`);
      return null;
    });
  }

  /** Handles one customer or operator message (see `DialogEngine.handle`); never rejects. */
  async handle(message: Message | DialogInput): Promise<DialogOutput[]> {
    if (this.disposed) return [];
    return this.engine.handle(message).catch((e: unknown) => {
      if (!this.disposed) this.sink.warning(`the dialog engine failed: ${String(e)}`);
      return [];
    });
  }

  /** The speech played out or was cut: the dialog listens again. */
  speechEnded(): void {
    if (!this.disposed) this.engine.speechEnded();
  }

  /** Resolves once every say request so far was synthesised (or handed to `unspoken`). */
  idle(): Promise<void> {
    return this.speechQueue;
  }

  /** Stops the engine and releases the synthesiser. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.engine.dispose();
    void this.synth.then((s) => s?.dispose());
  }

  private output(output: DialogOutput): void {
    if (output.kind === 'message') this.sink.message(output.message);
    else this.speak(output.say);
  }

  /** Speech is synthesised in order, after the synthesiser loaded (the greeting may wait for it). */
  private speak(say: SayRequest): void {
    this.speechQueue = this.speechQueue.then(async () => {
      const synth = await this.synth;
      // Synthesis blocks the thread: let the turn's messages (ack, caption) go out first.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.disposed) return;
      if (!synth) return this.sink.unspoken(say);
      let utterance: SpokenUtterance;
      try {
        utterance = await synth.synthesize(say);
      } catch (e) {
        this.sink.warning(`synthesis failed: ${String(e)}`);
        return this.sink.unspoken(say);
      }
      if (!this.disposed) this.sink.speech(utterance);
    });
  }
}
