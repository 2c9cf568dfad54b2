import { HandoffError } from './HandoffError';
import type { AwayMode, HandoffPhase, HandoffReason } from './handoffTypes';

/** A phase change the machine accepted. `from === to` means nothing changed (a repeated command). */
export interface HandoffTransition {
  readonly from: HandoffPhase;
  readonly to: HandoffPhase;
  /** The operator holding the session after the change. */
  readonly operatorId: string | undefined;
}

/**
 * The pure controller state of one session on the desk: who may drive, and what each command does. No I/O; the
 * {@link HandoffDesk} turns transitions into `suspendAgent()` / `resumeAgent()` and messages.
 *
 * ```
 * ai ──request──► waiting ──takeOver(op)──► live(op) ──park(op,'hold')──► holding(op)
 *  ▲                                          │  ▲──────takeOver(op)──────────┘
 *  └──────────────handBack(op)────────────────┘  └─park(op,'ai')─► background(op) ─takeOver(op)─┘
 * ```
 * Only the holding operator may park, resume or hand back; a session another operator holds is refused.
 */
export class HandoffStateMachine {
  private current: HandoffPhase = 'ai';
  private owner: string | undefined;
  private why: HandoffReason | undefined;

  /** The current phase. */
  get phase(): HandoffPhase {
    return this.current;
  }

  /** The operator holding the session (live, holding or background), if any. */
  get operatorId(): string | undefined {
    return this.owner;
  }

  /** The reason of the open request, if any. */
  get reason(): HandoffReason | undefined {
    return this.why;
  }

  /** A human was requested. Only from `ai`; a session already waiting or held keeps its phase. */
  request(reason: HandoffReason): HandoffTransition {
    if (this.current !== 'ai') return this.same();
    this.why = reason;
    return this.move('waiting', undefined);
  }

  /**
   * `operatorId` drives the avatar. Allowed when the request waits (nobody holds it) or the same operator holds the
   * session; refused for a session without a request or held by another operator.
   */
  takeOver(operatorId: string): HandoffTransition {
    if (this.current === 'ai') throw HandoffError.conflict('take over: nobody asked for a human here');
    if (this.owner !== undefined && this.owner !== operatorId)
      throw HandoffError.forbidden(`take over: the session is held by operator '${this.owner}'`);
    if (this.current === 'live') return this.same();
    return this.move('live', operatorId);
  }

  /** The live operator switches away: the session holds (`hold`) or the AI continues (`ai`). */
  park(operatorId: string, mode: AwayMode): HandoffTransition {
    this.requireOwner(operatorId, 'park');
    const to: HandoffPhase = mode === 'hold' ? 'holding' : 'background';
    if (this.current === to) return this.same();
    return this.move(to, operatorId);
  }

  /** The holding operator hands the session back to the AI: the request is closed. */
  handBack(operatorId: string): HandoffTransition {
    this.requireOwner(operatorId, 'hand back');
    this.why = undefined;
    return this.move('ai', undefined);
  }

  /** The customer left or the session ended: back to `ai`, whoever held it. */
  close(): HandoffTransition {
    this.why = undefined;
    return this.move('ai', undefined);
  }

  private requireOwner(operatorId: string, what: string): void {
    if (this.owner === undefined) throw HandoffError.conflict(`${what}: no operator holds the session`);
    if (this.owner !== operatorId)
      throw HandoffError.forbidden(`${what}: the session is held by operator '${this.owner}'`);
  }

  private move(to: HandoffPhase, operatorId: string | undefined): HandoffTransition {
    const from = this.current;
    this.current = to;
    this.owner = operatorId;
    return { from, to, operatorId };
  }

  private same(): HandoffTransition {
    return { from: this.current, to: this.current, operatorId: this.owner };
  }
}
