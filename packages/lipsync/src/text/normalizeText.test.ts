import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalizeText';
import { enCardinal, enYear } from './numbersEn';
import { zhCardinal, zhNumber } from './numbersZh';

describe('Mandarin number reading', () => {
  it('reads cardinals with 两, 零 and the bare 十', () => {
    expect(zhCardinal('20000')).toBe('两万');
    expect(zhCardinal('2')).toBe('二');
    expect(zhCardinal('12')).toBe('十二');
    expect(zhCardinal('22')).toBe('二十二');
    expect(zhCardinal('200')).toBe('两百');
    expect(zhCardinal('1005')).toBe('一千零五');
    expect(zhCardinal('10010')).toBe('一万零一十');
    expect(zhCardinal('120000')).toBe('十二万');
    expect(zhCardinal('100000000')).toBe('一亿');
    expect(zhCardinal('1200000')).toBe('一百二十万');
    expect(zhCardinal('200000000')).toBe('两亿');
    expect(zhNumber('3.5')).toBe('三点五');
    expect(zhNumber('-0.25')).toBe('负零点二五');
  });

  it('normalises bank sentences as a TTS reads them', () => {
    expect(normalizeText('年化 3.5%')).toBe('年化 百分之三点五');
    expect(normalizeText('额度¥20,000。')).toBe('额度两万元。');
    expect(normalizeText('还款日是2024-03-05')).toBe('还款日是二零二四年三月五日');
    expect(normalizeText('2025年12月1日开户')).toBe('二零二五年十二月一日开户');
    expect(normalizeText('卡号6222021234567890')).toBe('卡号六二二二零二一二三四五六七八九零');
    expect(normalizeText('共3笔')).toBe('共三笔');
  });
});

describe('English number reading', () => {
  it('reads cardinals and years', () => {
    expect(enCardinal('20000')).toBe('twenty thousand');
    expect(enCardinal('1215')).toBe('one thousand two hundred fifteen');
    expect(enYear(2024)).toBe('twenty twenty-four');
    expect(enYear(2005)).toBe('two thousand five');
    expect(enYear(1999)).toBe('nineteen ninety-nine');
  });

  it('normalises amounts, percentages, dates and ordinals', () => {
    expect(normalizeText('A rate of 3.5% a year.')).toBe('A rate of three point five percent a year.');
    expect(normalizeText('Limit ¥20,000')).toBe('Limit twenty thousand yuan');
    expect(normalizeText('Pay $1,200.50 now')).toBe(
      'Pay one thousand two hundred dollars and fifty cents now',
    );
    expect(normalizeText('Due 2024-03-05.')).toBe('Due March fifth, twenty twenty-four.');
    expect(normalizeText('the 21st floor')).toBe('the twenty-first floor');
    expect(normalizeText('in 1999 we had 42 branches')).toBe(
      'in nineteen ninety-nine we had forty-two branches',
    );
  });

  it('reads each sentence of mixed text in its own language', () => {
    expect(normalizeText('利率3.5%。The rate is 3.5%.')).toBe(
      '利率百分之三点五。The rate is three point five percent.',
    );
  });
});
