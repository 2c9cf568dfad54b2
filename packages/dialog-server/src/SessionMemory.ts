import type { DialogSessionState } from '@digital-human/dialog';
import { createMessage, type JsonMessage, type MessageOf } from '@digital-human/protocol';

/** How many of the agent's last captions a resync repeats. */
const CAPTIONS = 3;

/**
 * What a reconnecting customer needs to pick up where it was: the controller (`handoff.state`), the last `ui.*`
 * message on screen and the agent's last captions. Fed with every message the session sends.
 */
export class SessionMemory {
  private handoff: MessageOf<'handoff.state'> | undefined;
  private ui: JsonMessage | undefined;
  private readonly captions: MessageOf<'speech.caption'>[] = [];

  /** Records an outgoing message. */
  record(message: JsonMessage): void {
    if (message.type === 'handoff.state') this.handoff = message;
    else if (message.type.startsWith('ui.')) this.ui = message;
    else if (message.type === 'speech.caption' && message.final && !this.captions.includes(message)) {
      this.captions.push(message);
      if (this.captions.length > CAPTIONS) this.captions.shift();
    }
  }

  /**
   * The resync for a customer that said hello again: the dialog state now (flow, step, language; `speaking` only
   * while speech is still going out), then the controller, the last ui message and the last captions.
   */
  resync(state: DialogSessionState, speaking: boolean): JsonMessage[] {
    const dialog = createMessage('dialog.state', {
      state: speaking ? 'speaking' : 'listening',
      language: state.language,
    });
    if (state.flow !== undefined) dialog.flow = state.flow;
    if (state.step !== undefined) dialog.step = state.step;
    const out: JsonMessage[] = [dialog];
    if (this.handoff) out.push(this.handoff);
    if (this.ui) out.push(this.ui);
    out.push(...this.captions);
    return out;
  }
}
