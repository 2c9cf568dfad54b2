import type { SpeechSynthesis } from '@digital-human/dialog/local';
import { createMessage, encode, type JsonMessage, type Role, type Sender } from '@digital-human/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../Session';
import type { SessionLink } from '../SessionLink';
import { HandoffDesk } from './HandoffDesk';
import type { AssistNote, HandoffSecurityEvent, OperatorProfile } from './handoffTypes';

const fakeSynthesis = async (): Promise<SpeechSynthesis> => ({
  synthesize: (say) => ({
    ...say,
    sampleRate: 8000,
    samples: new Int16Array(16 * say.text.length),
    cues: [{ viseme: 'aa', start: 0, end: 0.002 }],
  }),
  dispose: () => undefined,
});

/** An in-memory room: records what the session publishes and streams. */
class FakeRoom implements SessionLink {
  readonly sent: { message: JsonMessage; to: readonly string[] | undefined }[] = [];
  audio = 0;
  operators: string[] = [];
  async send(message: JsonMessage, to?: readonly string[]) {
    this.sent.push({ message, to });
  }
  async openAudio() {
    this.audio += 1;
    return { write: async () => undefined, close: async () => undefined };
  }
  async sendTranscription() {}
  async clearBuffer() {}
  participantsWithRole(role: Role) {
    return role === 'operator' ? this.operators : [];
  }
  of<T extends JsonMessage['type']>(type: T) {
    return this.sent
      .map((s) => s.message)
      .filter((m): m is Extract<JsonMessage, { type: T }> => m.type === type);
  }
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!check()) throw new Error(`timed out: ${what}`);
};

let desk: HandoffDesk;
const sessions: Session[] = [];
afterEach(() => {
  desk?.dispose();
  for (const s of sessions.splice(0)) s.dispose();
});

const OPERATORS: OperatorProfile[] = [
  { id: 'op-1', skills: ['soothing', 'complaints', 'general'] },
  { id: 'op-2', skills: ['wealth'] },
];

function open(n: number, operators = OPERATORS, offlineGraceMs = 15_000) {
  desk = new HandoffDesk({ now: () => 1_000, operators, offlineGraceMs });
  return Array.from({ length: n }, (_, i) => {
    const room = new FakeRoom();
    room.operators = ['op-1'];
    const customer: Sender = { identity: `cust-${i}`, role: 'customer' };
    const session = new Session({
      link: room,
      customerIdentity: customer.identity,
      synthesis: fakeSynthesis,
    });
    sessions.push(session);
    desk.attach(`s-${i}`, `room-${i}`, session);
    const say = (id: string, text: string) =>
      session.receive(encode(createMessage('user.text', { id, text })), customer);
    const fromOperator = (m: JsonMessage, identity = 'op-1') =>
      session.receive(encode(m), { identity, role: 'operator' });
    return { room, session, customer, say, fromOperator };
  });
}

/** The request's turn is done: its spoken reply has been logged. */
const settled = (sessionId: string) =>
  until(
    () =>
      desk.ticket(sessionId).phase === 'waiting' &&
      desk.ticket(sessionId).transcript.some((l) => l.speaker === 'agent'),
    `request of ${sessionId} settled`,
  );

const takeOver = createMessage('handoff.take_over', { operatorId: 'op-1' });
const handBack = createMessage('handoff.hand_back', {});

