import { Emitter } from '@digital-human/core';
import { createMessage, type MessageOf } from '@digital-human/protocol';
import { DeskSession, type HandoffSessionPort } from './DeskSession';
import { HandoffError } from './HandoffError';
import type {
  AssistNote,
  AwayMode,
  HandoffSecurityEvent,
  HandoffTicket,
  OperatorProfile,
} from './handoffTypes';
import {
  DEFAULT_OPERATOR_CAPACITY,
  type RoutingCandidate,
  SkillRouter,
  type SkillRouterOptions,
} from './SkillRouter';

/** Events of a {@link HandoffDesk}, one map for its emitter. */
export interface HandoffDeskEvents {
  /** A session's ticket changed (request, phase, transcript, mood, flow). */
  changed: HandoffTicket;
  /** A session left the desk. */
  removed: { readonly sessionId: string };
  /** Agent assist for the operator driving a session. */
  assist: AssistNote;
  /** A customer (or anyone without the operator role) tried operator control: nothing changed. */
  security: HandoffSecurityEvent;
  /** An in-room operator command was refused (wrong operator, no request, capacity). */
  error: HandoffError;
}

/** Options of a {@link HandoffDesk}. */
export interface HandoffDeskOptions extends SkillRouterOptions {
  /** Operators and their skills as the bank configures them (by identity); others get the skills they come with. */
  readonly operators?: readonly OperatorProfile[];
  /** What happens to the live session when its operator switches to another (default `hold`). */
  readonly away?: AwayMode;
  /** Clock, ms since the epoch (default `Date.now`). */
  readonly now?: () => number;
  /**
   * An operator whose desk feed dropped gets this long to come back (default 15 000 ms); then the sessions they
   * hold go back to the AI, so no customer is left with a silent avatar.
   */
  readonly offlineGraceMs?: number;
}

/**
 * The handoff desk of a dialog service: every session's handoff state, the queue of requests with their reason,
 * mood, flow and transcript, skills routing to operators, and the commands — take over (the agent is suspended and
 * the customer's avatar crossfades to the operator's face), switch between held sessions (the one left holds or
 * goes back to the AI), hand back (the agent resumes with what was said). Take over and hand back arrive as
 * protocol messages in the session's room and are obeyed only from operator-role participants.
 */
export class HandoffDesk {
  /** Desk events (for the operator console feed). */
  readonly events = new Emitter<HandoffDeskEvents>();
  /** The routing rules. */
  readonly router: SkillRouter;
  private readonly sessions = new Map<string, DeskSession>();
  private readonly configured = new Map<string, OperatorProfile>();
  private readonly online = new Map<string, OperatorProfile>();
  private readonly awayModes = new Map<string, AwayMode>();
  private readonly live = new Map<string, string>();
  private readonly defaultAway: AwayMode;
  private readonly now: () => number;
  private readonly offlineGraceMs: number;
  private readonly goneTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(options: HandoffDeskOptions = {}) {
    this.router = new SkillRouter(options);
    for (const p of options.operators ?? []) this.configured.set(p.id, p);
    this.defaultAway = options.away ?? 'hold';
    this.now = options.now ?? Date.now;
    this.offlineGraceMs = options.offlineGraceMs ?? 15_000;
  }

  /** Puts a session on the desk; returns the function that takes it off. */
  attach(sessionId: string, room: string, session: HandoffSessionPort): () => void {
    if (this.sessions.has(sessionId))
      throw HandoffError.conflict(`session '${sessionId}' is already attached`);
    const ds = new DeskSession(sessionId, room, session, this.callbacks, this.now);
    this.sessions.set(sessionId, ds);
    return () => this.detach(sessionId);
  }

  /** An operator connected; the bank's configured profile wins over what they come with. Returns the profile. */
  operatorOnline(id: string, offered: Omit<OperatorProfile, 'id'> = { skills: [] }): OperatorProfile {
    const profile = this.configured.get(id) ?? { ...offered, id };
    this.online.set(id, profile);
    clearTimeout(this.goneTimers.get(id));
    this.goneTimers.delete(id);
    this.emitAllWaiting();
    return profile;
  }

