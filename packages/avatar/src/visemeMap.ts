import type { Viseme } from '@digital-human/core';

/** The five VRM mouth presets every VRM has (VRM 0.x `a i u e o` are read by three-vrm as these). */
export type MouthPreset = 'aa' | 'ih' | 'ou' | 'ee' | 'oh';

/** The mouth presets in the column order used by compiled mappings. */
export const MOUTH_PRESETS: readonly MouthPreset[] = ['aa', 'ih', 'ou', 'ee', 'oh'];

/** How one viseme is shown on a VRM face. */
export interface VisemeTarget {
  /** Weights over the mouth presets when the viseme is fully on (missing presets weigh 0). */
  readonly weights: Readonly<Partial<Record<MouthPreset, number>>>;
  /**
   * A custom expression shown instead of `weights` when the model has one with this exact name,
   * e.g. `viseme_PP` (lips pressed). Custom expressions let a model do shapes the five vowels cannot.
   */
  readonly custom?: string;
}

/** One {@link VisemeTarget} for each of the 15 canonical visemes. Replace it to tune a model's mouth. */
export type VisemeMap = Readonly<Record<Viseme, VisemeTarget>>;

/**
 * The default viseme → VRM mapping. Vowels map to their own preset; consonants to a small opening blended from
 * the vowel shapes they resemble (rounded CH/RR lean on `ou`, spread SS on `ih`/`ee`). `PP` (lips pressed) and
 * `FF` (lower lip to upper teeth) use custom expressions `viseme_PP` / `viseme_FF` when the model has them;
 * otherwise `PP` is a near-closed mouth with a trace of `ou`, and `FF` a narrow `ih`.
 */
export const DEFAULT_VISEME_MAP: VisemeMap = {
  sil: { weights: {} },
  PP: { weights: { ou: 0.12 }, custom: 'viseme_PP' },
  FF: { weights: { ih: 0.3, ee: 0.1 }, custom: 'viseme_FF' },
  TH: { weights: { aa: 0.2, ih: 0.3 } },
  DD: { weights: { aa: 0.25, ih: 0.35 } },
  kk: { weights: { aa: 0.35, ih: 0.25 } },
  CH: { weights: { ih: 0.3, ou: 0.4 } },
  SS: { weights: { ih: 0.5, ee: 0.2 } },
  nn: { weights: { aa: 0.2, ih: 0.3 } },
  RR: { weights: { ou: 0.4, oh: 0.2 } },
  aa: { weights: { aa: 1 } },
  E: { weights: { ee: 0.85, aa: 0.2 } },
  ih: { weights: { ih: 1 } },
  oh: { weights: { oh: 1 } },
  ou: { weights: { ou: 1 } },
};
