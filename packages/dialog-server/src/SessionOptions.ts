import type { DialogEngineOptions, DialogLanguage } from '@digital-human/dialog';
import type { SpeechSynthesis } from '@digital-human/dialog/local';
import type { SessionLink } from './SessionLink';
import type { SpeechChannelOptions } from './SpeechChannel';

/** Options of a {@link Session}. */
export interface SessionOptions {
  /** The room the session talks in. */
  readonly link: SessionLink;
  /** The identity the token endpoint gave this session's customer: only its messages drive the dialog. */
  readonly customerIdentity: string;
  /** Language before the customer's hello (default zh-CN). */
  readonly language?: DialogLanguage;
  /** Register the three business flows (default true). */
  readonly businessFlows?: boolean;
  /** More engine options (an LLM, escalation thresholds...). */
  readonly engine?: DialogEngineOptions;
  /** Loads the synthesiser (default: espeak-ng). */
  readonly synthesis?: () => Promise<SpeechSynthesis | null>;
  /** Pacing of the audio stream. */
  readonly speech?: SpeechChannelOptions;
  /**
   * How long after the customer arrived the session waits for its hello before greeting anyway, ms (default
   * 3000): the first packets of a participant can reach the agent before the participant is announced, and are
   * then dropped for having no role. A hello after that greeting gets a resync.
   */
  readonly helloWaitMs?: number;
}

/** A user action with this `kind` only cuts the avatar's speech (it is acknowledged, not a dialog turn). */
export const INTERRUPT_ACTION = 'interrupt';
