import { describe, expect, it } from 'vitest';
import { hanziToPinyin } from './mandarin';
import { pinyinToVisemes } from './pinyinVisemes';

const names = (s: string) => pinyinToVisemes(s).map((p) => p.viseme);

describe('pinyinToVisemes', () => {
  it('maps initials by place of articulation', () => {
    expect(names('ba')).toEqual(['PP', 'aa']);
    expect(names('fa')).toEqual(['FF', 'aa']);
    expect(names('zhi')).toEqual(['CH', 'ih']);
    expect(names('si')).toEqual(['SS', 'ih']);
    expect(names('ri')).toEqual(['RR', 'ih']);
    expect(names('ge')).toEqual(['kk', 'E']);
  });

  it('splits finals into vowel sequences', () => {
    expect(names('xiao')).toEqual(['CH', 'ih', 'aa', 'ou']);
    expect(names('yao')).toEqual(['ih', 'aa', 'ou']);
    expect(names('zhuang')).toEqual(['CH', 'ou', 'aa', 'kk']);
    expect(names('gui')).toEqual(['kk', 'ou', 'E', 'ih']);
    expect(names('liu')).toEqual(['nn', 'ih', 'oh', 'ou']);
  });

  it('reads ü after j q x y and in lü/lv', () => {
    expect(names('ju')).toEqual(['CH', 'ou']);
    expect(names('yuan')).toEqual(['ou', 'aa', 'nn']);
    expect(names('lv')).toEqual(['nn', 'ou']);
    expect(names('lü')).toEqual(['nn', 'ou']);
    expect(names('xue')).toEqual(['CH', 'ou', 'E']);
  });

  it('gives shares that sum to 1, glides less than nuclei, and nothing for non-pinyin', () => {
    const parts = pinyinToVisemes('jiao');
    expect(parts.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1);
    expect(parts[1]!.share).toBeLessThan(parts[2]!.share);
    expect(pinyinToVisemes('hello')).toEqual([]);
  });
});

describe('hanziToPinyin', () => {
  it('resolves polyphones from context and skips non-Han characters', () => {
    const syllables = hanziToPinyin('银行行长，ok');
    expect(syllables.map((s) => s.pinyin)).toEqual(['yin', 'hang', 'hang', 'zhang', '', '', '']);
    expect(hanziToPinyin('他行走').map((s) => s.pinyin)[1]).toBe('xing');
    expect(hanziToPinyin('音乐').map((s) => s.pinyin)[1]).toBe('yue');
    expect(hanziToPinyin('快乐').map((s) => s.pinyin)[1]).toBe('le');
  });
});
