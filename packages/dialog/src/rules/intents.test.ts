import { describe, expect, it } from 'vitest';
import { detectLanguage, normalizeText } from '../language';
import { Intent, matchIntent } from './intents';

describe('intent rules', () => {
  it.each([
    ['转人工', Intent.human],
    ['我要人工客服！', Intent.human],
    ['帮我找人工', Intent.human],
    ['I want a human agent', Intent.human],
    ['Can I talk to a person, please?', Intent.human],
    ['are you a human?', Intent.whoAreYou],
    ['你是机器人吗', Intent.whoAreYou],
    ['我要投诉', Intent.complaint],
    ['你好，我的卡丢了', Intent.lostCard],
    ['I lost my debit card yesterday', Intent.lostCard],
    ['你们营业时间是几点？', Intent.openingHours],
    ['When do you open on Saturday?', Intent.openingHours],
    ['手机银行转账限额是多少', Intent.transferLimit],
    ["What's the transfer limit?", Intent.transferLimit],
    ['今天美元汇率多少', Intent.exchangeRate],
    ['exchange rate for euros', Intent.exchangeRate],
    ['我想办信用卡', Intent.cardApplication],
    ['I want to apply for a credit card', Intent.cardApplication],
    ['有什么理财产品', Intent.financialAdvice],
    ['I want to invest some money', Intent.financialAdvice],
    ['我要取号', Intent.branchService],
    ['你好', Intent.greeting],
    ['Hello there', Intent.greeting],
    ['你好吗', Intent.howAreYou],
    ["how's it going", Intent.howAreYou],
    ['谢谢', Intent.thanks],
    ['bye', Intent.goodbye],
    ['紫色的大象会飞吗', Intent.unknown],
    ['purple elephants', Intent.unknown],
    ['人工智能是什么', Intent.unknown],
  ])('%s → %s', (text, intent) => {
    expect(matchIntent(text)).toBe(intent);
  });

  it('normalises full-width text and punctuation', () => {
    expect(normalizeText('ＨＥＬＬＯ，  World！')).toBe('hello world');
  });

  it('detects the language of a text', () => {
    expect(detectLanguage('营业时间', 'en')).toBe('zh-CN');
    expect(detectLanguage('opening hours', 'zh-CN')).toBe('en');
    expect(detectLanguage('123', 'en')).toBe('en');
  });
});
