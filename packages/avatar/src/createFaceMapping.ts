import { EMOTIONS, VISEME_COUNT, VISEMES } from '@digital-human/core';
import type { VRM, VRMHumanBoneName } from '@pixiv/three-vrm';
import type { Object3D } from 'three';
import { DEFAULT_VISEME_MAP, MOUTH_PRESETS, type VisemeMap } from './visemeMap';

/** How eyelids are driven: separate left/right expressions, one shared `blink`, or not at all. */
export type BlinkMode = 'pair' | 'single' | 'none';

/** The normalized humanoid bones a face frame moves (null when the model lacks one). */
export interface FaceBones {
  readonly neck: Object3D | null;
  readonly head: Object3D | null;
  readonly spine: Object3D | null;
  readonly chest: Object3D | null;
  readonly upperChest: Object3D | null;
  readonly leftShoulder: Object3D | null;
  readonly rightShoulder: Object3D | null;
}

/**
 * A {@link VisemeMap} compiled against one model, so that {@link applyFaceFrame} runs without lookups or allocation.
 * Build it once per loaded model with {@link createFaceMapping}.
 */
export interface FaceMapping {
  /** Row-major `VISEME_COUNT × 5` weights over {@link MOUTH_PRESETS}; rows of visemes shown by a custom are 0. */
  readonly mouth: Float32Array;
  /** Mouth presets the model has, in {@link MOUTH_PRESETS} order (absent ones are skipped). */
  readonly mouthPresent: readonly boolean[];
  /** Names of the custom viseme expressions the model has. */
  readonly customNames: readonly string[];
  /** For each viseme, its index in `customNames`, or -1. */
  readonly visemeCustom: Int8Array;
  /** Emotions (in `EMOTIONS` order) the model has an expression for. */
  readonly emotionPresent: readonly boolean[];
  readonly blinkMode: BlinkMode;
  readonly bones: FaceBones;
  /**
   * -1 for VRM 0.x, whose normalized bones keep the model's -Z facing (three-vrm's rotateVRM0 turns only the scene),
   * so rotations about X and Z flip sign; 1 for VRM 1.0.
   */
  readonly axisSign: 1 | -1;
}

/** Compiles `map` (default {@link DEFAULT_VISEME_MAP}) against the expressions and bones of `vrm`. */
export function createFaceMapping(vrm: VRM, map: VisemeMap = DEFAULT_VISEME_MAP): FaceMapping {
  const expressions = vrm.expressionManager;
  const has = (name: string): boolean => expressions?.getExpression(name) != null;
  const mouth = new Float32Array(VISEME_COUNT * MOUTH_PRESETS.length);
  const visemeCustom = new Int8Array(VISEME_COUNT).fill(-1);
  const customNames: string[] = [];
  VISEMES.forEach((viseme, row) => {
    const target = map[viseme];
    if (target.custom !== undefined && has(target.custom)) {
      let slot = customNames.indexOf(target.custom);
      if (slot < 0) slot = customNames.push(target.custom) - 1;
      visemeCustom[row] = slot;
      return;
    }
    MOUTH_PRESETS.forEach((preset, column) => {
      mouth[row * MOUTH_PRESETS.length + column] = target.weights[preset] ?? 0;
    });
  });
  return {
    mouth,
    mouthPresent: MOUTH_PRESETS.map(has),
    customNames,
    visemeCustom,
    emotionPresent: EMOTIONS.map(has),
    blinkMode: blinkModeOf(vrm),
    bones: findBones(vrm),
    axisSign: vrm.meta.metaVersion === '0' ? -1 : 1,
  };
}

/**
 * Separate eyelids when the model has both, unless they are binary (some VRM 0.x models mark `blink_l`/`blink_r`
 * binary, which would make every blink snap); otherwise the shared `blink`.
 */
function blinkModeOf(vrm: VRM): BlinkMode {
  const left = vrm.expressionManager?.getExpression('blinkLeft');
  const right = vrm.expressionManager?.getExpression('blinkRight');
  if (left && right && !left.isBinary && !right.isBinary) return 'pair';
  if (vrm.expressionManager?.getExpression('blink')) return 'single';
  if (left && right) return 'pair';
  return 'none';
}

function findBones(vrm: VRM): FaceBones {
  const bone = (name: VRMHumanBoneName): Object3D | null => vrm.humanoid.getNormalizedBoneNode(name);
  return {
    neck: bone('neck'),
    head: bone('head'),
    spine: bone('spine'),
    chest: bone('chest'),
    upperChest: bone('upperChest'),
    leftShoulder: bone('leftShoulder'),
    rightShoulder: bone('rightShoulder'),
  };
}