  /**
   * An operator disconnected from the desk feed. The sessions they hold stay theirs for `offlineGraceMs`; if they
   * are not back by then, each goes back to the AI (as a hand back).
   */
  operatorOffline(id: string): void {
    this.online.delete(id);
    this.emitAllWaiting();
    clearTimeout(this.goneTimers.get(id));
    const timer = setTimeout(() => {
      this.goneTimers.delete(id);
      for (const t of this.heldBy(id)) this.command(this.handBack(t.sessionId, id));
    }, this.offlineGraceMs);
    this.goneTimers.set(id, timer);
  }

  /** What the operator's live session does when they switch to another. */
  setAwayMode(operatorId: string, mode: AwayMode): void {
    this.awayModes.set(operatorId, mode);
  }

  /** A session's ticket. */
  ticket(sessionId: string): HandoffTicket {
    return this.get(sessionId).ticket();
  }

  /** Requests waiting that `operatorId` should see now, best first (skills, urgency, age). */
  queueFor(operatorId: string): HandoffTicket[] {
    const operator = this.profile(operatorId);
    const candidates = this.candidates();
    const now = this.now();
    const waiting = [...this.sessions.values()]
      .filter((s) => s.machine.phase === 'waiting')
      .map((s) => s.ticket())
      .filter((t) => this.router.visibleTo(t, operator, candidates, now));
    return this.router.order(waiting, operator);
  }

  /** Sessions `operatorId` holds (live first). */
  heldBy(operatorId: string): HandoffTicket[] {
    return [...this.sessions.values()]
      .filter((s) => s.machine.operatorId === operatorId)
      .map((s) => s.ticket())
      .sort((a, b) => (a.phase === 'live' ? -1 : b.phase === 'live' ? 1 : 0));
  }

  /** The session `operatorId` drives now, if any. */
  liveSessionOf(operatorId: string): string | undefined {
    return this.live.get(operatorId);
  }

  /**
   * `operatorId` drives `sessionId`: the agent is suspended and `handoff.state` (controller human) goes to the
   * customer. The operator's other live session, if any, is parked first (held or back to the AI).
   */
  async takeOver(sessionId: string, operatorId: string): Promise<void> {
    const ds = this.get(sessionId);
    const m = ds.machine;
    if (m.phase === 'ai') throw HandoffError.conflict(`take over '${sessionId}': nobody asked for a human`);
    if (m.operatorId !== undefined && m.operatorId !== operatorId)
      throw HandoffError.forbidden(`take over '${sessionId}': held by operator '${m.operatorId}'`);
    if (m.operatorId === undefined) this.requireRoom(operatorId);
    const previous = this.live.get(operatorId);
    const parking =
      previous !== undefined && previous !== sessionId
        ? this.park(previous, operatorId, this.awayModes.get(operatorId) ?? this.defaultAway)
        : Promise.resolve();
    const t = m.takeOver(operatorId);
    this.live.set(operatorId, sessionId);
    if (t.from !== t.to) {
      if (t.from === 'holding') await ds.session.send(humanState(operatorId));
      else {
        ds.log.beginHuman();
        await ds.session.suspendAgent(operatorId);
      }
      this.changed(ds);
    }
    await parking;
  }

  /** The live operator leaves `sessionId` for now: it holds ("one moment please") or the AI continues. */
  async park(sessionId: string, operatorId: string, mode: AwayMode): Promise<void> {
    const ds = this.get(sessionId);
    const t = ds.machine.park(operatorId, mode);
    if (this.live.get(operatorId) === sessionId) this.live.delete(operatorId);
    if (t.from === t.to) return;
    if (t.to === 'background') await ds.session.resumeAgent(ds.log.endHuman());
    else {
      if (t.from === 'background') {
        ds.log.beginHuman();
        await ds.session.suspendAgent(operatorId);
      }
      await ds.sayHold();
    }
    this.changed(ds);
  }

