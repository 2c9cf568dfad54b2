import { encode, exampleMessages, ROLE_ATTRIBUTE } from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import type { LiveKitTransportEvents } from './LiveKitTransportEvents';
import { MessageGate } from './MessageGate';
import { protocolCodec } from './protocolCodec';

type Events = LiveKitTransportEvents<unknown>;

function gateWithLog() {
  const log: { type: string; event: unknown }[] = [];
  const gate = new MessageGate<unknown>(protocolCodec, {
    message: (event: Events['message']) => log.push({ type: 'message', event }),
    security: (event: Events['security']) => log.push({ type: 'security', event }),
    rejected: (event: Events['rejected']) => log.push({ type: 'rejected', event }),
    upgradeneeded: (event: Events['upgradeneeded']) => log.push({ type: 'upgradeneeded', event }),
  });
  return { gate, log };
}

const examples = exampleMessages();
const as = (role: string) => ({ [ROLE_ATTRIBUTE]: role });

describe('MessageGate', () => {
  it('reads the role from server-set attributes only', () => {
    const { gate } = gateWithLog();
    expect(gate.senderOf('a', as('agent'))).toEqual({ identity: 'a', role: 'agent' });
    expect(gate.senderOf('b', { role: 'agent' })).toEqual({ identity: 'b', role: null });
    expect(gate.senderOf('c', undefined)).toEqual({ identity: 'c', role: null });
  });

  it('delivers a valid ui message from the agent', () => {
    const { gate, log } = gateWithLog();
    const sender = gate.senderOf('agent-1', as('agent'));
    gate.receive(encode(examples['ui.card']), sender, 'dh.ui');
    expect(log).toEqual([
      { type: 'message', event: { message: examples['ui.card'], sender, topic: 'dh.ui' } },
    ]);
  });

  it('drops ui and speech from another customer with a security event, whatever the payload claims', () => {
    const { gate, log } = gateWithLog();
    const forger = gate.senderOf('customer-2', as('customer'));
    gate.receive(encode(examples['ui.card']), forger, 'dh.ui');
    gate.receive(encode(examples['speech.visemes']), forger, 'dh.speech');
    gate.receive('{"v":"1.0","type":"ui.card","role":"agent"}', gate.senderOf('x', undefined), 'dh.ui');
    expect(log.map((l) => l.type)).toEqual(['security', 'security', 'security']);
    expect(log[0]?.event).toEqual({ reason: 'untrusted-role', sender: forger, topic: 'dh.ui' });
  });

  it('reports a trusted role sending what it may not as forbidden-sender', () => {
    const { gate, log } = gateWithLog();
    const agent = gate.senderOf('agent-1', as('agent'));
    gate.receive(encode(examples['handoff.take_over']), agent, 'dh.handoff');
    expect(log).toEqual([
      { type: 'security', event: { reason: 'forbidden-sender', sender: agent, topic: 'dh.handoff' } },
    ]);
  });

  it('rejects malformed payloads and reports a newer major version once per sender', () => {
    const { gate, log } = gateWithLog();
    const agent = gate.senderOf('agent-1', as('agent'));
    gate.receive('{not json', agent, 'dh.ui');
    gate.receive('{"v":"9.0","type":"ui.card"}', agent, 'dh.ui');
    gate.receive('{"v":"9.1","type":"ui.card"}', agent, 'dh.ui');
    expect(log.map((l) => l.type)).toEqual(['rejected', 'rejected', 'upgradeneeded', 'rejected']);
    expect((log[0]!.event as Events['rejected']).code).toBe('malformed');
    expect((log[1]!.event as Events['rejected']).code).toBe('version-unsupported');
  });
});
