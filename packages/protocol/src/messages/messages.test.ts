import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  canSend,
  decode,
  encode,
  JSON_MESSAGE_TYPES,
  type JsonMessage,
  type MessageOf,
  type Role,
} from '../index';
import { exampleMessageList, exampleMessages } from './examples';

/** Decodes `msg` (serialised as-is, without encode's validation) from `role`. */
function decodeAs(msg: unknown, role: Role = 'operator') {
  return decode(JSON.stringify(msg), role);
}

function expectInvalid(msg: unknown, path: string, role: Role = 'operator') {
  const r = decodeAs(msg, role);
  expect(r.ok, JSON.stringify(msg)).toBe(false);
  if (!r.ok) {
    expect(r.error.code).toBe('invalid');
    expect(r.error.path).toBe(path);
  }
}

const ex = exampleMessages();

describe('static types', () => {
  it('derive from the schemas', () => {
    expectTypeOf<MessageOf<'emotion.cue'>>().toEqualTypeOf<{
      v: string;
      type: 'emotion.cue';
      emotion: 'neutral' | 'happy' | 'angry' | 'sad' | 'relaxed' | 'surprised';
      intensity: number;
      durationMs: number;
      id?: string;
      ts?: number;
      utteranceId?: string;
      atMs?: number;
    }>();
    expectTypeOf<MessageOf<'user.action'>['id']>().toEqualTypeOf<string>();
    expectTypeOf<
      Extract<JsonMessage, { type: 'ui.products' }>['products'][number]['riskLevel']
    >().toEqualTypeOf<'R1' | 'R2' | 'R3' | 'R4' | 'R5'>();
  });
});

describe('every message type', () => {
  it('has a valid example that round-trips for a permitted sender', () => {
    expect(
      exampleMessageList()
        .map((m) => m.type)
        .sort(),
    ).toEqual([...JSON_MESSAGE_TYPES].sort());
    for (const m of exampleMessageList()) {
      const role: Role = canSend('customer', m.type) ? 'customer' : 'operator';
      expect(decode(encode(m), role)).toEqual({ ok: true, message: m });
    }
  });
});

describe('speech', () => {
  it('requires utterance ids of the allowed alphabet', () => {
    expectInvalid({ ...ex['speech.start'], utteranceId: 'bad id with spaces' }, 'utteranceId');
    expectInvalid({ ...ex['speech.end'], utteranceId: '' }, 'utteranceId');
  });
  it('validates viseme cues: names, times, ordering, count', () => {
    const base = ex['speech.visemes'];
    expectInvalid({ ...base, cues: [{ v: 'XX', t: 0, d: 10 }] }, 'cues[0].v');
    expectInvalid({ ...base, cues: [{ v: 'aa', t: -1, d: 10 }] }, 'cues[0].t');
    expectInvalid(
      {
        ...base,
        cues: [
          { v: 'aa', t: 100, d: 10 },
          { v: 'E', t: 50, d: 10 },
        ],
      },
      '',
    );
    const many = Array.from({ length: 257 }, (_, i) => ({ v: 'aa', t: i, d: 1 }));
    expectInvalid({ ...base, cues: many }, 'cues');
  });
  it('captions and transcripts carry a final flag and a speaker', () => {
    expectInvalid({ ...ex['speech.caption'], final: 'yes' }, 'final');
    expectInvalid({ ...ex['speech.transcript'], speaker: 'robot' }, 'speaker');
    expectInvalid({ ...ex['speech.caption'], text: 'x'.repeat(4001) }, 'text');
  });
});

describe('emotion and dialog state', () => {
  it('bounds intensity and duration', () => {
    expectInvalid({ ...ex['emotion.cue'], intensity: 1.01 }, 'intensity');
    expectInvalid({ ...ex['emotion.cue'], durationMs: -5 }, 'durationMs');
    expectInvalid({ ...ex['emotion.cue'], emotion: 'smug' }, 'emotion');
  });
  it('knows the dialog states', () => {
    for (const state of ['idle', 'listening', 'thinking', 'speaking']) {
      expect(decodeAs({ ...ex['dialog.state'], state }).ok).toBe(true);
    }
    expectInvalid({ ...ex['dialog.state'], state: 'dreaming' }, 'state');
  });
});

