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
    expect(g2p('wanted')).toBe('W AA1 N T IH0 D');
  });

  it('reads vowels before r by what follows (during, careful, fire, store, work, warm, sorry)', () => {
    expect(g2p('during')).toBe('D UH1 R IH0 NG');
    expect(g2p('careful')).toBe('K EH1 R F AH0 L');
    expect(g2p('tired')).toBe('T AY1 ER0 D');
    expect(g2p('store')).toBe('S T AO1 R');
    expect(g2p('world')).toBe('W ER1 L D');
    expect(g2p('warm')).toBe('W AO1 R M');
    expect(g2p('sorry')).toBe('S AA1 R IY0');
    expect(g2p('learn')).toBe('L ER1 N');
  });

  it('lengthens a vowel in an open first syllable (opened, music, pilot, baby) but not river', () => {
    expect(g2p('opened')).toBe('OW1 P EH0 N D');
    expect(g2p('local')).toBe('L OW1 K AH0 L');
    expect(g2p('music')).toBe('M Y UW1 Z IH0 K');
    expect(g2p('student')).toBe('S T UW1 D EH0 N T');
    expect(g2p('pilot')).toBe('P AY1 L AH0 T');
    expect(g2p('quiet')).toBe('K W AY1 AH0 T');
    expect(g2p('baby')).toBe('B EY1 B IY0');
    expect(g2p('river')).toBe('R IH1 V ER0');
    expect(g2p('most')).toBe('M OW1 S T');
    expect(g2p('slowly')).toBe('S L OW1 L IY0');
    expect(g2p('town')).toBe('T AW1 N');
  });

  it('knows the common exceptions to the vowel letters', () => {
    expect(g2p('bread')).toBe('B R EH1 D');
    expect(g2p('read')).toBe('R IY1 D');
    expect(g2p('heavy')).toBe('HH EH1 V IY0');
    expect(g2p('weather')).toBe('W EH1 TH ER0');
    expect(g2p('window')).toBe('W IH1 N D OW0');
    expect(g2p('kind')).toBe('K AY1 N D');
    expect(g2p('children')).toBe('CH IH1 L D R EH0 N');
    expect(g2p('full')).toBe('F UH1 L');
    expect(g2p('salt')).toBe('S AO1 L T');
    expect(g2p('half')).toBe('HH AE1 F');
    expect(g2p('soft')).toBe('S AO1 F T');
    expect(g2p('gloves')).toBe('G L AH1 V Z');
    expect(g2p('moving')).toBe('M UW1 V IH0 NG');
    expect(g2p('build')).toBe('B IH1 L D');
  });

  it('reduces the vowels of unstressed syllables', () => {
    expect(g2p('away')).toBe('AH0 W EY1');
    expect(g2p('final')).toBe('F AY1 N AH0 L');
    expect(g2p('dollar')).toBe('D AA1 L ER0');
    expect(g2p('doctor')).toBe('D AA1 K T ER0');
    expect(g2p('person')).toBe('P ER1 S AH0 N');
    expect(g2p('famous')).toBe('F EY1 M AH0 S');
    expect(g2p('ticket')).toBe('T IH1 K IH0 T');
    expect(g2p('village')).toBe('V IH1 L IH0 JH');
    expect(g2p('office')).toBe('AA1 F IH0 S');
    expect(g2p('available')).toBe('AH0 V EY1 L AH0 B AH0 L');
    expect(g2p('financial')).toBe('F AY1 N AE0 N SH AH0 L');
    expect(g2p('session')).toBe('S EH1 SH AH0 N');
    expect(g2p('measure')).toBe('M EH1 ZH ER0');
  });

  it('drops silent letters and reads consonant clusters (school, league, whistle, statement)', () => {
    expect(g2p('school')).toBe('S K UW1 L');
    expect(g2p('colleague')).toBe('K AA1 L IY0 G');
    expect(g2p('guide')).toBe('G AY1 D');
    expect(g2p('whistle')).toBe('W IH1 S AH0 L');
    expect(g2p('apples')).toBe('AE1 P AH0 L Z');
    expect(g2p('statement')).toBe('S T EY1 T M EH0 N T');
    expect(g2p('change')).toBe('CH EY1 N JH');
    expect(g2p('singer')).toBe('S IH1 NG ER0');
    expect(g2p('usually')).toBe('Y UW1 ZH UW0 AH0 L IY0');
  });

  it('joins compounds of any/every/some/no with a common tail', () => {
    expect(g2p('everyone')).toBe('EH1 V R IY0 W AH2 N');
    expect(g2p('nobody')).toBe('N OW1 B AA2 D IY0');
    expect(g2p('nothing')).toBe('N AH1 TH IH0 NG');
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
