/** A rendering quality tier; `auto` picks one from hardware hints. */
export type AvatarQuality = 'low' | 'medium' | 'high' | 'auto';

/** What a tier means for the renderer. */
export interface QualitySettings {
  readonly tier: 'low' | 'medium' | 'high';
  /** Upper bound for `renderer.setPixelRatio`. */
  readonly maxPixelRatio: number;
  /** Whether MToon outlines are drawn (each costs a second draw of the mesh). */
  readonly outlines: boolean;
  /** Frame-rate cap; 0 means the display rate. */
  readonly maxFps: number;
  readonly antialias: boolean;
}

/** Hardware facts `auto` decides from (from `navigator` and `screen` by default). */
export interface HardwareHints {
  /** `navigator.deviceMemory` in GB (Chromium only; capped at 8 by the browser). */
  deviceMemory?: number | undefined;
  hardwareConcurrency?: number | undefined;
  /** Device pixels of the screen's long side. */
  screenLongSide?: number | undefined;
}

const TIERS: Readonly<Record<QualitySettings['tier'], QualitySettings>> = {
  low: { tier: 'low', maxPixelRatio: 1, outlines: false, maxFps: 30, antialias: false },
  medium: { tier: 'medium', maxPixelRatio: 1.5, outlines: true, maxFps: 0, antialias: true },
  high: { tier: 'high', maxPixelRatio: 2, outlines: true, maxFps: 0, antialias: true },
};

/** Reads {@link HardwareHints} from the browser; missing facts stay undefined. */
export function readHardwareHints(): HardwareHints {
  if (typeof navigator === 'undefined') return {};
  const memory = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
  const longSide = typeof screen === 'undefined' ? undefined : Math.max(screen.width, screen.height) * dpr;
  return {
    deviceMemory: memory,
    hardwareConcurrency: navigator.hardwareConcurrency,
    screenLongSide: longSide,
  };
}

/**
 * Resolves a quality setting to concrete settings. For `auto`: 2 GB of memory or less, or 2 cores or fewer, is
 * `low`; 4 GB or less, 4 cores or fewer, or a screen under 1400 device pixels long is `medium`; anything else `high`.
 */
export function resolveQuality(
  quality: AvatarQuality,
  hints: HardwareHints = readHardwareHints(),
): QualitySettings {
  if (quality !== 'auto') return TIERS[quality];
  const memory = hints.deviceMemory ?? 4;
  const cores = hints.hardwareConcurrency ?? 4;
  if (memory <= 2 || cores <= 2) return TIERS.low;
  if (memory <= 4 || cores <= 4 || (hints.screenLongSide ?? 1920) < 1400) return TIERS.medium;
  return TIERS.high;
}
