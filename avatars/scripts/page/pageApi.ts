/** What one screenshot of the preview page shows. */
export interface ShotOptions {
  readonly size?: number;
  readonly expressions?: Readonly<Record<string, number>>;
  readonly lookAt?: readonly [number, number, number];
  readonly camera?: readonly [number, number, number];
  readonly target?: readonly [number, number, number];
  readonly fov?: number;
  readonly headYaw?: number;
  readonly headPitch?: number;
  readonly headRoll?: number;
  /** Forward bend of chest and upper chest together (breathing / leaning), radians. */
  readonly chestPitch?: number;
  /** Upper-arm rotation down from the T-pose, radians. */
  readonly armsDown?: number;
}

/** What the page reports about the loaded VRM for check-avatar.ts. */
export interface CheckReport {
  readonly metaVersion: string;
  readonly meta: Record<string, unknown>;
  readonly bones: string[];
  /** Per expression: how many binds it has and the largest morph influence it produces at weight 1. */
  readonly expressions: Record<string, { binds: number; influence: number }>;
  readonly presetNames: string[];
  readonly lookAtType: string;
  readonly eyeTurnDegrees: number;
  readonly morphTargetCount: number;
}

/** The page's window.avatarPage API. */
export interface AvatarPage {
  load(url: string): Promise<void>;
  /** Poses, renders and returns a PNG data URL. */
  shot(options: ShotOptions): string;
  check(): CheckReport;
}