  /** The holding operator hands `sessionId` back: the agent resumes with the human part of the conversation. */
  async handBack(
    sessionId: string,
    operatorId: string,
    message?: MessageOf<'handoff.hand_back'>,
  ): Promise<void> {
    const ds = this.get(sessionId);
    const t = ds.machine.handBack(operatorId);
    if (this.live.get(operatorId) === sessionId) this.live.delete(operatorId);
    const logged = ds.log.endHuman();
    const turns = message?.transcript?.length ? message.transcript : logged;
    if (t.from !== 'background') await ds.session.resumeAgent(turns, message?.summary);
    this.changed(ds);
  }

  /** Takes every session off the desk and removes every listener. */
  dispose(): void {
    for (const timer of this.goneTimers.values()) clearTimeout(timer);
    this.goneTimers.clear();
    for (const id of [...this.sessions.keys()]) this.detach(id);
    this.events.removeAllListeners();
  }

  private readonly callbacks = {
    changed: (ds: DeskSession) => this.changed(ds),
    takeOver: (ds: DeskSession, op: string) => this.command(this.takeOver(ds.sessionId, op)),
    handBack: (ds: DeskSession, op: string, m: MessageOf<'handoff.hand_back'>) =>
      this.command(this.handBack(ds.sessionId, op, m)),
    customerSaid: (ds: DeskSession, text: string) => this.assist(ds, [], ds.facts(text)),
    suggested: (ds: DeskSession, suggestions: readonly string[]) => this.assist(ds, suggestions, []),
    security: (e: HandoffSecurityEvent) => this.events.emit('security', e),
  };

  private assist(ds: DeskSession, suggestions: readonly string[], facts: AssistNote['facts']): void {
    const operatorId = ds.machine.operatorId;
    if (operatorId === undefined || (suggestions.length === 0 && facts.length === 0)) return;
    this.events.emit('assist', { sessionId: ds.sessionId, operatorId, suggestions, facts });
    if (facts.length === 0) return; // the engine already sent its suggestions to the room's operators
    const note = createMessage('handoff.assist', { suggestions: [], facts: facts.map((f) => ({ ...f })) });
    void ds.session.send(note, [operatorId]).catch(() => undefined);
  }

  private command(run: Promise<void>): void {
    run.catch((e: unknown) => {
      this.events.emit('error', e instanceof HandoffError ? e : new HandoffError('conflict', String(e), e));
    });
  }

  private requireRoom(operatorId: string): void {
    const profile = this.profile(operatorId);
    const load = this.load(operatorId);
    const capacity = profile.capacity ?? DEFAULT_OPERATOR_CAPACITY;
    if (load >= capacity) throw HandoffError.capacity(operatorId, capacity);
  }

  private profile(id: string): OperatorProfile {
    return this.online.get(id) ?? this.configured.get(id) ?? { id, skills: [] };
  }

  private load(operatorId: string): number {
    let n = 0;
    for (const s of this.sessions.values()) if (s.machine.operatorId === operatorId) n += 1;
    return n;
  }

  private candidates(): RoutingCandidate[] {
    return [...this.online.values()].map((profile) => ({ profile, load: this.load(profile.id) }));
  }

  private get(sessionId: string): DeskSession {
    const ds = this.sessions.get(sessionId);
    if (!ds) throw HandoffError.notFound(sessionId);
    return ds;
  }

  private changed(ds: DeskSession): void {
    this.events.emit('changed', ds.ticket());
  }

  /** Visibility of waiting requests depends on who is online: tell the feeds. */
  private emitAllWaiting(): void {
    for (const s of this.sessions.values()) if (s.machine.phase === 'waiting') this.changed(s);
  }

  private detach(sessionId: string): void {
    const ds = this.sessions.get(sessionId);
    if (!ds) return;
    const owner = ds.machine.operatorId;
    if (owner !== undefined && this.live.get(owner) === sessionId) this.live.delete(owner);
    ds.dispose();
    this.sessions.delete(sessionId);
    this.events.emit('removed', { sessionId });
  }
}

function humanState(operatorId: string): MessageOf<'handoff.state'> {
  return createMessage('handoff.state', { controller: 'human', pending: false, operatorId });
}
