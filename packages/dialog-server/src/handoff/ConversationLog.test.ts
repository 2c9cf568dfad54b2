import { createMessage } from '@digital-human/protocol';
import { describe, expect, it } from 'vitest';
import { ConversationLog } from './ConversationLog';

const sentiment = (label: 'negative' | 'positive' | 'neutral', valence: number, confidence = 0.9) =>
  createMessage('user.sentiment', { label, valence, arousal: 0.5, confidence, presence: true, attention: 1 });

describe('ConversationLog', () => {
  it('hands back only the lines said while the human drove', () => {
    const log = new ConversationLog();
    log.add('customer', '转人工', 1);
    log.add('agent', '好的，正在为您转接', 2);
    log.beginHuman();
    log.add('customer', '我的卡被冻结了', 3);
    log.add('operator', '我来帮您解冻', 4);
    expect(log.endHuman().map((l) => l.text)).toEqual(['我的卡被冻结了', '我来帮您解冻']);
    expect(log.endHuman()).toEqual([]); // the human part ended
    expect(log.transcript).toHaveLength(4);
  });

  it('keeps the last maxLines lines and never hands back more than 32', () => {
    const log = new ConversationLog({ maxLines: 40 });
    log.beginHuman();
    for (let i = 0; i < 50; i++) log.add('customer', `line ${i}`, i);
    expect(log.transcript).toHaveLength(40);
    const turns = log.endHuman();
    expect(turns).toHaveLength(32);
    expect(turns.at(-1)?.text).toBe('line 49');
  });

  it('ignores empty lines and unsure sentiment; counts a negative streak and smooths the valence', () => {
    const log = new ConversationLog({ smoothing: 0.5 });
    log.add('customer', '   ', 1);
    expect(log.transcript).toEqual([]);
    log.sentimentSummary(sentiment('negative', -0.8, 0.2));
    expect(log.sentiment.samples).toBe(0);
    log.sentimentSummary(sentiment('negative', -0.8));
    log.sentimentSummary(sentiment('negative', -0.4));
    expect(log.sentiment).toMatchObject({ label: 'negative', negativeStreak: 2, samples: 2, valence: -0.6 });
    log.sentimentSummary(sentiment('positive', 0.6));
    expect(log.sentiment.negativeStreak).toBe(0);
    expect(log.sentiment.valence).toBe(0);
  });
});