describe('HandoffDesk', () => {
  it('queues "转人工" with reason, flow, transcript, and routes it to the matching operator', async () => {
    const [a] = open(1);
    a!.say('t-1', '转人工');
    await until(() => desk.queueFor('op-1').length === 1, 'queued');
    const ticket = desk.queueFor('op-1')[0]!;
    expect(ticket).toMatchObject({ sessionId: 's-0', room: 'room-0', phase: 'waiting', reason: 'explicit' });
    expect(ticket.skills).toEqual(['general']);
    expect(ticket.transcript[0]).toMatchObject({ speaker: 'customer', text: '转人工' });
    desk.operatorOnline('op-1');
    desk.operatorOnline('op-2');
    expect(desk.queueFor('op-2')).toEqual([]); // op-1 has the skill and room: it goes there first
  });

  it('take over from an operator suspends the agent and tells the customer; hand back resumes it', async () => {
    const [a] = open(1);
    a!.say('t-1', '转人工');
    await settled('s-0');
    a!.fromOperator(takeOver);
    await until(() => desk.ticket('s-0').phase === 'live', 'live');
    expect(a!.session.agentState).toBe('suspended');
    await until(() => a!.room.of('handoff.state').at(-1)?.controller === 'human', 'controller human');
    expect(a!.room.of('handoff.state').at(-1)?.operatorId).toBe('op-1');
    const audioBefore = a!.room.audio;
    a!.say('t-2', '我的卡被冻结了');
    a!.fromOperator(
      createMessage('speech.caption', { speaker: 'operator', text: '我来帮您解冻。', final: true }),
    );
    await new Promise((r) => setTimeout(r, 30));
    expect(a!.room.audio).toBe(audioBefore); // no agent speech while the human drives
    a!.fromOperator(handBack);
    await until(() => a!.session.agentState === 'active', 'resumed');
    expect(desk.ticket('s-0').phase).toBe('ai');
    await until(() => a!.room.of('handoff.state').at(-1)?.controller === 'ai', 'controller ai');
    await until(() => a!.room.audio > audioBefore, 'the AI speaks again');
    const lines = desk.ticket('s-0').transcript.map((l) => `${l.speaker}:${l.text}`);
    expect(lines).toContain('operator:我来帮您解冻。');
  });

  it('a customer sending take_over or hand_back changes nothing and is a security event', async () => {
    const [a] = open(1);
    const security: HandoffSecurityEvent[] = [];
    desk.events.on('security', (e) => security.push(e));
    a!.say('t-1', '转人工');
    await until(() => desk.ticket('s-0').phase === 'waiting', 'waiting');
    a!.session.receive(encode(takeOver), a!.customer);
    a!.session.receive(encode(handBack), { identity: 'stranger', role: null });
    await new Promise((r) => setTimeout(r, 30));
    expect(desk.ticket('s-0').phase).toBe('waiting');
    expect(a!.session.agentState).toBe('active');
    expect(security.map((e) => `${e.identity}:${e.attempted}`)).toEqual([
      'cust-0:handoff.take_over',
      'stranger:*',
    ]);
  });

  it('another operator cannot take over or hand back a session someone holds', async () => {
    const [a] = open(1);
    const errors: string[] = [];
    desk.events.on('error', (e) => errors.push(e.code));
    a!.say('t-1', '转人工');
    await settled('s-0');
    a!.fromOperator(takeOver);
    await until(() => desk.ticket('s-0').phase === 'live', 'live');
    a!.fromOperator(takeOver, 'op-2');
    a!.fromOperator(handBack, 'op-2');
    await until(() => errors.length === 2, 'refusals');
    expect(errors).toEqual(['forbidden', 'forbidden']);
    expect(desk.ticket('s-0')).toMatchObject({ phase: 'live', operatorId: 'op-1' });
  });

  it('one operator holds two sessions: switching parks the live one with "one moment please"', async () => {
    const [a, b] = open(2);
    a!.say('t-1', '转人工');
    b!.say('t-1', 'human agent please');
    await settled('s-0');
    await settled('s-1');
    a!.fromOperator(takeOver);
    await until(() => desk.ticket('s-0').phase === 'live', 'a live');
    b!.fromOperator(takeOver);
    await until(
      () => desk.ticket('s-1').phase === 'live' && desk.ticket('s-0').phase === 'holding',
      'switch',
    );
    expect(desk.liveSessionOf('op-1')).toBe('s-1');
    await until(() => a!.room.of('speech.caption').at(-1)?.speaker === 'operator', 'hold line');
    expect(a!.room.of('speech.caption').at(-1)?.text).toBe('请稍等，我马上回来。');
    expect(b!.room.of('speech.caption').at(-1)?.text).not.toBe('请稍等，我马上回来。');
    expect(a!.session.agentState).toBe('suspended');
    // one click back: a is live again without a second suspension, b holds
    a!.fromOperator(takeOver);
    await until(() => desk.ticket('s-0').phase === 'live' && desk.ticket('s-1').phase === 'holding', 'back');
    await until(() => a!.room.of('handoff.state').length === 3, 'controller human again');
    expect(a!.room.of('handoff.state').at(-1)).toMatchObject({ controller: 'human', operatorId: 'op-1' });
    expect(desk.heldBy('op-1').map((t) => t.sessionId)).toEqual(['s-0', 's-1']);
  });

  it('away mode "ai": the session left behind goes back to the AI until the operator returns', async () => {
    const [a, b] = open(2);
    desk.setAwayMode('op-1', 'ai');
    a!.say('t-1', '转人工');
    b!.say('t-1', '转人工');
    await settled('s-0');
    await settled('s-1');
    a!.fromOperator(takeOver);
    await until(() => desk.ticket('s-0').phase === 'live', 'a live');
    b!.fromOperator(takeOver);
    await until(() => desk.ticket('s-0').phase === 'background', 'a in background');
    expect(a!.session.agentState).toBe('active');
    a!.fromOperator(takeOver);
    await until(() => a!.session.agentState === 'suspended', 'a suspended again');
  });

  it('assists the live operator with facts about the cards the customer names', async () => {
    const [a] = open(1);
    const notes: AssistNote[] = [];
    desk.events.on('assist', (n) => notes.push(n));
    a!.say('t-1', '转人工');
    await settled('s-0');
    a!.fromOperator(takeOver);
    await until(() => desk.ticket('s-0').phase === 'live', 'live');
    a!.say('t-2', '美食金卡有年费吗？');
    await until(() => notes.some((n) => n.facts.length > 0), 'facts');
    const facts = notes.find((n) => n.facts.length > 0)!;
    expect(facts.operatorId).toBe('op-1');
    expect(facts.facts[0]).toEqual({ label: '美食金卡 · 年费', value: '免年费' });
    await until(
      () => a!.room.sent.some((s) => s.message.type === 'handoff.assist' && s.to?.[0] === 'op-1'),
      'facts in the room, to the operator only',
    );
  });

  it('refuses a take over beyond the operator capacity', async () => {
    const rooms = open(2, [{ id: 'op-1', skills: ['general'], capacity: 1 }]);
    desk.operatorOnline('op-1', { skills: ['wealth'], capacity: 9 }); // the bank's profile wins
    const errors: string[] = [];
    desk.events.on('error', (e) => errors.push(e.code));
    for (const r of rooms) r.say('t-1', '转人工');
    await settled('s-0');
    await settled('s-1');
    rooms[0]!.fromOperator(takeOver);
    await until(() => desk.ticket('s-0').phase === 'live', 'first');
    rooms[1]!.fromOperator(takeOver);
    await until(() => errors.length === 1, 'capacity refusal');
    expect(errors).toEqual(['capacity']);
    expect(desk.ticket('s-1').phase).toBe('waiting');
  });

  it('an operator who drops off the desk and does not come back: their sessions go back to the AI', async () => {
    const [a, b] = open(2, OPERATORS, 50);
    a!.say('t-1', '转人工');
    b!.say('t-1', '转人工');
    await settled('s-0');
    await settled('s-1');
    desk.operatorOnline('op-1');
    a!.fromOperator(takeOver);
    await until(() => desk.ticket('s-0').phase === 'live', 'a live');
    b!.fromOperator(takeOver);
    await until(() => desk.ticket('s-0').phase === 'holding', 'a holding');
    desk.operatorOffline('op-1');
    desk.operatorOnline('op-1'); // back in time: nothing changes
    await new Promise((r) => setTimeout(r, 100));
    expect(desk.ticket('s-1').phase).toBe('live');
    desk.operatorOffline('op-1');
    await until(
      () => desk.ticket('s-0').phase === 'ai' && desk.ticket('s-1').phase === 'ai',
      'both back to the AI',
    );
    expect(a!.session.agentState).toBe('active');
    expect(b!.session.agentState).toBe('active');
  });
});