describe('ui', () => {
  it('refuses javascript: and data: URLs on cards', () => {
    const card = ex['ui.card'];
    expectInvalid({ ...card, card: { ...card.card, imageUrl: 'javascript:alert(1)' } }, 'card.imageUrl');
    expectInvalid({ ...card, card: { ...card.card, imageUrl: 'data:text/html,x' } }, 'card.imageUrl');
    expect(decodeAs({ ...card, card: { ...card.card, imageUrl: '/cards/a.png' } }).ok).toBe(true);
  });
  it('keeps markup as plain text (validation does not strip or interpret it)', () => {
    const card = ex['ui.card'];
    const r = decodeAs({ ...card, card: { ...card.card, title: '<img src=x onerror=alert(1)>' } });
    expect(r.ok && r.message.type === 'ui.card' && r.message.card.title).toBe('<img src=x onerror=alert(1)>');
  });
  it('requires 1..6 cards to compare', () => {
    expectInvalid({ ...ex['ui.cards'], cards: [] }, 'cards');
  });
  it('validates form fields', () => {
    expectInvalid(
      { ...ex['ui.form'], fields: [{ name: 'x', label: 'X', kind: 'password' }] },
      'fields[0].kind',
    );
  });
  it('disclosure start needs title and text; end does not', () => {
    const { title: _t, text: _x, ...bare } = ex['ui.disclosure'];
    expectInvalid(bare, '');
    expect(decodeAs({ ...bare, marker: 'end' }).ok).toBe(true);
  });
  it('products carry a risk level R1..R5', () => {
    const p = ex['ui.products'];
    expectInvalid({ ...p, products: [{ ...p.products[0], riskLevel: 'R6' }] }, 'products[0].riskLevel');
  });
  it('queue tickets, surveys and quick replies validate their fields', () => {
    expectInvalid({ ...ex['ui.queue_ticket'], number: '' }, 'number');
    expectInvalid({ ...ex['ui.survey'], nps: 1 }, 'nps');
    expectInvalid({ ...ex['ui.quick_replies'], replies: Array(9).fill({ id: 'a', label: 'b' }) }, 'replies');
  });
});

describe('handoff', () => {
  it('knows the reasons', () => {
    for (const reason of [
      'explicit',
      'complaint',
      'complex_advice',
      'negative_sentiment',
      'no_progress',
      'flow_rule',
    ]) {
      expect(decodeAs({ ...ex['handoff.request'], reason }, 'agent').ok).toBe(true);
    }
    expectInvalid({ ...ex['handoff.request'], reason: 'bored' }, 'reason');
  });
  it('agent assist is bounded and never from a customer', () => {
    expectInvalid({ ...ex['handoff.assist'], suggestions: Array(6).fill('x') }, 'suggestions');
    expect(decodeAs(ex['handoff.assist'], 'agent').ok).toBe(true);
    expect(decodeAs(ex['handoff.assist'], 'customer').ok).toBe(false);
  });
  it('validates controller state and hand-back transcript', () => {
    expectInvalid({ ...ex['handoff.state'], controller: 'robot' }, 'controller');
    expectInvalid(
      { ...ex['handoff.hand_back'], transcript: [{ speaker: 'operator' }] },
      'transcript[0].text',
    );
  });
});

describe('user', () => {
  it('user.action requires an idempotency id and a flat bounded payload', () => {
    const { id: _id, ...noId } = ex['user.action'];
    expectInvalid(noId, 'id', 'customer');
    expectInvalid({ ...ex['user.action'], payload: { a: { nested: 1 } } }, 'payload.a', 'customer');
    const wide = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, i]));
    expectInvalid({ ...ex['user.action'], payload: wide }, 'payload', 'customer');
  });
  it('user.text must be 1..1000 chars', () => {
    expectInvalid({ ...ex['user.text'], text: '' }, 'text', 'customer');
    expectInvalid({ ...ex['user.text'], text: 'x'.repeat(1001) }, 'text', 'customer');
  });
  it('user.sentiment ranges', () => {
    expectInvalid({ ...ex['user.sentiment'], valence: -1.5 }, 'valence', 'customer');
    expectInvalid({ ...ex['user.sentiment'], attention: 2 }, 'attention', 'customer');
    expectInvalid({ ...ex['user.sentiment'], presence: 'yes' }, 'presence', 'customer');
  });
  it('hello needs a language', () => {
    expectInvalid({ ...ex.hello, language: 'x' }, 'language', 'customer');
  });
});

describe('sender roles', () => {
  const byType = new Map(exampleMessageList().map((m) => [m.type, m] as [string, JsonMessage]));
  const customerMay = ['hello', 'ack', 'user.action', 'user.text', 'user.sentiment'];
  const operatorOnly = ['handoff.take_over', 'handoff.hand_back'];

  it('a customer may send only user.*, hello and ack', () => {
    for (const [type, m] of byType) {
      const r = decode(encode(m), 'customer');
      expect(r.ok, type).toBe(customerMay.includes(type));
      if (!r.ok) expect(r.error.code).toBe('forbidden-sender');
    }
  });
  it('the agent may send speech/ui/emotion/dialog/handoff.request but not take over', () => {
    for (const [type, m] of byType) {
      const allowed = !operatorOnly.includes(type) && !type.startsWith('user.');
      expect(decode(encode(m), 'agent').ok, type).toBe(allowed);
    }
  });
  it('the operator may send everything the agent may plus take-over and hand-back', () => {
    for (const [type, m] of byType)
      expect(decode(encode(m), 'operator').ok, type).toBe(!type.startsWith('user.'));
  });
  it('a sender without a role may send nothing', () => {
    for (const m of byType.values()) {
      const r = decode(encode(m), null);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('forbidden-sender');
    }
  });
  it('a role claimed inside the message is ignored', () => {
    const forged = { ...ex['ui.card'], role: 'agent', sender: { role: 'operator' } };
    const r = decodeAs(forged, 'customer');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('forbidden-sender');
  });
});
