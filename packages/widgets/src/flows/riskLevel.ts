import type { Product } from './content';

/** Customer risk tolerance levels from the questionnaire, C1 (conservative) .. C5 (aggressive). */
export const CUSTOMER_LEVELS = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;
/** One of the {@link CUSTOMER_LEVELS}. */
export type CustomerLevel = (typeof CUSTOMER_LEVELS)[number];

/** 1..5 for R1..R5 (or C1..C5); 6 for anything unknown, so an unknown level is never allowed. */
export function levelIndex(level: string): number {
  const n = /^[RC]([1-5])$/.exec(level)?.[1];
  return n === undefined ? 6 : Number(n);
}

/** True when a product of `productRisk` (R1–R5) may be shown to a customer of `customer` (C1–C5). */
export function isSuitable(productRisk: string, customer: CustomerLevel | undefined): boolean {
  return customer !== undefined && levelIndex(productRisk) <= levelIndex(customer);
}

/**
 * Scores the risk questionnaire: each answer id ends in its score 1..5 (e.g. `q3-s4`); the level is the rounded
 * mean, clamped to C1..C5. Returns undefined when no answer carries a score.
 */
export function scoreQuestionnaire(answers: readonly string[]): CustomerLevel | undefined {
  const scores = answers.map((a) => /s([1-5])$/.exec(a)?.[1]).filter((s): s is string => s !== undefined);
  if (scores.length === 0) return undefined;
  const mean = scores.reduce((sum, s) => sum + Number(s), 0) / scores.length;
  const index = Math.min(5, Math.max(1, Math.round(mean)));
  return CUSTOMER_LEVELS[index - 1];
}

/** One slice of an allocation plan (chart data). */
export interface AllocationSlice {
  readonly productId: string;
  readonly name: string;
  readonly riskLevel: Product['riskLevel'];
  /** Share of the amount, 0..1; the slices sum to 1. */
  readonly weight: number;
  /** The amount for this slice, in the customer's currency. */
  readonly amount: number;
}

/**
 * A plan over suitable products: lower-risk products get more weight the more conservative the customer
 * (weight ∝ 1 + level − risk). Only products passed in are used; the caller passes the filtered list.
 */
export function allocate(
  products: readonly Product[],
  customer: CustomerLevel,
  amount: number,
): AllocationSlice[] {
  const c = levelIndex(customer);
  const raw = products.map((p) => Math.max(1, 1 + c - levelIndex(p.riskLevel)));
  const total = raw.reduce((a, b) => a + b, 0);
  return products.map((p, i) => {
    const weight = total > 0 ? (raw[i] ?? 0) / total : 0;
    return { productId: p.productId, name: p.name, riskLevel: p.riskLevel, weight, amount: weight * amount };
  });
}
