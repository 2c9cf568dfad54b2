import { describe, expect, it } from 'vitest';
import { estimateTextSentiment } from './textSentiment';

describe('estimateTextSentiment', () => {
  it.each([
    ['恭喜您，申请已经通过了！', 'happy', 1],
    ['很抱歉，您的申请未通过。', 'sad', -1],
    ['不用担心，没有问题。', 'relaxed', 1],
    ['Congratulations! Your card is approved.', 'happy', 1],
    ['Unfortunately your application was declined.', 'sad', -1],
    ["Don't worry, it's safe.", 'relaxed', 1],
    ['Wow, that is amazing!', 'surprised', 1],
  ] as const)('%s → %s', (text, emotion, sign) => {
    const s = estimateTextSentiment(text);
    expect(s.emotion).toBe(emotion);
    expect(Math.sign(s.valence)).toBe(sign);
    expect(s.intensity).toBeGreaterThan(0.25);
    expect(s.intensity).toBeLessThanOrEqual(1);
  });

  it('flips a negated word (zh and en)', () => {
    expect(estimateTextSentiment('满意').valence).toBeGreaterThan(0);
    expect(estimateTextSentiment('我不满意').valence).toBeLessThan(0);
    expect(estimateTextSentiment('This is good.').valence).toBeGreaterThan(0);
    expect(estimateTextSentiment('This is not good.').valence).toBeLessThan(0);
    expect(estimateTextSentiment('问题').valence).toBeLessThan(0);
    expect(estimateTextSentiment('没有问题').valence).toBeGreaterThan(0);
  });

  it('does not carry negation across a clause', () => {
    expect(estimateTextSentiment("No, it's great").valence).toBeGreaterThan(0);
    expect(estimateTextSentiment('不，太好了').valence).toBeGreaterThan(0);
  });

  it('makes intensified words stronger', () => {
    expect(estimateTextSentiment('非常高兴').intensity).toBeGreaterThan(
      estimateTextSentiment('高兴').intensity,
    );
    expect(estimateTextSentiment('very glad').intensity).toBeGreaterThan(
      estimateTextSentiment('glad').intensity,
    );
  });

  it('reads neutral text as neutral', () => {
    for (const text of ['', '今天是星期二。', 'Your balance is 500 yuan.']) {
      expect(estimateTextSentiment(text)).toEqual({ valence: 0, emotion: null, intensity: 0 });
    }
  });

  it('reads mixed zh/en text', () => {
    expect(estimateTextSentiment('您的 credit card 已经批准了, congratulations!').emotion).toBe('happy');
  });
});
