import { describe, expect, it } from 'vitest';
import { englishToPhones, linkedPhones } from './englishG2P';

const g2p = (w: string) => englishToPhones(w).join(' ');

describe('englishToPhones', () => {
  it('uses the lexicon for common and irregular words', () => {
    expect(g2p('the')).toBe('DH AH0');
    expect(g2p('One')).toBe('W AH1 N');
    expect(g2p('accounts')).toBe('AH0 K AW1 N T S');
    expect(g2p("bank's")).toBe('B AE1 NG K S');
  });

  it('applies letter-to-sound rules to other words', () => {
    expect(g2p('make')).toBe('M EY1 K');
    expect(g2p('ship')).toBe('SH IH1 P');
    expect(g2p('station')).toBe('S T EY1 SH AH0 N');
    expect(g2p('fee')).toBe('F IY1');
    expect(g2p('night')).toBe('N AY1 T');
    expect(g2p('happy')).toBe('HH AE1 P IY0');
    expect(g2p('fly')).toBe('F L AY1');
    expect(g2p('smoke')).toBe('S M OW1 K');
    expect(g2p('cash')).toBe('K AE1 SH');
    expect(g2p('city')).toBe('S IH1 T IY0');
    expect(g2p('boxes')).toBe('B AA1 K S IH0 Z');
    expect(g2p('wanted')).toBe('W AE1 N T IH0 D');
  });

  it('leaves be-, de-, re- unstressed before a one-syllable root only', () => {
    expect(g2p('before')).toBe('B IH0 F AO1 R');
    expect(g2p('decide')).toBe('D IH0 S AY1 D');
    expect(g2p('return')).toBe('R IH0 T ER1 N');
    expect(englishToPhones('register')[1]).toBe('EH1');
    expect(englishToPhones('better')[1]).toBe('EH1');
  });

  it('reads "the" and "to" with a full vowel before a vowel only', () => {
    expect(linkedPhones('the', 'apple')).toEqual(['DH', 'IY0']);
    expect(linkedPhones('To', 'open')).toEqual(['T', 'UW0']);
    expect(linkedPhones('the', 'bank')).toBeNull();
    expect(linkedPhones('a', 'apple')).toBeNull();
  });

  it('returns no phones for a word with no letters', () => {
    expect(englishToPhones('123')).toEqual([]);
  });
});

describe('acronyms', () => {
  it('spells out capitals not in the lexicon', () => {
    expect(g2p('ATM')).toBe('EY1 T IY1 EH1 M');
    expect(g2p('OK')).toBe('OW0 K EY1');
  });
});

describe('prototype names', () => {
  it('treats words like "constructor" as ordinary words', () => {
    expect(englishToPhones('constructor')[0]).toBe('K');
    expect(englishToPhones('then')).toEqual(['DH', 'EH1', 'N']);
  });
});
