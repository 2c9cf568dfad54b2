import { describe, expect, it } from 'vitest';
import { encode, exampleMessages, ProtocolDecoder, type ProtocolError, type Sender } from './index';

const customer: Sender = { identity: 'c1', role: 'customer' };
const agent: Sender = { identity: 'agent', role: 'agent' };

describe('ProtocolDecoder', () => {
  it('emits messages, rejections and upgrade-needed once per sender', () => {
    const decoder = new ProtocolDecoder();
    const messages: string[] = [];
    const rejected: ProtocolError[] = [];
    const upgrades: string[] = [];
    decoder.on('message', (m) => messages.push(m.type));
    decoder.on('rejected', (e) => rejected.push(e));
    decoder.on('upgrade-needed', (i) =>
      upgrades.push(`${i.sender.identity}:${i.remoteVersion}>${i.localVersion}`),
    );

    decoder.receive(encode(exampleMessages()['speech.start']), agent);
    decoder.receive(encode(exampleMessages()['ui.card']), customer);
    const v2 = JSON.stringify({ ...exampleMessages().hello, v: '2.3' });
    decoder.receive(v2, agent);
    decoder.receive(v2, agent);

    expect(messages).toEqual(['speech.start']);
    expect(rejected.map((e) => e.code)).toEqual([
      'forbidden-sender',
      'version-unsupported',
      'version-unsupported',
    ]);
    expect(upgrades).toEqual(['agent:2.3>1.0']);
  });

  it('unsubscribes and disposes listeners', () => {
    const decoder = new ProtocolDecoder();
    let n = 0;
    const off = decoder.on('message', () => n++);
    const bytes = encode(exampleMessages()['speech.end']);
    decoder.receive(bytes, agent);
    off();
    decoder.receive(bytes, agent);
    decoder.on('message', () => n++);
    decoder.dispose();
    decoder.receive(bytes, agent);
    expect(n).toBe(1);
  });
});
